package org.stancegraph.source;

/**
 * The one normalisation every text read gets, before anything else sees it: what no RDF syntax can
 * carry safely and no reader of an article needs. RDF/XML (XML 1.0) cannot hold C0 control characters
 * other than tab, new line and carriage return, nor lone surrogates or the non-characters U+FFFE and
 * U+FFFF; a JSON line may contain all of them, and a store that held them wrote exports that Jena's and
 * rdflib's parsers reject.
 *
 * <p>Line ends become {@code \n} (a carriage return would be turned into a new line by any XML
 * parser, so the text would not read back as it was stored); other C0 controls become a space (they
 * separate what they stood between); lone surrogates and non-characters become U+FFFD, the
 * replacement character.
 */
public final class CleanText {
    private CleanText() {}

    public static String of(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = null;
            int width = 1;
            if (c == '\r') {
                replacement = "\n";
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    width = 2;
                }
            } else if (c < 0x20 && c != '\t' && c != '\n') {
                replacement = " ";
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int codePoint = Character.toCodePoint(c, text.charAt(i + 1));
                    width = 2;
                    replacement = isNonCharacter(codePoint) ? "\uFFFD" : null;
                } else {
                    replacement = "\uFFFD";
                }
            } else if (Character.isLowSurrogate(c) || isNonCharacter(c)) {
                replacement = "\uFFFD";
            }
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(replacement != null ? replacement : text.substring(i, i + width));
            }
            i += width - 1;
        }
        return out == null ? text : out.toString();
    }

    /** U+FDD0..U+FDEF and the last two code points of every plane. */
    private static boolean isNonCharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }
}
