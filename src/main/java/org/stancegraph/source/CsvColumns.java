package org.stancegraph.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which header names of a CSV or TSV corpus hold an article's text, title, date, id and url: for each,
 * names tried in order (case ignored), the first present wins. {@link #DEFAULT} knows only the field's own
 * name, as in JSON Lines; the project's data/source/csv-columns.tsv adds the usual synonyms, and the
 * load command's --text-column etc. choose one name instead.
 */
public record CsvColumns(Map<Field, List<String>> names) {

    /** The fields a CSV row may give, by the metadata key they fill. */
    public enum Field {
        TEXT("text"), TITLE("title"), DATE("date"), ID("id"), URL("url");

        final String key;

        Field(String key) {
            this.key = key;
        }
    }

    public static final CsvColumns DEFAULT = new CsvColumns(defaults());

    public CsvColumns {
        names = Map.copyOf(names);
    }

    private static Map<Field, List<String>> defaults() {
        Map<Field, List<String>> names = new EnumMap<>(Field.class);
        for (Field field : Field.values()) {
            names.put(field, List.of(field.key));
        }
        return names;
    }

    /**
     * The names in {@code tsv}: lines "field TAB name, name, ...", where field is text, title, date, id or
     * url; '#' starts a comment. A field the file does not name keeps its own name only.
     */
    public static CsvColumns load(Path tsv) {
        Map<Field, List<String>> names = defaults();
        List<String> lines;
        try {
            lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + tsv, e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            String place = tsv + ":" + (i + 1) + ": ";
            if (cells.length != 2) {
                throw new IllegalArgumentException(place + "expected a field, a tab and a list of names");
            }
            Field field = Arrays.stream(Field.values()).filter(f -> f.key.equals(cells[0].strip())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(place
                            + "unknown field \"" + cells[0].strip() + "\" (expected text, title, date, id or url)"));
            names.put(field, Arrays.stream(cells[1].split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList());
        }
        return new CsvColumns(names);
    }

    /** These names, with {@code header} the only one for {@code field}. */
    public CsvColumns choose(Field field, String header) {
        Map<Field, List<String>> chosen = new EnumMap<>(names);
        chosen.put(field, List.of(header));
        return new CsvColumns(chosen);
    }

    /** The header of {@code headers} that holds {@code field}, or -1 when none does. */
    int index(Field field, List<String> headers) {
        for (String name : names.get(field)) {
            for (int i = 0; i < headers.size(); i++) {
                if (headers.get(i).strip().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                    return i;
                }
            }
        }
        return -1;
    }
}
