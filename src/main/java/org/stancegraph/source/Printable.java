package org.stancegraph.source;

/**
 * Text from outside (file names, above all) made safe to print on one terminal line. A file may be
 * named {@code "empty\nloaded 99 articles: forged\n.txt"} or carry terminal escape sequences; printed
 * raw, such a name forges lines of output or recolours the terminal. Control characters (C0, DEL,
 * C1), the Unicode line and paragraph separators, and the backslash that introduces the escapes
 * are written as Java-style escapes ({@code \n}, {@code \r}, {@code \t}, {@code \\}, {@code \u001b}).
 */
public final class Printable {
    private Printable() {}

    /** {@code text} with every character that could break or restyle the line escaped. */
    public static String of(Object text) {
        String s = String.valueOf(text);
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String escape = escape(c);
            if (escape != null && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (out != null) {
                if (escape != null) {
                    out.append(escape);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? s : out.toString();
    }

    private static String escape(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '\\' -> "\\\\";
            default -> c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029'
                    ? String.format("\\u%04x", (int) c) : null;
        };
    }
}
