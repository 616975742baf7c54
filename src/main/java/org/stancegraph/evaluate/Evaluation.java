package org.stancegraph.evaluate;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.stancegraph.query.Queries;
import org.stancegraph.stance.StanceClass;
import org.stancegraph.store.Store;

/**
 * Scores extracted positions against a gold file by the rule of the annotation guideline:
 * micro-averaged precision, recall and F1 over (article, key) pairs, overall and per class.
 */
public final class Evaluation {

    private static final List<String> CLASSES = Arrays.stream(StanceClass.values()).map(StanceClass::key).toList();

    private final Set<GoldKey> gold;
    private final Set<GoldKey> setAside;
    private final Set<GoldKey> predicted;

    /**
     * Gold rows whose actor or target has no checked Wikidata id ({@code ?Name}) are set aside,
     * as the guideline says: no produced row can match them, so they are neither hits nor misses.
     */
    public Evaluation(Set<GoldKey> gold, Set<GoldKey> predicted) {
        this.gold = new LinkedHashSet<>();
        this.setAside = new LinkedHashSet<>();
        gold.forEach(k -> (k.linked() ? this.gold : this.setAside).add(k));
        this.predicted = predicted;
    }

    /** The gold rows that are not scored because an actor or target has no Wikidata id. */
    public Set<GoldKey> setAside() {
        return setAside;
    }

    /** Reads a gold file: a header line, then article, actor, class, target, note separated by tabs. */
    public static Set<GoldKey> readGold(Path file) {
        Set<GoldKey> keys = new LinkedHashSet<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read gold file " + file, e);
        }
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length < 4) {
                throw new IllegalArgumentException(file + ":" + (n + 1) + ": expected article, actor, class, target");
            }
            if (!CLASSES.contains(f[2].strip())) {
                throw new IllegalArgumentException(file + ":" + (n + 1) + ": unknown class '" + f[2] + "'");
            }
            keys.add(GoldKey.of(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip()));
        }
        return keys;
    }

    /** The positions in {@code store}, as the {@code positions} query returns them, reduced to keys. */
    public static Set<GoldKey> predicted(Store store) {
        var source = Queries.resolve("positions", Queries.home());
        var query = Queries.parse(source);
        return store.read(dataset -> {
            Set<GoldKey> keys = new LinkedHashSet<>();
            try (QueryExecution exec = QueryExecution.create(query, org.apache.jena.query.DatasetFactory.wrap(dataset))) {
                ResultSet rows = exec.execSelect();
                while (rows.hasNext()) {
                    QuerySolution row = rows.next();
                    String actor = text(row, "actor_wikidata");
                    String target = row.contains("target") ? text(row, "target_wikidata") : "-";
                    keys.add(GoldKey.of(text(row, "article"), actor.isEmpty() ? "?" + text(row, "actor") : actor,
                            text(row, "class"), target.isEmpty() ? "?" + text(row, "target") : target));
                }
            }
            return keys;
        });
    }

    private static String text(QuerySolution row, String var) {
        return row.contains(var) ? row.get(var).asLiteral().getLexicalForm() : "";
    }

    /** Precision, recall and F1 of one slice of the keys. */
    public record Score(int truePositives, int predicted, int gold) {
        public double precision() {
            return predicted == 0 ? 0 : (double) truePositives / predicted;
        }

        public double recall() {
            return gold == 0 ? 0 : (double) truePositives / gold;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /** Only the articles that have gold rows are scored, so extra files in a folder do not count as spurious. */
    private Set<GoldKey> scoredPredictions() {
        Set<String> articles = new TreeSet<>();
        gold.forEach(k -> articles.add(k.article()));
        setAside.forEach(k -> articles.add(k.article()));
        Set<GoldKey> scored = new LinkedHashSet<>();
        predicted.stream().filter(k -> articles.contains(k.article())).forEach(scored::add);
        return scored;
    }

    public Score overall() {
        return score(null);
    }

    public Score of(String stanceClass) {
        return score(stanceClass);
    }

    private Score score(String stanceClass) {
        Set<GoldKey> p = new TreeSet<>(java.util.Comparator.comparing(GoldKey::toString));
        Set<GoldKey> g = new TreeSet<>(java.util.Comparator.comparing(GoldKey::toString));
        scoredPredictions().stream().filter(k -> stanceClass == null || k.stanceClass().equals(stanceClass)).forEach(p::add);
        gold.stream().filter(k -> stanceClass == null || k.stanceClass().equals(stanceClass)).forEach(g::add);
        int tp = (int) p.stream().filter(g::contains).count();
        return new Score(tp, p.size(), g.size());
    }

    public List<GoldKey> missed() {
        Set<GoldKey> p = scoredPredictions();
        List<GoldKey> out = new ArrayList<>(gold.stream().filter(k -> !p.contains(k)).toList());
        out.sort(java.util.Comparator.comparing(GoldKey::toString));
        return out;
    }

    public List<GoldKey> spurious() {
        List<GoldKey> out = new ArrayList<>(scoredPredictions().stream().filter(k -> !gold.contains(k)).toList());
        out.sort(java.util.Comparator.comparing(GoldKey::toString));
        return out;
    }

    /** Prints the report: overall, per class, then every missed and spurious key. */
    public void print(PrintStream out) {
        Score all = overall();
        out.printf(Locale.ROOT, "micro  P=%.3f R=%.3f F1=%.3f  (tp=%d, predicted=%d, gold=%d)%n",
                all.precision(), all.recall(), all.f1(), all.truePositives(), all.predicted(), all.gold());
        Map<String, Score> perClass = new TreeMap<>();
        for (String c : CLASSES) {
            perClass.put(c, of(c));
        }
        for (String c : CLASSES) {
            Score s = perClass.get(c);
            out.printf(Locale.ROOT, "%-8s P=%.3f R=%.3f F1=%.3f  (tp=%d, predicted=%d, gold=%d)%n",
                    c, s.precision(), s.recall(), s.f1(), s.truePositives(), s.predicted(), s.gold());
        }
        out.printf(Locale.ROOT, "set aside: %d gold rows whose actor or target has no Wikidata id (not scored)%n", setAside.size());
        out.println("missed (in gold, not extracted):");
        missed().forEach(k -> out.println("  " + k));
        out.println("spurious (extracted, not in gold):");
        spurious().forEach(k -> out.println("  " + k));
    }
}
