package org.stancegraph.source;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One article as a reader found it, before cleaning: the raw body and whatever
 * metadata the format itself carries (HTML meta tags, JSON fields). Every text in it is cleaned
 * once here, by {@link CleanText}, whichever reader made it.
 *
 * @param id       file name without extension, or the record id of a JSON line (when it has none:
 *                 file name without extension + ":" + line number), of a CSV row (else file-rownumber),
 *                 or the address of a web page or feed item (see {@link UrlIds})
 * @param origin   where it came from, for messages: the file path, plus ":line" for JSON Lines and CSV,
 *                 " record N (address)" for a web archive, " item N" for a feed
 * @param format   the {@link SourceReader#format()} of its reader: "text", "html", "jsonl", "warc", "feed" or "csv"
 * @param body     the text as read (plain text; for HTML the extracted main text)
 * @param metadata keys "title", "date", "outlet", "author", "url", "language" where the format gives them
 */
public record SourceRecord(String id, String origin, String format, String body, Map<String, String> metadata) {
    public SourceRecord {
        id = CleanText.of(id);
        body = CleanText.of(body);
        Map<String, String> cleaned = new LinkedHashMap<>();
        metadata.forEach((key, value) -> cleaned.put(key, CleanText.of(value)));
        metadata = Collections.unmodifiableMap(cleaned);
    }
}
