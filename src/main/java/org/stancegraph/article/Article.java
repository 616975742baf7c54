package org.stancegraph.article;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One news article after reading and cleaning: the text that offsets refer to, and
 * its metadata. Produced by {@link Articles#from}; everything downstream reads it
 * and nothing writes back.
 *
 * @param id          the article's id: the file name without extension, or a JSON line's record id
 * @param title       headline, or empty when none was found
 * @param date        publication date, when the source gives one
 * @param outlet      publisher name, when known
 * @param author      byline, when known
 * @param url         canonical URL, when known
 * @param language    BCP 47 language tag of the text ("en")
 * @param text        the cleaned article body; every character offset points into this string
 * @param contentHash lower-case hex SHA-256 over id, title, date and text: the article's identity
 * @param sourceFormat the reader that produced it ("text", "html", "jsonl")
 */
public record Article(
        String id,
        String title,
        Optional<LocalDate> date,
        Optional<String> outlet,
        Optional<String> author,
        Optional<String> url,
        String language,
        String text,
        String contentHash,
        String sourceFormat) {
}
