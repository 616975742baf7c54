package org.stancegraph.text;

import java.util.List;

/**
 * One sentence of an article.
 *
 * @param index  position of the sentence in the article
 * @param begin  offset of its first character in the article text
 * @param end    offset after its last character
 * @param text   the sentence as written
 * @param tokens its tokens, offsets absolute
 */
public record Sentence(int index, int begin, int end, String text, List<Token> tokens) {
}
