package org.stancegraph.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.stancegraph.source.SourceProblem;
import org.stancegraph.source.SourceRecord;

/**
 * Entry point of the article stage: turns a {@link SourceRecord} into an {@link Article} by removing
 * page furniture (rules in {@code data/boilerplate.tsv}, see {@link Boilerplate}) and finding the
 * headline, byline, date and outlet that the text carries at its top. Metadata the reader found
 * (HTML meta tags, JSON fields) wins over what is found in the text.
 */
public final class Articles {

    /** Bylines, dates and the headline are looked for among this many first non-blank lines. */
    static final int HEADER_LINES = 12;

    /** A longer line is no dateline. */
    static final int MAX_DATELINE_LENGTH = 80;

    /** A line of at most this many words and no final stop is a label of its own, not part of a wrapped paragraph. */
    static final int MAX_LABEL_WORDS = 4;

    /** A longer first line is a paragraph, not a headline. */
    static final int MAX_TITLE_LENGTH = 200;

    /** Language of a text that does not declare one. */
    static final String DEFAULT_LANGUAGE = "en";

    /** A stop at the end of a line, maybe inside a closing quotation mark. */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…][\"”’']?$");

    private static final Pattern LIST_ITEM = Pattern.compile("(?:[-*+•]|\\d{1,3}[.)])\\s.*");

    private Articles() {
    }

    /** The article of a record, cleaned with the given boilerplate rules. */
    public static Article from(SourceRecord record, Boilerplate rules) {
        Optional<String> metadataTitle = metadata(record, "title");
        Cleaning cleaning = new Cleaning(rules);
        cleaning.read(record.body());
        // Only plain text carries its headline as a line of the body; HTML and JSON declare it.
        String title = metadataTitle.map(rules::trimTitle)
                .orElseGet(() -> record.format().equals("text") ? cleaning.takeTitle() : "");
        cleaning.dropRepeatsOf(title);
        String text = cleaning.text();

        // A declared date that cannot be parsed is reported by the caller, see unreadableDate.
        Optional<LocalDate> date = metadata(record, "date").flatMap(Dates::parse).or(() -> cleaning.date);
        Optional<String> outlet = metadata(record, "outlet").or(() -> cleaning.outlet);
        Optional<String> author = metadata(record, "author").or(() -> cleaning.author);
        String language = metadata(record, "language").map(Articles::languageTag).orElse(DEFAULT_LANGUAGE);

        return new Article(record.id(), title, date, outlet, author, metadata(record, "url"), language, text,
                contentHash(record.id(), title, date, text), record.format());
    }

    /**
     * Why the date the record declares cannot be used, when it declares one that {@link Dates} does not
     * understand: the article is kept, with a date found in its text, if any.
     */
    public static Optional<SourceProblem> unreadableDate(SourceRecord record) {
        return metadata(record, "date").filter(written -> Dates.parse(written).isEmpty())
                .map(written -> SourceProblem.warning(record.origin(), 0,
                        "date \"" + written + "\" not understood; using a date in the text, if any"));
    }

    /** Lower-case hex SHA-256 of id, title, ISO date (empty when none) and text, each on its own line. */
    public static String contentHash(String id, String title, Optional<LocalDate> date, String text) {
        String content = id + "\n" + title + "\n" + date.map(LocalDate::toString).orElse("") + "\n" + text;
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    private static Optional<String> metadata(SourceRecord record, String key) {
        return Optional.ofNullable(record.metadata().get(key)).map(Articles::collapse).filter(value -> !value.isEmpty());
    }

    private static String languageTag(String declared) {
        String tag = Locale.forLanguageTag(declared.replace('_', '-')).toLanguageTag();
        return tag.equals("und") ? DEFAULT_LANGUAGE : tag;
    }

    /** One line: no invisible characters, white space (also no-break space) collapsed, trimmed. */
    static String collapse(String line) {
        StringBuilder collapsed = new StringBuilder(line.length());
        boolean pendingSpace = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (isInvisible(c)) {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = collapsed.length() > 0;
            } else {
                if (pendingSpace) {
                    collapsed.append(' ');
                    pendingSpace = false;
                }
                collapsed.append(c);
            }
        }
        return collapsed.toString();
    }

    /** Zero-width characters that only steer rendering. */
    private static boolean isInvisible(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
    }

    /** A kept line of text, or (text == null) a paragraph break where a blank or dropped line was. */
    private record Line(String text, boolean heading, boolean hardBreak, boolean inHeader) {
        static final Line BREAK = new Line(null, false, false, false);

        boolean isBreak() {
            return text == null;
        }
    }

    /** The cleaning of one body: the kept lines and what the top of the text revealed. */
    private static final class Cleaning {
        private final Boilerplate rules;
        private final List<Line> lines = new ArrayList<>();
        /** The headline candidate taken as title, as it was written (before suffixes were cut). */
        private String titleAsWritten;
        Optional<LocalDate> date = Optional.empty();
        Optional<String> author = Optional.empty();
        Optional<String> outlet = Optional.empty();

        Cleaning(Boilerplate rules) {
            this.rules = rules;
        }

        void read(String body) {
            int nonBlank = 0;
            for (String raw : body.split("\n", -1)) {
                String line = collapse(raw);
                if (line.isEmpty()) {
                    lines.add(Line.BREAK);
                    continue;
                }
                boolean inHeader = nonBlank++ < HEADER_LINES;
                if (rules.matches(Boilerplate.Kind.END, line)) {
                    return;
                }
                lines.add(classify(line, inHeader, raw.endsWith("  ")));
            }
        }

        private Line classify(String line, boolean inHeader, boolean hardBreak) {
            if (inHeader) {
                Optional<String> byline = rules.capture(Boilerplate.Kind.BYLINE, line);
                if (byline.isPresent()) {
                    author = author.or(() -> byline);
                    date = date.or(() -> Dates.find(line));
                    return Line.BREAK;
                }
            }
            Optional<String> publisher = rules.capture(Boilerplate.Kind.OUTLET, line);
            if (publisher.isPresent()) {
                outlet = outlet.or(() -> publisher);
                return Line.BREAK;
            }
            // Most lines carry no markup: unwrapping leaves them as they were (already collapsed), and
            // the drop rules need not run twice on one line.
            String markupFree = rules.unwrap(line);
            boolean hadMarkup = !markupFree.equals(line);
            String unwrapped = hadMarkup ? collapse(markupFree) : line;
            if (rules.matches(Boilerplate.Kind.DROP, line) || (hadMarkup && rules.matches(Boilerplate.Kind.DROP, unwrapped))) {
                return Line.BREAK;
            }
            int credit = rules.creditStart(line);
            if (credit >= 0) {
                // A credit on a line of its own belongs to the caption written just above it.
                if (credit == 0 && !lines.isEmpty() && !lines.get(lines.size() - 1).isBreak()) {
                    lines.set(lines.size() - 1, Line.BREAK);
                }
                return Line.BREAK;
            }
            Optional<String> heading = rules.capture(Boilerplate.Kind.HEADING, unwrapped);
            String text = heading.orElse(unwrapped);
            if (text.isEmpty()) {
                return Line.BREAK;
            }
            if (inHeader) {
                Optional<LocalDate> written = Dates.parse(text).or(() -> isDateline(text) ? Dates.find(text) : Optional.empty());
                if (written.isPresent()) {
                    date = date.or(() -> written);
                    return Line.BREAK;
                }
            }
            return new Line(text, heading.isPresent(), hardBreak, inHeader);
        }

        /**
         * A dateline carries a date among other short furniture ("Posted 18 September 2008 by World news
         * staff", "30 Oct 2022 · 6 min read"): short, and not ending like a sentence, so that a first
         * paragraph that happens to name a date stays in the text.
         */
        private static boolean isDateline(String text) {
            return text.length() <= MAX_DATELINE_LENGTH && !text.matches(".*[.!?\"”]$");
        }

        /**
         * The headline of a plain text: the first heading near the top, else the first line there of
         * three words or more and at most MAX_TITLE_LENGTH characters, as long as some text
         * follows it. Its line leaves the text; section suffixes are cut.
         */
        String takeTitle() {
            int chosen = -1;
            for (int i = 0; i < lines.size() && chosen < 0; i++) {
                Line line = lines.get(i);
                if (line.inHeader() && line.heading()) {
                    chosen = i;
                }
            }
            for (int i = 0; i < lines.size() && chosen < 0; i++) {
                Line line = lines.get(i);
                if (line.inHeader() && line.text().split(" ").length >= 3 && line.text().length() <= MAX_TITLE_LENGTH
                        && lines.subList(i + 1, lines.size()).stream().anyMatch(after -> !after.isBreak())) {
                    chosen = i;
                }
            }
            if (chosen < 0) {
                return "";
            }
            titleAsWritten = lines.get(chosen).text();
            lines.set(chosen, Line.BREAK);
            return rules.trimTitle(titleAsWritten);
        }

        /**
         * A line after which a new paragraph starts although no blank line follows: one that ends a
         * sentence (pages saved as text often put each paragraph on a line of its own), or a label.
         * Hard-wrapped lines are long and break inside sentences, so they stay joined.
         */
        private static boolean endsParagraph(String line) {
            return SENTENCE_END.matcher(line).find() || isLabel(line);
        }

        /**
         * A short line without a final stop, such as a section heading naming the actor whose reaction
         * follows ("Russia"): a paragraph of its own, for joined to the text around it, it would become
         * the subject of a sentence it is no part of.
         */
        private static boolean isLabel(String line) {
            return line != null && line.split(" ").length <= MAX_LABEL_WORDS && !SENTENCE_END.matcher(line).find();
        }

        /** Removes lines near the top that repeat the headline (pages often print it twice). */
        void dropRepeatsOf(String title) {
            if (title.isEmpty()) {
                return;
            }
            for (int i = 0; i < lines.size(); i++) {
                Line line = lines.get(i);
                if (line.inHeader() && (line.text().equalsIgnoreCase(title) || line.text().equals(titleAsWritten))) {
                    lines.set(i, Line.BREAK);
                }
            }
        }

        /**
         * The kept lines as paragraphs separated by blank lines. Lines within one paragraph are joined
         * by a space (hard-wrapped text), except that a heading, a list item or a markdown hard
         * break starts a new paragraph, and so do a label and the line after one that {@link #endsParagraph}.
         */
        String text() {
            List<String> paragraphs = new ArrayList<>();
            StringBuilder paragraph = new StringBuilder();
            Line previous = Line.BREAK;
            for (Line line : lines) {
                boolean startsParagraph = line.isBreak() || line.heading() || LIST_ITEM.matcher(line.text()).matches()
                        || previous.heading() || previous.hardBreak() || (!previous.isBreak() && endsParagraph(previous.text()))
                        || isLabel(line.text());
                if (startsParagraph && paragraph.length() > 0) {
                    paragraphs.add(paragraph.toString());
                    paragraph.setLength(0);
                }
                if (!line.isBreak()) {
                    paragraph.append(paragraph.length() > 0 ? " " : "").append(line.text());
                }
                previous = line;
            }
            if (paragraph.length() > 0) {
                paragraphs.add(paragraph.toString());
            }
            return String.join("\n\n", paragraphs);
        }
    }
}
