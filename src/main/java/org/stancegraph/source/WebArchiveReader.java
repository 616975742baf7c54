package org.stancegraph.source;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Reads web archives (WARC, as crawlers write them): every {@code response} record holding an HTML page
 * fetched with status 200 is an article, read through the same charset detection and text extraction as
 * an HTML file. Its id is made from the address it was fetched from ({@link UrlIds}); that address and the
 * time of the capture (WARC-Date) become its url and date unless the page declares its own. Every other
 * record (requests, metadata, redirects, images) is passed over and counted, and the count is reported
 * once per file as a warning.
 */
final class WebArchiveReader implements SourceReader {

    @Override
    public String format() {
        return "warc";
    }

    @Override
    public List<String> extensions() {
        return List.of("warc");
    }

    @Override
    public void read(SourceInput input, SourceOptions options, Consumer<SourceRecord> records,
                     Consumer<SourceProblem> problems) throws IOException {
        String where = input.where();
        long number = 0;
        long passedOver = 0;
        try (WarcReader warc = new WarcReader(input.stream())) {
            while (true) {
                Optional<WarcRecord> next;
                try {
                    next = warc.next();
                } catch (IOException e) {
                    // jwarc quotes the bytes around the fault, escaped; its position (in the record) says enough.
                    problems.accept(new SourceProblem(where, 0, "bad WARC record " + (number + 1) + ": " + firstLine(e).replaceFirst(": \\.\\.\\..*", "") + "; the rest of the file not read"));
                    break;
                }
                if (next.isEmpty()) {
                    break;
                }
                number++;
                if (!(next.get() instanceof WarcResponse response) || !read(response, where, number, options, records, problems)) {
                    passedOver++;
                }
            }
        }
        if (passedOver > 0) {
            problems.accept(SourceProblem.warning(where, 0, "passed over " + passedOver + " of " + number
                    + " WARC records that are not HTML pages fetched with status 200 (requests, metadata, redirects, other media)"));
        }
    }

    /** Reads one response; false when it is not an HTML page fetched with status 200. */
    private boolean read(WarcResponse response, String where, long number, SourceOptions options,
                         Consumer<SourceRecord> records, Consumer<SourceProblem> problems) {
        MediaType block = response.contentType().base();
        if (!block.type().equalsIgnoreCase("application") || !block.subtype().equalsIgnoreCase("http")) {
            return false;
        }
        String target = response.target();
        String origin = where + " record " + number + " (" + target + ")";
        HttpResponse http;
        try {
            http = response.http();
        } catch (IOException e) {
            problems.accept(new SourceProblem(origin, 0, "HTTP response cannot be parsed: " + firstLine(e) + "; skipped"));
            return true;
        }
        if (http.status() != 200 || !isHtml(http.contentType())) {
            return false;
        }
        byte[] body;
        try {
            body = http.bodyDecoded().stream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, options.limits().maxFileBytes() + 1));
        } catch (IOException e) {
            problems.accept(new SourceProblem(origin, 0, "page cannot be read: " + firstLine(e) + "; skipped"));
            return true;
        }
        if (body.length > options.limits().maxFileBytes()) {
            problems.accept(new SourceProblem(origin, 0, "page is over the limit of " + options.limits().maxFileBytes()
                    + " bytes; skipped"));
            return true;
        }
        WholeFileReader.page(origin, body, problems).ifPresent(page -> {
            Map<String, String> metadata = new TreeMap<>(page.metadata());
            metadata.putIfAbsent("url", target);
            metadata.putIfAbsent("date", response.date().toString());
            records.accept(new SourceRecord(UrlIds.of(target), origin, format(), page.body(), metadata));
        });
        return true;
    }

    private static boolean isHtml(MediaType type) {
        MediaType base = type.base();
        return (base.type().equalsIgnoreCase("text") && base.subtype().equalsIgnoreCase("html"))
                || (base.type().equalsIgnoreCase("application") && base.subtype().equalsIgnoreCase("xhtml+xml"));
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("").strip();
    }
}
