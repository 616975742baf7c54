package org.stancegraph.source;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.luben.zstd.ZstdOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * Small input files in every format the source stage reads, written for the tests (invented news about
 * Ruritania and Borduria): web archives written with jwarc, feeds, CSV, and compressed copies.
 */
public final class InputSamples {

    public static final String TALKS = "Ruritania condemned Borduria over the closure of the border crossing at Zenda. "
            + "The foreign minister of Ruritania said the talks in Klopstokia would go on.";
    public static final String FLOODS = "Borduria thanked Ruritania for sending rescue teams after the floods in Szohod. "
            + "The two governments agreed to meet again in spring.";
    public static final String TRADE = "Syldavia criticised Borduria for the new tariffs on timber. "
            + "Officials in Klow called the measure unfair to small exporters.";

    private InputSamples() {
    }

    /** A news page as a crawler fetched it. */
    public static String page(String title, String text) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head>"
                + "<body><nav><a href=\"/\">Home</a> | <a href=\"/world\">World</a></nav>"
                + "<article><h1>" + title + "</h1><p>" + text + "</p></article>"
                + "<footer>Copyright The Zenda Courier</footer></body></html>";
    }

    /**
     * A crawl of seven records: warcinfo, then a request and an HTML response for two pages, a 404 page,
     * an image and a metadata record. Two are articles; five are passed over.
     */
    public static Path warc(Path file, boolean gzip) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
             WarcWriter writer = new WarcWriter(channel, gzip ? WarcCompression.GZIP : WarcCompression.NONE)) {
            writer.write(new Warcinfo.Builder().filename(file.getFileName().toString())
                    .fields(Map.of("software", List.of("InputSamples"))).build());
            String talks = "https://www.zenda-courier.example/world/2026/03/border-talks";
            writer.write(new WarcRequest.Builder(talks).date(Instant.parse("2026-03-14T09:30:00Z"))
                    .body(new HttpRequest.Builder("GET", "/world/2026/03/border-talks").build()).build());
            writer.write(response(talks, 200, MediaType.HTML_UTF8, page("Border talks go on", TALKS), "2026-03-14T09:30:01Z"));
            String floods = "https://news.szohod.example/floods?day=2";
            writer.write(response(floods, 200, MediaType.parse("application/xhtml+xml"),
                    page("Rescue teams arrive", FLOODS), "2026-03-15T07:00:00Z"));
            writer.write(response("https://www.zenda-courier.example/missing", 404, MediaType.HTML_UTF8,
                    page("Not found", "This page does not exist."), "2026-03-15T07:01:00Z"));
            writer.write(new WarcResponse.Builder("https://www.zenda-courier.example/logo.png")
                    .date(Instant.parse("2026-03-15T07:02:00Z"))
                    .body(new HttpResponse.Builder(200, "OK").body(MediaType.parse("image/png"), new byte[]{(byte) 0x89, 'P', 'N', 'G'}).build())
                    .build());
            writer.write(new WarcMetadata.Builder().targetURI(talks)
                    .fields(Map.of("outlinks", List.of("https://www.zenda-courier.example/world"))).build());
        }
        return file;
    }

    /** A web archive of one HTML page and nothing else. */
    public static Path warcOfOnePage(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
             WarcWriter writer = new WarcWriter(channel, WarcCompression.NONE)) {
            writer.write(response("https://www.zenda-courier.example/world/trade", 200, MediaType.HTML_UTF8,
                    page("Timber tariffs", TRADE), "2026-03-17T08:00:00Z"));
        }
        return file;
    }

    private static WarcResponse response(String uri, int status, MediaType type, String html, String date) throws IOException {
        return new WarcResponse.Builder(uri).date(Instant.parse(date))
                .body(new HttpResponse.Builder(status, status == 200 ? "OK" : "Not Found")
                        .body(type, html.getBytes(StandardCharsets.UTF_8)).build())
                .build();
    }

    /** An RSS 2.0 feed of two items: one with content:encoded and a short description, one with a description only. */
    public static String rss() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <channel>
                    <title>The Klow Observer</title>
                    <link>https://observer.klow.example/</link>
                    <description>News from Syldavia</description>
                    <language>en</language>
                    <item>
                      <title>Timber tariffs &amp; the exporters</title>
                      <link>https://observer.klow.example/economy/timber-tariffs</link>
                      <guid isPermaLink="false">observer-4411</guid>
                      <pubDate>Tue, 17 Mar 2026 08:15:00 GMT</pubDate>
                      <dc:creator>Ana Petrovna</dc:creator>
                      <description>Syldavia criticised Borduria.</description>
                      <content:encoded><![CDATA[<p>%s</p><p>Exporters met in Klow on Monday.</p>]]></content:encoded>
                    </item>
                    <item>
                      <title>Floods in Szohod</title>
                      <link>https://observer.klow.example/world/szohod-floods</link>
                      <pubDate>Wed, 18 Mar 2026 10:00:00 GMT</pubDate>
                      <description>&lt;p&gt;%s&lt;/p&gt;</description>
                    </item>
                  </channel>
                </rss>
                """.formatted(TRADE, FLOODS);
    }

    /** An Atom feed of one entry with HTML content and a summary. */
    public static String atom() {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>Zenda Courier</title>
                  <id>urn:uuid:5a1e3c52-0f7e-4c3b-9c6e-3d1b2a4f0e11</id>
                  <updated>2026-03-14T10:00:00Z</updated>
                  <entry>
                    <title>Border talks go on</title>
                    <link href="https://www.zenda-courier.example/world/2026/03/border-talks"/>
                    <id>urn:uuid:7b2f4d63-1a8e-4d4c-8d7f-4e2c3b5a1f22</id>
                    <published>2026-03-14T09:30:00Z</published>
                    <updated>2026-03-14T10:00:00Z</updated>
                    <author><name>Marek Hall</name></author>
                    <summary>Short summary.</summary>
                    <content type="html">&lt;p&gt;%s&lt;/p&gt;</content>
                  </entry>
                </feed>
                """.formatted(TALKS);
    }

    /** A CSV export with the usual column names of a news archive, text in "body", and a quoted multi-line field. */
    public static String csv() {
        return "id,headline,published,link,body\n"
                + "zc-101,Border talks go on,2026-03-14,https://www.zenda-courier.example/a," + quoted(TALKS) + "\n"
                + "zc-102,Rescue teams arrive,2026-03-15,https://www.zenda-courier.example/b,\"" + FLOODS + "\n\nA second paragraph.\"\n"
                + "zc-103,Timber tariffs,2026-03-17,https://www.zenda-courier.example/c," + quoted(TRADE) + "\n";
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    /** The JSON Lines of the three stories. */
    public static String jsonl() {
        return "{\"id\":\"j-1\",\"title\":\"Talks\",\"text\":\"" + TALKS + "\"}\n"
                + "{\"id\":\"j-2\",\"title\":\"Floods\",\"text\":\"" + FLOODS + "\"}\n"
                + "{\"id\":\"j-3\",\"title\":\"Tariffs\",\"text\":\"" + TRADE + "\"}\n";
    }

    /** The compressions the source stage reads, by file suffix. */
    public enum Compressor {
        GZ, BZ2, XZ, ZST;

        public String suffix() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public OutputStream wrap(OutputStream out) throws IOException {
            return switch (this) {
                case GZ -> new GzipCompressorOutputStream(out);
                case BZ2 -> new BZip2CompressorOutputStream(out);
                case XZ -> new XZCompressorOutputStream(out);
                case ZST -> new ZstdOutputStream(out);
            };
        }
    }

    /** {@code content} compressed into {@code file}. */
    public static Path compressed(Path file, byte[] content, Compressor compressor) throws IOException {
        try (OutputStream out = compressor.wrap(Files.newOutputStream(file))) {
            out.write(content);
        }
        return file;
    }
}
