package org.stancegraph.source;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Article ids made from the address a page or feed item was found at: host and path (and query), with
 * every run of characters other than letters, digits, '.', '_' and '-' turned into one '-', so the id
 * stays readable ("www.borduria-herald.example-politics-2026-talks"). An address too long for that is
 * cut and given the start of its SHA-256 instead, which keeps it unique and deterministic.
 */
final class UrlIds {

    /** Longest readable id; longer ones are cut to {@link #KEPT} characters and a hash. */
    private static final int MAX_LENGTH = 120;
    private static final int KEPT = 80;

    private UrlIds() {
    }

    static String of(String address) {
        String readable;
        try {
            URI uri = URI.create(address.strip());
            readable = uri.getHost() == null ? address : uri.getHost().toLowerCase(Locale.ROOT)
                    + (uri.getRawPath() == null ? "" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            readable = address;
        }
        String id = readable.replaceAll("[^\\p{Alnum}._-]+", "-").replaceAll("^-+|-+$", "");
        if (id.isEmpty()) {
            return "url-" + sha256(address).substring(0, 16);
        }
        return id.length() <= MAX_LENGTH ? id : id.substring(0, KEPT) + "-" + sha256(address).substring(0, 16);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
