package org.stancegraph.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Stance over time: {@code <base>-timeline.csv}, one row per month, (actor, target) pair and stance
 * class with its number of statements (RFC 4180, as the network tables), and {@code <base>-timeline.svg},
 * the supporting and opposing statements of all those pairs per month as bars, with axes, month labels
 * and a legend, for printing. Both come from {@code queries/stance-timeline.rq}; the SVG is written by
 * hand as XML with coordinates rounded to 0.1 px, so the same store gives the same bytes.
 */
final class TimelineFiles implements FormatFamily {
    static final String[] COLUMNS = {"month", "actor", "actor_label", "actor_wikidata", "target", "target_label",
            "target_wikidata", "class", "count"};
    /** The classes the picture draws, with their colours (those of the network picture and the explorer). */
    static final Map<String, String> DRAWN = Map.of("support", "#2e7d32", "oppose", "#c62828");
    private static final List<String> DRAWN_ORDER = List.of("support", "oppose");

    static final int WIDTH = 1000;
    static final int HEIGHT = 480;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 80;
    private static final int BOTTOM = 80;
    /** At most this many month labels, so that they never overlap. */
    private static final int MAX_LABELS = 24;
    private static final String INK = "#102a43";
    private static final String GRID = "#d9e2ec";
    private static final DateTimeFormatter MONTH_LABEL = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    @Override
    public ExportFormat.Family family() {
        return ExportFormat.Family.TIMELINE;
    }

    @Override
    public List<ExportedFile> write(ExportContext context, Set<ExportFormat> formats) throws IOException {
        ExportOptions options = context.options();
        Timeline timeline = Timeline.compute(context.dataset(), options);
        List<ExportedFile> files = new ArrayList<>();
        long csvRows;
        try (OutputFile file = OutputFile.open(options.outputDirectory(), options.baseName() + "-timeline.csv", options.gzip())) {
            csvRows = writeCsv(timeline, file.stream());
            files.add(file.finish("Stance over time (CSV)", "Statements per month (of the statement's date, else its"
                    + " article's), actor, target and stance class; undated statements are left out.", "text/csv",
                    csvRows, "rows"));
        }
        try (OutputFile file = OutputFile.open(options.outputDirectory(), options.baseName() + "-timeline.svg", options.gzip())) {
            long months = writeSvg(timeline, options, file.stream());
            files.add(file.finish("Stance over time (SVG)", "Supporting and opposing statements of all actor pairs"
                    + " per month, drawn as bars.", "image/svg+xml", months, "months"));
        }
        return files;
    }

    /** Writes the rows that have statements, the classes in a fixed order; returns how many. */
    static long writeCsv(Timeline timeline, OutputStream out) throws IOException {
        long rows = 0;
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(COLUMNS).get())) {
            for (Timeline.Row r : timeline.rows()) {
                for (String stanceClass : Timeline.COLUMNS.keySet()) {
                    if (r.count(stanceClass) > 0) {
                        csv.printRecord(r.month(), r.actor(), r.actorLabel(), r.actorWikidata(), r.target(), r.targetLabel(),
                                r.targetWikidata(), stanceClass, r.count(stanceClass));
                        rows++;
                    }
                }
            }
        }
        return rows;
    }

    /** Draws the bars; returns the number of months on the time axis. */
    static long writeSvg(Timeline timeline, ExportOptions options, OutputStream out) throws IOException {
        List<SortedMap<YearMonth, Long>> series = DRAWN_ORDER.stream().map(timeline::perMonth).toList();
        List<YearMonth> months = List.copyOf(series.get(0).keySet());
        long highest = series.stream().flatMap(s -> s.values().stream()).mapToLong(Long::longValue).max().orElse(0);
        long step = tickStep(highest);
        long top = Math.max(step, (highest + step - 1) / step * step);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double baseline = HEIGHT - BOTTOM;
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("svg");
            xml.writeDefaultNamespace(NetworkImageFiles.SVG_NS);
            xml.writeAttribute("width", Integer.toString(WIDTH));
            xml.writeAttribute("height", Integer.toString(HEIGHT));
            xml.writeAttribute("viewBox", "0 0 " + WIDTH + " " + HEIGHT);
            xml.writeAttribute("font-family", "DejaVu Sans, Arial, Helvetica, sans-serif");
            line(xml);
            xml.writeStartElement("title");
            xml.writeCharacters("StanceGraph: supporting and opposing statements per month");
            xml.writeEndElement();
            line(xml);
            rect(xml, "background", 0, 0, WIDTH, HEIGHT, "#ffffff");
            text(xml, LEFT, 28, "Supporting and opposing statements per month", 16, "start", "bold");
            text(xml, LEFT, 48, subtitle(options, months), 12, "start", "normal");
            legend(xml);
            // The value axis: grid lines and their numbers.
            for (long value = 0; value <= top; value += step) {
                double y = baseline - value * plotHeight / top;
                lineShape(xml, LEFT, y, WIDTH - RIGHT, y, value == 0 ? INK : GRID);
                text(xml, LEFT - 8, y + 4, Long.toString(value), 11, "end", "normal");
            }
            lineShape(xml, LEFT, TOP, LEFT, baseline, INK);
            text(xml, 18, TOP + plotHeight / 2, "statements", 12, "middle", "normal", "rotate(-90 18 " + n(TOP + plotHeight / 2) + ")");
            if (months.isEmpty()) {
                text(xml, LEFT + plotWidth / 2, TOP + plotHeight / 2, "No dated statements", 14, "middle", "normal");
            }
            double slot = months.isEmpty() ? 0 : plotWidth / months.size();
            double barWidth = slot * 0.8 / DRAWN_ORDER.size();
            int labelEvery = (months.size() + MAX_LABELS - 1) / MAX_LABELS;
            for (int i = 0; i < months.size(); i++) {
                YearMonth month = months.get(i);
                double x = LEFT + i * slot + slot * 0.1;
                for (int c = 0; c < DRAWN_ORDER.size(); c++) {
                    String stanceClass = DRAWN_ORDER.get(c);
                    long count = series.get(c).get(month);
                    double height = count * plotHeight / top;
                    line(xml);
                    xml.writeEmptyElement("rect");
                    xml.writeAttribute("class", "bar " + stanceClass);
                    xml.writeAttribute("data-month", month.toString());
                    xml.writeAttribute("data-count", Long.toString(count));
                    xml.writeAttribute("x", n(x + c * barWidth));
                    xml.writeAttribute("y", n(baseline - height));
                    xml.writeAttribute("width", n(barWidth));
                    xml.writeAttribute("height", n(height));
                    xml.writeAttribute("fill", DRAWN.get(stanceClass));
                }
                double centre = LEFT + (i + 0.5) * slot;
                if (i % labelEvery == 0) {
                    lineShape(xml, centre, baseline, centre, baseline + 4, INK);
                    text(xml, centre, baseline + 16, month.format(MONTH_LABEL), 11, "end", "normal",
                            "rotate(-40 " + n(centre) + " " + n(baseline + 16) + ")");
                }
            }
            line(xml);
            xml.writeEndElement();
            line(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the timeline SVG: " + e.getMessage(), e);
        }
        return months.size();
    }

    /** What the bars count: all pairs, in the date range when one was given. */
    private static String subtitle(ExportOptions options, List<YearMonth> months) {
        String range = !options.hasDateRange() ? ""
                : "; articles issued " + (options.from() == null ? "" : "from " + options.from() + " ")
                        + (options.to() == null ? "" : "to " + options.to());
        String span = months.isEmpty() ? "" : ", " + months.get(0).format(MONTH_LABEL) + " to "
                + months.get(months.size() - 1).format(MONTH_LABEL);
        return ("All actor pairs" + span + range).strip() + ". Statements without a date are not shown.";
    }

    private static void legend(XMLStreamWriter xml) throws XMLStreamException {
        double x = WIDTH - RIGHT - 330;
        for (String stanceClass : DRAWN_ORDER) {
            rect(xml, "legend " + stanceClass, x, 38, 14, 14, DRAWN.get(stanceClass));
            String label = stanceClass.equals("support") ? "supporting statements" : "opposing statements";
            text(xml, x + 20, 50, label, 12, "start", "normal");
            x += 170;
        }
    }

    /** Value-axis steps of 1, 2 or 5 times a power of ten, at most six of them. */
    static long tickStep(long highest) {
        long step = 1;
        while (true) {
            for (long factor : new long[] {1, 2, 5}) {
                if (highest <= step * factor * 6) {
                    return step * factor;
                }
            }
            step *= 10;
        }
    }

    private static void rect(XMLStreamWriter xml, String cssClass, double x, double y, double width, double height,
                             String fill) throws XMLStreamException {
        line(xml);
        xml.writeEmptyElement("rect");
        xml.writeAttribute("class", cssClass);
        xml.writeAttribute("x", n(x));
        xml.writeAttribute("y", n(y));
        xml.writeAttribute("width", n(width));
        xml.writeAttribute("height", n(height));
        xml.writeAttribute("fill", fill);
    }

    private static void lineShape(XMLStreamWriter xml, double x1, double y1, double x2, double y2, String colour)
            throws XMLStreamException {
        line(xml);
        xml.writeEmptyElement("line");
        xml.writeAttribute("x1", n(x1));
        xml.writeAttribute("y1", n(y1));
        xml.writeAttribute("x2", n(x2));
        xml.writeAttribute("y2", n(y2));
        xml.writeAttribute("stroke", colour);
        xml.writeAttribute("stroke-width", "1");
    }

    private static void text(XMLStreamWriter xml, double x, double y, String text, int size, String anchor, String weight)
            throws XMLStreamException {
        text(xml, x, y, text, size, anchor, weight, null);
    }

    private static void text(XMLStreamWriter xml, double x, double y, String text, int size, String anchor, String weight,
                             String transform) throws XMLStreamException {
        line(xml);
        xml.writeStartElement("text");
        xml.writeAttribute("x", n(x));
        xml.writeAttribute("y", n(y));
        xml.writeAttribute("font-size", Integer.toString(size));
        xml.writeAttribute("text-anchor", anchor);
        xml.writeAttribute("font-weight", weight);
        if (transform != null) {
            xml.writeAttribute("transform", transform);
        }
        xml.writeAttribute("fill", INK);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    /** One element per line, so that a diff of two exports is readable. */
    private static void line(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeCharacters("\n");
    }

    /** Coordinates to 0.1 px, locale-free. */
    private static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
