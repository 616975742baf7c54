package org.stancegraph.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One token of an article, with absolute character offsets into the article text.
 *
 * @param text  the token as written
 * @param begin offset of its first character in the article text
 * @param end   offset after its last character
 * @param index position of the token in its sentence
 * @param folded lower case, without diacritics, curly apostrophes straightened: the form dictionaries
 *               are matched on ({@link #fold} of the text, computed once: every stage asks for it, often)
 */
public record Token(String text, int begin, int end, int index, String folded) {

    public Token(String text, int begin, int end, int index) {
        this(text, begin, end, index, fold(text));
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** True when the token starts with an upper-case letter. */
    public boolean capitalised() {
        return !text.isEmpty() && Character.isUpperCase(text.codePointAt(0));
    }

    /** Folds a string the way {@link #folded()} does. */
    public static String fold(String s) {
        // Most words are plain ASCII, which has nothing to decompose or straighten; folding runs
        // for every token several times, so the Unicode work is kept for the words that need it.
        if (isAscii(s)) {
            return s.toLowerCase(Locale.ROOT);
        }
        String noMarks = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        return noMarks.replace('\u2019', '\'').replace('\u2018', '\'').replace('ı', 'i').toLowerCase(Locale.ROOT);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
