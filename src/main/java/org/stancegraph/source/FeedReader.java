package org.stancegraph.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import org.jsoup.Jsoup;

/**
 * Reads news feeds (RSS 0.9x/1.0/2.0 and Atom) with Rome: every item is an article, with its link, title,
 * date, author and the fullest text it carries (content:encoded or Atom content before the description
 * or summary), its HTML reduced to text by the same extraction as an HTML page. Files named .rss or
 * .atom are feeds; a file named .xml is read as one only when its root element is rss, feed or RDF.
 */
final class FeedReader implements SourceReader {

    /** The root elements of RSS 2.0 and 0.9x, Atom, and RSS 1.0. */
    private static final List<String> FEED_ROOTS = List.of("rss", "feed", "rdf");

    /** The first element of a document, after the XML declaration, comments, processing instructions and a doctype. */
    private static final Pattern ROOT = Pattern.compile(
            "\\A\\s*(?:<\\?.*?\\?>\\s*|<!--.*?-->\\s*|<!DOCTYPE(?:[^>\\[]|\\[.*?\\])*>\\s*)*<([A-Za-z_][\\w.:-]*)", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    @Override
    public String format() {
        return "feed";
    }

    @Override
    public List<String> extensions() {
        return List.of("rss", "atom", "xml");
    }

    @Override
    public void read(SourceInput input, SourceOptions options, Consumer<SourceRecord> records,
                     Consumer<SourceProblem> problems) throws IOException {
        String where = input.where();
        Optional<byte[]> bytes = WholeFileReader.bytes(input, options.limits(), problems);
        if (bytes.isEmpty()) {
            return;
        }
        Optional<String> root = root(bytes.get());
        String rootName = root.map(name -> name.substring(name.indexOf(':') + 1).toLowerCase(Locale.ROOT)).orElse("");
        if (rootName.equals("html") || (root.isEmpty() && looksLikeHtml(bytes.get()))) {
            problems.accept(new SourceProblem(where, 0, "is an HTML page, not an RSS or Atom feed; not read"));
            return;
        }
        if (!FEED_ROOTS.contains(rootName)) {
            problems.accept(new SourceProblem(where, 0, root.map(name -> "root element is <" + name + ">, not rss, feed or RDF: ")
                    .orElse("no XML root element found: ") + "not an RSS or Atom feed; not read"));
            return;
        }
        SyndFeed feed;
        try {
            feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(bytes.get())));
        } catch (FeedException | IllegalArgumentException e) {
            problems.accept(new SourceProblem(where, 0, "not a readable RSS or Atom feed: " + firstLine(e) + "; not read"));
            return;
        }
        int number = 0;
        for (SyndEntry entry : feed.getEntries()) {
            number++;
            String origin = where + " item " + number;
            String body = text(entry);
            if (body.isBlank()) {
                problems.accept(new SourceProblem(origin, 0, "feed item has no text (no content, description or summary); skipped"));
                continue;
            }
            Map<String, String> metadata = new TreeMap<>();
            put(metadata, "title", plain(entry.getTitle()));
            put(metadata, "url", entry.getLink());
            put(metadata, "author", entry.getAuthor());
            put(metadata, "outlet", plain(feed.getTitle()));
            put(metadata, "language", feed.getLanguage());
            Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
            put(metadata, "date", date == null ? null : date.toInstant().toString());
            String address = nonBlank(entry.getLink()).orElse(nonBlank(entry.getUri()).orElse(null));
            String id = address == null ? input.baseName() + "-" + number : UrlIds.of(address);
            records.accept(new SourceRecord(id, origin, format(), body, metadata));
        }
    }

    /** The fullest text of the item: its content, else its description or summary, as plain text. */
    private static String text(SyndEntry entry) {
        StringBuilder content = new StringBuilder();
        for (SyndContent part : entry.getContents()) {
            if (part.getValue() != null) {
                content.append(part.getValue()).append('\n');
            }
        }
        String html = content.toString().isBlank() && entry.getDescription() != null
                ? entry.getDescription().getValue() : content.toString();
        return html == null ? "" : HtmlExtractor.extract(html).body();
    }

    private static Optional<String> root(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, HtmlCharset.PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher matcher = ROOT.matcher(head.startsWith("\u00EF\u00BB\u00BF") ? head.substring(3) : head);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static boolean looksLikeHtml(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, HtmlCharset.PRESCAN_BYTES), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        return head.contains("<!doctype html") || head.contains("<html");
    }

    private static String plain(String markup) {
        return markup == null ? null : Jsoup.parse(markup).text();
    }

    private static void put(Map<String, String> metadata, String key, String value) {
        nonBlank(value).ifPresent(v -> metadata.put(key, v.strip()));
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("").strip();
    }
}
