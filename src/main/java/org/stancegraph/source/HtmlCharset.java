package org.stancegraph.source;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The charset of an HTML file: its byte order mark, else the charset its head declares, else UTF-8.
 * jsoup's own detection ({@code DataUtil}) is not used: it decodes with replacement characters and
 * falls back to UTF-8 on an unknown charset, where a load must refuse and say where and why.
 */
final class HtmlCharset {

    /** How far a declaration is looked for, as jsoup does (browsers look at the first 1,024 bytes). */
    static final int PRESCAN_BYTES = 5 * 1024;

    private static final Pattern CONTENT_TYPE_CHARSET = Pattern.compile("(?i)\\bcharset\\s*=\\s*[\"']?([^\\s,;\"']+)");

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** The charset, and where the text starts (after a byte order mark). */
    record Encoding(Charset charset, int start) {
    }

    /** A declared charset that cannot be used; the message names it. */
    static final class UnusableCharsetException extends Exception {
        UnusableCharsetException(String message) {
            super(message);
        }
    }

    private HtmlCharset() {
    }

    static Encoding of(byte[] bytes) throws UnusableCharsetException {
        int utf8Bom = Bytes.bomLength(bytes, bytes.length);
        if (utf8Bom > 0) {
            return new Encoding(StandardCharsets.UTF_8, utf8Bom);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new Encoding(StandardCharsets.UTF_16LE, 2);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new Encoding(StandardCharsets.UTF_16BE, 2);
        }
        Optional<String> declared = declared(bytes);
        return new Encoding(declared.isPresent() ? charset(declared.get()) : StandardCharsets.UTF_8, 0);
    }

    /** The charset named in the head: the start read byte for byte, so ASCII markup parses in any ASCII-compatible charset. */
    private static Optional<String> declared(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        Document document = Jsoup.parse(head);
        for (Element meta : document.select("meta[charset], meta[http-equiv]")) {
            if (meta.hasAttr("charset") && !meta.attr("charset").isBlank()) {
                return Optional.of(meta.attr("charset").strip());
            }
            if (meta.attr("http-equiv").equalsIgnoreCase("content-type")) {
                Matcher matcher = CONTENT_TYPE_CHARSET.matcher(meta.attr("content"));
                if (matcher.find()) {
                    return Optional.of(matcher.group(1));
                }
            }
        }
        return Optional.empty();
    }

    private static Charset charset(String name) throws UnusableCharsetException {
        Charset charset;
        try {
            charset = Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UnusableCharsetException("declares an unknown charset \"" + name + "\"");
        }
        // The HTML standard reads ISO-8859-1 and ASCII as windows-1252: pages that say Latin-1 often
        // hold its curly quotes and dashes (0x80-0x9F), which ISO-8859-1 would make control characters.
        if (charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(StandardCharsets.US_ASCII)) {
            return WINDOWS_1252;
        }
        // The declaration was read as ASCII, so the page is not UTF-16; the HTML standard reads it as UTF-8.
        if (charset.name().startsWith("UTF-16")) {
            return StandardCharsets.UTF_8;
        }
        String ascii = "<meta charset=\"" + name + "\">";
        if (!new String(ascii.getBytes(StandardCharsets.US_ASCII), charset).equals(ascii)) {
            throw new UnusableCharsetException("declares charset \"" + name
                    + "\", which cannot be, as the declaration itself is written in ASCII");
        }
        return charset;
    }
}
