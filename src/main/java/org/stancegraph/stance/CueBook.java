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

    /**
     * The word lists the engine consults by name; {@code words.tsv} must define each (checked at
     * load, so a renamed or deleted list is an error naming the file, not a rule that silently stops).
     */
    static final Set<String> ENGINE_LISTS = Set.of(
            "accusation-verb", "act-modifier-stop", "act-on-territory", "act-reporting-verb", "act-verb", "apposition-mark",
            "armed-act", "authority-plural", "claim-noun", "claim-verb", "clause-boundary", "cognition-verb", "conflict-word",
            "destination-preposition", "determiner", "echoing-auxiliary", "hostile-act", "hostile-agent-noun", "hypothetical",
            "interposed-opener", "joining-verb", "launch-verb", "list-joiner", "membership-noun", "membership-presupposed",
            "negation", "non-actor-speaker", "not-supported-preposition", "noun-marker", "organisation-noun",
            "organisation-verb-filler", "other-party", "passive-auxiliary", "person-pronoun", "place-preposition",
            "possessive-pronoun", "preposition", "referable-noun", "referable-noun-marker", "relative-pronoun", "reporting-verb",
            "request-verb", "speaker-pronoun", "subject-pronoun", "verb-only", "verb-or-noun", "victim-preposition");

    private final StanceScheme scheme;
    private final List<Cue> cues;
    private final Map<String, List<Cue>> cuesByFirstForm = new HashMap<>();
    private final List<Cue> cuesStartingWithSlot = new ArrayList<>();
    private final Map<String, Set<String>> wordLists;
    private final Set<String> triggerForms = new HashSet<>();

    private CueBook(StanceScheme scheme, List<Cue> cues, Map<String, Set<String>> wordLists) {
        this.scheme = scheme;
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

    /**
     * Reads {@code words.tsv} and {@code cues.tsv} from {@code directory}; each cue names a finer
     * stance of {@code scheme}, which gives its class and CAMEO code. A problem in either file fails
     * with a message naming the file and line.
     */
    public static CueBook load(Path directory, StanceScheme scheme) {
        Path wordsFile = directory.resolve("words.tsv");
        Map<String, Set<String>> wordLists = readWordLists(wordsFile);
        List<String> missing = ENGINE_LISTS.stream().filter(name -> !wordLists.containsKey(name)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(wordsFile + ": the engine consults word lists that the file does not define: "
                    + String.join(", ", missing));
        }
        return new CueBook(scheme, readCues(directory.resolve("cues.tsv"), scheme, wordLists), wordLists);
    }

    /** The finer stances the cues may name. */
    StanceScheme scheme() {
        return scheme;
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
        Set<String> words = wordLists.get(list);
        if (words == null) {
            throw new IllegalArgumentException("word list '" + list + "' is not one the engine declares in CueBook.ENGINE_LISTS");
        }
        return words.contains(folded);
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

    private static List<Cue> readCues(Path file, StanceScheme scheme, Map<String, Set<String>> wordLists) {
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
            if (f.length != 4) {
                throw new IllegalArgumentException(where + ": expected 4 tab-separated columns (id, stance, confidence, pattern), found " + f.length);
            }
            String id = f[0].strip();
            if (!id.matches("[a-z0-9][a-z0-9-]*")) {
                throw new IllegalArgumentException(where + ": cue id '" + id + "' must be lower-case letters, digits and hyphens");
            }
            String firstUse = ids.putIfAbsent(id, where);
            if (firstUse != null) {
                throw new IllegalArgumentException(where + ": cue id '" + id + "' is already used at " + firstUse);
            }
            String stanceKey = f[1].strip();
            Stance stance = scheme.find(stanceKey).orElseThrow(() -> new IllegalArgumentException(where + ": unknown stance '"
                    + stanceKey + "': not a skos:notation of ontology/stances.ttl (" + String.join(", ", scheme.keys()) + ")"));
            double confidence;
            try {
                confidence = Double.parseDouble(f[2].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + ": confidence '" + f[2] + "' is not a number");
            }
            if (confidence <= 0 || confidence > 1) {
                throw new IllegalArgumentException(where + ": confidence must be in (0, 1]");
            }
            String pattern = f[3].strip();
            cues.add(new Cue(file.getFileName() + " " + id, stance, confidence, parse(pattern, where, wordLists), pattern));
        }
        return List.copyOf(cues);
    }

    private static List<Cue.Element> parse(String pattern, String where, Map<String, Set<String>> wordLists) {
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
                    String words = optional ? item.substring(1) : item;
                    elements.add(new Cue.Element(Cue.Kind.WORDS, words.startsWith("@")
                            ? wordList(words.substring(1), where, wordLists) : forms(words, item, where), 0, optional));
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

    /** The forms of "condemn|denounce": each alternative and its inflections. */
    private static Set<String> forms(String alternatives, String item, String where) {
        Set<String> forms = new LinkedHashSet<>();
        for (String word : alternatives.split("\\|")) {
            if (word.isEmpty()) {
                throw new IllegalArgumentException(where + ": empty alternative in '" + item + "'");
            }
            forms.addAll(Morphology.forms(Token.fold(word)));
        }
        return Set.copyOf(forms);
    }

    /** "@reporting-verb": any word of that list of words.tsv, which must exist. */
    private static Set<String> wordList(String name, String where, Map<String, Set<String>> wordLists) {
        Set<String> list = wordLists.get(name);
        if (list == null) {
            throw new IllegalArgumentException(where + ": word list '" + name + "' is not defined in words.tsv");
        }
        return Set.copyOf(list);
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
