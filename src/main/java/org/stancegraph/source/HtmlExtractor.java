package org.stancegraph.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Turns an HTML page into its main text and the metadata its head declares. */
final class HtmlExtractor {

    /** Page furniture, never article text. */
    private static final String NOT_TEXT = "nav, header, footer, aside, script, style, noscript, form, template, "
            + "iframe, svg, button, figcaption, [hidden], [aria-hidden=true]";

    /** Elements that end a paragraph of running text. */
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
            "dl", "dt", "dd", "blockquote", "pre", "section", "article", "main", "figure", "table", "tr", "td", "th",
            "address", "hr", "br", "body");

    record Page(String body, Map<String, String> metadata) {
    }

    private HtmlExtractor() {
    }

    static Page extract(String html) {
        Document document = Jsoup.parse(html);
        Map<String, String> metadata = new TreeMap<>();
        first(document, "meta[property=og:title]", "content")
                .or(() -> Optional.of(document.title()).filter(title -> !title.isBlank()))
                .or(() -> text(document.selectFirst("h1")))
                .ifPresent(title -> metadata.put("title", title));
        first(document, "meta[property=article:published_time]", "content")
                .or(() -> first(document, "meta[name=date]", "content"))
                .or(() -> first(document, "meta[itemprop=datePublished]", "content"))
                .or(() -> first(document, "time[datetime]", "datetime"))
                .ifPresent(date -> metadata.put("date", date));
        first(document, "meta[property=og:site_name]", "content")
                .ifPresent(outlet -> metadata.put("outlet", outlet));
        first(document, "meta[name=author]", "content")
                .or(() -> first(document, "meta[property=article:author]", "content"))
                .filter(author -> !author.startsWith("http://") && !author.startsWith("https://"))
                .ifPresent(author -> metadata.put("author", author));
        first(document, "link[rel=canonical]", "href")
                .or(() -> first(document, "meta[property=og:url]", "content"))
                .ifPresent(url -> metadata.put("url", url));
        first(document, "html[lang]", "lang").ifPresent(language -> metadata.put("language", language));
        return new Page(mainText(document), Collections.unmodifiableMap(metadata));
    }

    /** Paragraphs of the article element, else the main element, else the body, separated by blank lines. */
    private static String mainText(Document document) {
        document.select(NOT_TEXT).remove();
        removeComments(document);
        Element root = Optional.ofNullable(document.selectFirst("article"))
                .or(() -> Optional.ofNullable(document.selectFirst("main")))
                .orElse(document.body());
        List<String> paragraphs = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    paragraph.append(textNode.getWholeText());
                } else if (isBlock(node)) {
                    flush();
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (isBlock(node)) {
                    flush();
                }
            }

            private void flush() {
                String text = paragraph.toString().replaceAll("[\\s\\u00A0]+", " ").strip();
                if (!text.isEmpty()) {
                    paragraphs.add(text);
                }
                paragraph.setLength(0);
            }
        }, root);
        String last = paragraph.toString().replaceAll("[\\s\\u00A0]+", " ").strip();
        if (!last.isEmpty()) {
            paragraphs.add(last);
        }
        return String.join("\n\n", paragraphs);
    }

    private static boolean isBlock(Node node) {
        return node instanceof Element element && BLOCKS.contains(element.normalName());
    }

    private static void removeComments(Element root) {
        List<Node> comments = new ArrayList<>();
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof Comment) {
                comments.add(node);
            }
        }, root);
        comments.forEach(Node::remove);
    }

    private static Optional<String> first(Document document, String cssQuery, String attribute) {
        Element element = document.selectFirst(cssQuery);
        return element == null ? Optional.empty() : Optional.of(element.attr(attribute).strip()).filter(value -> !value.isEmpty());
    }

    private static Optional<String> text(Element element) {
        return element == null ? Optional.empty() : Optional.of(element.text().strip()).filter(value -> !value.isEmpty());
    }
}
