package org.stancegraph.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * One token of an article, with absolute character offsets into the article text.
 *
 * @param text  the token as written
 * @param begin offset of its first character in the article text
 * @param end   offset after its last character
 * @param index position of the token in its sentence
 */
public record Token(String text, int begin, int end, int index) {

    /** Lower case, without diacritics, curly apostrophes straightened: the form dictionaries are matched on. */
    public String folded() {
        return fold(text);
    }

    /** True when the token starts with an upper-case letter. */
    public boolean capitalised() {
        return !text.isEmpty() && Character.isUpperCase(text.codePointAt(0));
    }

    /** Folds a string the way {@link #folded()} does. */
    public static String fold(String s) {
        String noMarks = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return noMarks.replace('\u2019', '\'').replace('\u2018', '\'').replace('ı', 'i').toLowerCase(Locale.ROOT);
    }
}
