package org.stancegraph.stance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.stancegraph.text.TextAnalyzer;
import org.stancegraph.text.Token;

/**
 * The stance knowledge of {@code data/stance/}: the cue patterns ({@code cues.tsv}) and the
 * word lists the engine consults ({@code words.tsv}: negations, hedges, reporting verbs,
 * prepositions, speakers who are not actors, words for "the other side"). Researchers
 * extend these files; nothing about a particular conflict is in the Java code.
 */
public final class CueBook {

    private static final Set<String> CLASSES = Set.of("support", "oppose", "appeal", "mediate", "deny", "ally", "member");

    private final List<Cue> cues;
    private final Map<String, List<Cue>> cuesByFirstForm = new HashMap<>();
    private final List<Cue> cuesStartingWithSlot = new ArrayList<>();
    private final Map<String, Set<String>> wordLists;
    private final Set<String> triggerForms = new HashSet<>();

    private CueBook(List<Cue> cues, Map<String, Set<String>> wordLists) {
        this.cues = cues;
        this.wordLists = wordLists;
        for (Cue cue : cues) {
            Cue.Element first = cue.elements().get(0);
            if (first.kind() == Cue.Kind.WORDS) {
                for (String form : first.forms()) {
                    cuesByFirstForm.computeIfAbsent(form, k -> new ArrayList<>()).add(cue);
                }
            } else {
                cuesStartingWithSlot.add(cue);
            }
            // A pattern's trigger is its cue word: the first word ("condemn $T"), or for a pattern that
            // starts with a slot its last required word ("$T * is fighting": "fighting"), the most selective.
            List<Cue.Element> required = cue.elements().stream().filter(e -> e.kind() == Cue.Kind.WORDS && !e.optional()).toList();
            triggerForms.addAll((first.kind() == Cue.Kind.WORDS ? required.get(0) : required.get(required.size() - 1)).forms());
        }
    }

    /** Reads {@code cues.tsv} and {@code words.tsv} from {@code directory}. */
    public static CueBook load(Path directory) {
        return new CueBook(readCues(directory.resolve("cues.tsv")), readWordLists(directory.resolve("words.tsv")));
    }

    List<Cue> cues() {
        return cues;
    }

    /** The cues whose first word can be {@code folded}, in file order. */
    List<Cue> cuesStartingWith(String folded) {
        return cuesByFirstForm.getOrDefault(folded, List.of());
    }

    /** Cues that begin with an actor or target slot ("$A - mediate"), tried at every actor. */
    List<Cue> cuesStartingWithSlot() {
        return cuesStartingWithSlot;
    }

    /** True when {@code folded} is in the named word list of words.tsv (any inflection of its entries). */
    boolean is(String list, String folded) {
        return wordLists.getOrDefault(list, Set.of()).contains(folded);
    }

    /** True when a word of the sentence is the first word of some pattern: the cheap test before any analysis. */
    boolean mayHoldPosition(List<Token> tokens) {
        for (Token t : tokens) {
            if (triggerForms.contains(t.folded())) {
                return true;
            }
        }
        return false;
    }

    private static List<Cue> readCues(Path file) {
        List<Cue> cues = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        List<String> lines = lines(file);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String where = file + ":" + (n + 1);
            String[] f = line.split("\t");
            if (f.length < 6) {
                throw new IllegalArgumentException(where + ": expected 6 tab-separated columns (id, class, stance, cameo, confidence, pattern), found " + f.length);
            }
            String id = f[0].strip();
            if (!id.matches("[a-z0-9][a-z0-9-]*")) {
                throw new IllegalArgumentException(where + ": cue id '" + id + "' must be lower-case letters, digits and hyphens");
            }
            String firstUse = ids.putIfAbsent(id, where);
            if (firstUse != null) {
                throw new IllegalArgumentException(where + ": cue id '" + id + "' is already used at " + firstUse);
            }
            String stanceClass = f[1].strip();
            if (!CLASSES.contains(stanceClass)) {
                throw new IllegalArgumentException(where + ": unknown class '" + stanceClass + "', expected one of " + CLASSES);
            }
            double confidence;
            try {
                confidence = Double.parseDouble(f[4].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + ": confidence '" + f[4] + "' is not a number");
            }
            if (confidence <= 0 || confidence > 1) {
                throw new IllegalArgumentException(where + ": confidence must be in (0, 1]");
            }
            String cameo = f[3].strip().equals("-") ? "" : f[3].strip();
            String pattern = f[5].strip();
            cues.add(new Cue(file.getFileName() + " " + id, stanceClass, f[2].strip(), cameo, confidence, parse(pattern, where), pattern));
        }
        return List.copyOf(cues);
    }

    private static List<Cue.Element> parse(String pattern, String where) {
        List<Cue.Element> elements = new ArrayList<>();
        for (String item : pattern.split("\\s+")) {
            switch (item) {
                case "*" -> elements.add(new Cue.Element(Cue.Kind.GAP, Set.of(), 3, true));
                case "**" -> elements.add(new Cue.Element(Cue.Kind.GAP, Set.of(), 8, true));
                case "$T" -> elements.add(new Cue.Element(Cue.Kind.TARGET, Set.of(), 0, false));
                case "$T!" -> elements.add(new Cue.Element(Cue.Kind.TARGET_HERE, Set.of(), 0, false));
                case "$A" -> elements.add(new Cue.Element(Cue.Kind.ACTOR, Set.of(), 0, false));
                default -> {
                    boolean optional = item.startsWith("?");
                    Set<String> forms = new LinkedHashSet<>();
                    for (String word : (optional ? item.substring(1) : item).split("\\|")) {
                        if (word.isEmpty()) {
                            throw new IllegalArgumentException(where + ": empty alternative in '" + item + "'");
                        }
                        for (String form : Morphology.forms(Token.fold(word))) {
                            forms.add(form);
                        }
                    }
                    elements.add(new Cue.Element(Cue.Kind.WORDS, Set.copyOf(forms), 0, optional));
                }
            }
        }
        if (elements.isEmpty() || elements.get(0).kind() == Cue.Kind.GAP) {
            throw new IllegalArgumentException(where + ": a pattern must start with a word or a slot");
        }
        long words = elements.stream().filter(e -> e.kind() == Cue.Kind.WORDS && !e.optional()).count();
        if (words == 0) {
            throw new IllegalArgumentException(where + ": a pattern needs at least one required word");
        }
        return List.copyOf(elements);
    }

    private static Map<String, Set<String>> readWordLists(Path file) {
        Map<String, Set<String>> lists = new HashMap<>();
        List<String> lines = lines(file);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length < 2) {
                throw new IllegalArgumentException(file + ":" + (n + 1) + ": expected 'list<TAB>word word ...'");
            }
            Set<String> set = lists.computeIfAbsent(f[0].strip(), k -> new HashSet<>());
            for (String word : f[1].strip().split("\\s+")) {
                for (String w : TextAnalyzer.words(word.replace('_', ' '))) {
                    set.addAll(Morphology.forms(Token.fold(w)));
                }
            }
        }
        return lists;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
