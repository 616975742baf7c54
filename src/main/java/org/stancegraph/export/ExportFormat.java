package org.stancegraph.export;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.rdf4j.rio.RDFFormat;

/**
 * The export formats, each with its command-line key and the family of writers that
 * produces it. A new format is one constant here plus, for a new family, one class
 * implementing {@link FormatFamily} registered in {@link Exporter}.
 */
public enum ExportFormat {
    NT("nt", Family.RDF, RDFFormat.NTRIPLES, "nt"),
    NQ("nq", Family.RDF, RDFFormat.NQUADS, "nq"),
    TTL("ttl", Family.RDF, RDFFormat.TURTLE, "ttl"),
    TRIG("trig", Family.RDF, RDFFormat.TRIG, "trig"),
    JSONLD("jsonld", Family.RDF, RDFFormat.JSONLD, "jsonld"),
    RDFXML("rdfxml", Family.RDF, RDFFormat.RDFXML, "rdf"),
    NDJSONLD("ndjsonld", Family.RDF, RDFFormat.NDJSONLD, "ndjsonld"),
    BRF("brf", Family.RDF, RDFFormat.BINARY, "brf"),
    /** The who-supports-whom network as two CSV tables (edges and nodes). */
    CSV("csv", Family.NETWORK_CSV, null, "csv"),
    /** The who-supports-whom network as GraphML. */
    GRAPHML("graphml", Family.NETWORK_GRAPHML, null, "graphml"),
    /** The who-supports-whom network drawn as a vector image. */
    SVG("svg", Family.NETWORK_IMAGE, null, "svg"),
    /** The who-supports-whom network drawn as a raster image. */
    PNG("png", Family.NETWORK_IMAGE, null, "png"),
    /** Statements per month and (actor, target) pair as CSV, and supporting vs opposing statements per month as SVG. */
    TIMELINE("timeline", Family.TIMELINE, null, "csv");

    /** Which writer class produces a format. */
    public enum Family { RDF, NETWORK_CSV, NETWORK_GRAPHML, NETWORK_IMAGE, TIMELINE }

    private final String key;
    private final Family family;
    private final RDFFormat rdfFormat;
    private final String extension;

    ExportFormat(String key, Family family, RDFFormat rdfFormat, String extension) {
        this.key = key;
        this.family = family;
        this.rdfFormat = rdfFormat;
        this.extension = extension;
    }

    /** The name used on the command line ({@code --format nt}). */
    public String key() {
        return key;
    }

    public Family family() {
        return family;
    }

    /** The Rio format, for the RDF family; null otherwise. */
    public RDFFormat rdfFormat() {
        return rdfFormat;
    }

    /** File name extension without the dot and without {@code .gz}. */
    public String extension() {
        return extension;
    }

    /** True for RDF syntaxes that cannot carry named graphs: quads are written as triples. */
    public boolean triplesOnly() {
        return rdfFormat != null && !rdfFormat.supportsContexts();
    }

    /**
     * Parses command-line keys: each value is a key or {@code all}; values may also be
     * comma-separated. Throws {@link IllegalArgumentException} naming the unknown key.
     */
    public static Set<ExportFormat> parse(Iterable<String> values) {
        EnumSet<ExportFormat> formats = EnumSet.noneOf(ExportFormat.class);
        for (String value : values) {
            for (String part : value.split(",")) {
                String key = part.trim().toLowerCase(Locale.ROOT);
                if (key.isEmpty()) {
                    continue;
                }
                if (key.equals("all")) {
                    formats.addAll(EnumSet.allOf(ExportFormat.class));
                    continue;
                }
                formats.add(Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("unknown export format '" + part.trim()
                                + "' (known: " + keys() + ", all)")));
            }
        }
        return formats;
    }

    /** All keys, comma-separated, for messages and help. */
    public static String keys() {
        return Arrays.stream(values()).map(ExportFormat::key).collect(Collectors.joining(", "));
    }
}
