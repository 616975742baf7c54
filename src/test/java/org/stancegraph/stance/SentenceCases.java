package org.stancegraph.stance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.stancegraph.actor.Actor;
import org.stancegraph.article.Article;
import org.stancegraph.load.Extraction;

/**
 * The hand-written stance sentences of src/test/resources/stance/sentences.tsv, each run
 * through the whole extraction as a one-sentence article and reduced to guideline keys.
 */
final class SentenceCases {

    record Case(String id, String sentence, Set<String> expected) {}

    record Outcome(Case kase, Set<String> found) {
        boolean exact() {
            return kase.expected().equals(found);
        }
    }

    static List<Case> read() throws IOException {
        List<Case> cases = new ArrayList<>();
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/stance/sentences.tsv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank() || line.startsWith("#")) {
                continue; // a comment heads a block of cases
            }
            String[] f = line.split("\t");
            Set<String> expected = new TreeSet<>();
            if (!f[2].strip().equals("-")) {
                for (String key : f[2].split(";")) {
                    expected.add(normalise(key.strip()));
                }
            }
            cases.add(new Case(f[0], f[1], expected));
        }
        return cases;
    }

    /** The case as a one-sentence article. */
    static Article article(Case kase) {
        return new Article(kase.id(), "", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                "en", kase.sentence(), "0".repeat(64), "text");
    }

    static Outcome run(Extraction extraction, Case kase) {
        Set<String> found = new TreeSet<>();
        for (Statement s : extraction.of(article(kase)).statements()) {
            Optional<String> actor = extraction.dictionary().actor(s.actor()).flatMap(Actor::wikidataId);
            Optional<String> target = s.target().flatMap(t -> extraction.dictionary().actor(t)).flatMap(Actor::wikidataId);
            if (actor.isEmpty() || (s.target().isPresent() && target.isEmpty())) {
                found.add("unlinked " + s.key());
                continue;
            }
            found.add(normalise(actor.get() + " " + s.stanceClass() + " " + target.orElse("-")));
        }
        return new Outcome(kase, found);
    }

    /** The guideline's key: no target for appeal and mediate, an unordered pair for ally. */
    static String normalise(String key) {
        String[] p = key.split("\\s+");
        String target = p.length > 2 ? p[2] : "-";
        if (p[1].equals("appeal") || p[1].equals("mediate")) {
            target = "-";
        }
        if (p[1].equals("ally") && target.compareTo(p[0]) < 0) {
            return target + " ally " + p[0];
        }
        return p[0] + " " + p[1] + " " + target;
    }

    /** Micro precision and recall over all cases. */
    static double[] score(List<Outcome> outcomes) {
        int tp = 0;
        int predicted = 0;
        int gold = 0;
        for (Outcome o : outcomes) {
            Set<String> found = new LinkedHashSet<>(o.found());
            predicted += found.size();
            gold += o.kase().expected().size();
            found.retainAll(o.kase().expected());
            tp += found.size();
        }
        return new double[] {predicted == 0 ? 0 : (double) tp / predicted, gold == 0 ? 0 : (double) tp / gold};
    }

    private SentenceCases() {}
}
