package org.stancegraph.stance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.stancegraph.actor.Mention;
import org.stancegraph.actor.MentionKind;
import org.stancegraph.text.Sentence;
import org.stancegraph.text.Token;

/**
 * Who did a hostile act that a position judges without naming its agent (GUIDELINE: condemning a
 * specific act of one side is opposition to that side; "the violence" without a side is an appeal).
 * "France condemned the attack" is about whoever the article says attacked: the agent named on the
 * act itself ("the Turkish offensive", "Iran's missile attack", "strikes by the US", "the United
 * States launched airstrikes"), else the agent of the latest earlier mention of the same act
 * ("the strikes" after "US airstrikes"), else, for armed acts that one word may name by another
 * ("the attack" after "Turkey's offensive"), the agent the article names most on such acts before.
 * Otherwise nobody: a wrong side is worse than none. The victim after "on" or "against" is never
 * the agent.
 *
 * <p>The acts an article names with their agents are found once per article, in one pass over its
 * tokens, when the first act needs them; a question about one act then reads that list.
 */
final class ActAgents {

    /** Words between a possessor or demonym and the act it did: "Iran's overnight missile and drone attack". */
    private static final int MODIFIER_SPAN = 4;

    /** Tokens from the start of an object to the act it names: "the serious escalation represented by the large-scale attack". */
    private static final int OBJECT_SPAN = 12;

    /** How many words after an act its "by" phrase may stand: "the shelling of the old town by". */
    private static final int BY_REACH = 8;

    /** Words between a launching verb and the act: "launched a large-scale military offensive". */
    private static final int LAUNCH_SPAN = 4;

    /** An act named with its agents, at a token of a sentence. */
    private record Act(int sentence, int token, String word, Set<String> agents) {}

    private final CueBook book;
    private final Map<Integer, List<Mention>> mentionsBySentence;
    private final ClaimLinker.Actors actors;
    private final List<Sentence> sentences;
    /** The acts the article names with their agents, in text order; found on the first question, as most articles ask none. */
    private List<Act> named;

    ActAgents(CueBook book, List<Sentence> sentences, Map<Integer, List<Mention>> mentionsBySentence, ClaimLinker.Actors actors) {
        this.book = book;
        this.sentences = sentences;
        this.mentionsBySentence = mentionsBySentence;
        this.actors = actors;
    }

    private List<Act> named() {
        if (named != null) {
            return named;
        }
        named = new ArrayList<>();
        for (Sentence s : sentences) {
            List<Token> tokens = s.tokens();
            for (int i = 0; i < tokens.size(); i++) {
                String w = tokens.get(i).folded();
                if (book.is("act-verb", w)) {
                    Optional<Set<String>> subject = actors.subjectOf(s, i);
                    if (subject.isPresent() && !subject.get().isEmpty()) {
                        named.add(new Act(s.index(), i, w, Set.copyOf(subject.get())));
                    }
                } else if (book.is("hostile-act", w)) {
                    Set<String> agents = namedAgents(s, i);
                    if (!agents.isEmpty()) {
                        named.add(new Act(s.index(), i, w, agents));
                    }
                }
            }
        }
        return named;
    }

    /**
     * The agents of the hostile act at token {@code act}: named on it, or found by what the article
     * said before about the same kind of act; empty when neither says, or when the only candidate
     * is the act's own victim. An earlier act of one of the {@code holders} themselves is not the
     * one they judge ("Russia condemned the attack" after Russia's strikes and Ukraine's attack).
     */
    Set<String> agentsOf(Sentence s, int act, Set<String> holders) {
        Set<String> victims = victims(s, act);
        Set<String> own = namedAgents(s, act);
        own.removeAll(victims);
        if (!own.isEmpty()) {
            return own;
        }
        victims = new LinkedHashSet<>(victims);
        victims.addAll(holders);
        String word = s.tokens().get(act).folded();
        List<Act> acts = named();
        for (int k = acts.size() - 1; k >= 0; k--) {
            Act earlier = acts.get(k);
            if (before(earlier, s, act) && sameAct(earlier.word(), word)) {
                Set<String> agents = new LinkedHashSet<>(earlier.agents());
                agents.removeAll(victims);
                if (!agents.isEmpty()) {
                    return agents;
                }
            }
        }
        return book.is("armed-act", word) ? mostNamedOnArmedActs(s, act, victims) : Set.of();
    }

    /** The first hostile act in tokens {@code from..to} of a sentence, or -1. */
    int firstActIn(Sentence s, int from, int to) {
        for (int i = from; i < Math.min(to, s.tokens().size()); i++) {
            if (book.is("hostile-act", s.tokens().get(i).folded())) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The act that opens the object starting at {@code from}: after determiners, modifiers and the
     * actors that stand on it ("the large-scale attack", "the strikes", "Turkey's operation", "the
     * US-Britain attack"); -1 when the object is something else.
     */
    int actOpening(Sentence s, int from, int to) {
        List<Token> tokens = s.tokens();
        for (int i = from; i < Math.min(to, from + OBJECT_SPAN); i++) {
            String w = tokens.get(i).folded();
            if (book.is("hostile-act", w)) {
                return i;
            }
            // "the serious escalation represented by the attack": a passive's "by" leads to the act judged
            boolean qualifier = inMention(s, i) || isPossessiveMark(w) || isModifier(tokens.get(i)) || book.is("determiner", w)
                    || isQuoteMark(w) || w.equals("by");
            if (!qualifier) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * The hostile act right after token {@code last} when the actor named there is not its agent but
     * its place ("the Ukraine invasion", "the Damascus attack"); -1 otherwise ("the Turkish offensive").
     */
    int actPlacedAfter(Sentence s, int last) {
        if (last + 1 >= s.tokens().size() || !book.is("hostile-act", s.tokens().get(last + 1).folded())) {
            return -1;
        }
        Optional<Mention> m = mentionEndingAt(s, last);
        return m.isEmpty() || beforeAct(s, last + 1).containsAll(actorsOf(m.get())) ? -1 : last + 1;
    }

    private static boolean before(Act earlier, Sentence s, int act) {
        return earlier.sentence() < s.index() || (earlier.sentence() == s.index() && earlier.token() < act);
    }

    /** "strikes" names the same act as "strike" and "airstrikes"; "attack" as "attacks". */
    private static boolean sameAct(String a, String b) {
        return Morphology.forms(a).contains(b) || Morphology.forms(b).contains(a) || a.endsWith(b) || b.endsWith(a);
    }

    /** The agent the article names most on armed acts before this one; of equals, the one named last. */
    private Set<String> mostNamedOnArmedActs(Sentence s, int act, Set<String> victims) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Integer> lastNamed = new LinkedHashMap<>();
        List<Act> acts = named();
        for (int k = 0; k < acts.size() && before(acts.get(k), s, act); k++) {
            Act earlier = acts.get(k);
            if (book.is("armed-act", earlier.word())) {
                for (String agent : earlier.agents()) {
                    if (!victims.contains(agent)) {
                        counts.merge(agent, 1, Integer::sum);
                        lastNamed.put(agent, k);
                    }
                }
            }
        }
        String best = null;
        for (String agent : counts.keySet()) {
            if (best == null || counts.get(agent) > counts.get(best)
                    || (counts.get(agent).equals(counts.get(best)) && lastNamed.get(agent) > lastNamed.get(best))) {
                best = agent;
            }
        }
        return best == null ? Set.of() : Set.of(best);
    }

    /** Agents named on the act itself: "strikes by the US", a possessor or demonym before it, or who launched it. */
    private Set<String> namedAgents(Sentence s, int act) {
        Set<String> agents = byPhrase(s, act);
        if (agents.isEmpty()) {
            agents = beforeAct(s, act);
        }
        if (agents.isEmpty()) {
            agents = launcher(s, act);
        }
        return agents;
    }

    /** "the attack launched by Iran", "shelling from Azerbaijan": the actor after "by", or right after "from". */
    private Set<String> byPhrase(Sentence s, int act) {
        List<Token> tokens = s.tokens();
        for (int k = act + 1; k < Math.min(tokens.size(), act + BY_REACH); k++) {
            String w = tokens.get(k).folded();
            if (w.equals(",") || book.is("clause-boundary", w)) {
                break;
            }
            if (w.equals("by") || (w.equals("from") && k == act + 1)) {
                return mentionAfterDeterminers(s, k + 1).map(this::actorsOf).orElse(new LinkedHashSet<>());
            }
        }
        return new LinkedHashSet<>();
    }

    /**
     * A possessor or demonym before the act, over a few modifiers ("Turkey's military offensive",
     * "Russian missile strikes"), or a name right before it or joined to it by a hyphen ("US strikes",
     * "the US-Britain attack"). A capital right before an act is where it happened ("the Damascus
     * attack"), and a name right before an act on territory is the territory ("the Ukraine invasion").
     */
    private Set<String> beforeAct(Sentence s, int act) {
        List<Token> tokens = s.tokens();
        Set<String> agents = new LinkedHashSet<>();
        int modifiers = 0;
        int k = act - 1;
        while (k >= 0) {
            String w = tokens.get(k).folded();
            Optional<Mention> m = mentionEndingAt(s, k);
            if (m.isPresent()) {
                boolean adjacent = modifiers == 0;
                boolean fits = switch (m.get().kind()) {
                    case DEMONYM -> true;
                    case NAME, ABBREVIATION -> adjacent && !book.is("act-on-territory", tokens.get(act).folded());
                    default -> false;
                };
                if (!fits) {
                    return agents;
                }
                agents.addAll(actorsOf(m.get()));
                k = m.get().firstToken() - 1;
                if (k >= 0 && (tokens.get(k).folded().equals("-") || tokens.get(k).folded().equals("and"))) {
                    k--; // "US-Britain", "US and UK": one more agent
                    continue;
                }
                return agents;
            }
            if (isPossessiveMark(w) && k > 0) {
                Optional<Mention> possessor = mentionEndingAt(s, k - 1);
                if (possessor.isPresent() && possessor.get().kind() != MentionKind.TERRITORY) {
                    agents.addAll(actorsOf(possessor.get()));
                }
                return agents;
            }
            if (!isModifier(tokens.get(k)) || ++modifiers > MODIFIER_SPAN) {
                return agents;
            }
            k--;
        }
        return agents;
    }

    /** "The United States launched airstrikes", "Turkish troops began their military offensive": who launched it. */
    private Set<String> launcher(Sentence s, int act) {
        List<Token> tokens = s.tokens();
        for (int k = act - 1; k >= Math.max(0, act - 1 - LAUNCH_SPAN); k--) {
            String w = tokens.get(k).folded();
            int verb = w.equals("out") && k > 0 && book.is("launch-verb", tokens.get(k - 1).folded()) ? k - 1 : k;
            if (book.is("launch-verb", tokens.get(verb).folded())) {
                return actors.subjectOf(s, verb).map(LinkedHashSet::new).orElse(new LinkedHashSet<>());
            }
            if (inMention(s, k) || !(isModifier(tokens.get(k)) || book.is("determiner", w) || book.is("possessive-pronoun", w))) {
                return new LinkedHashSet<>();
            }
        }
        return new LinkedHashSet<>();
    }

    /** "the attack on Israel", "strikes against Houthi targets": the actor the act was done to. */
    private Set<String> victims(Sentence s, int act) {
        List<Token> tokens = s.tokens();
        for (int k = act + 1; k < Math.min(tokens.size(), act + BY_REACH); k++) {
            String w = tokens.get(k).folded();
            if (book.is("victim-preposition", w)) {
                return mentionAfterDeterminers(s, k + 1).map(this::actorsOf).orElse(Set.of());
            }
            if (w.equals(",") || book.is("clause-boundary", w) || w.equals("by")) {
                break;
            }
        }
        return Set.of();
    }

    private Optional<Mention> mentionAfterDeterminers(Sentence s, int from) {
        int k = from;
        while (k < s.tokens().size() && book.is("determiner", s.tokens().get(k).folded())) {
            k++;
        }
        final int at = k;
        return mentionsIn(s).stream().filter(m -> m.firstToken() == at).findFirst();
    }

    private Optional<Mention> mentionEndingAt(Sentence s, int token) {
        return mentionsIn(s).stream().filter(m -> m.lastToken() == token).findFirst();
    }

    private boolean inMention(Sentence s, int token) {
        return mentionsIn(s).stream().anyMatch(m -> m.firstToken() <= token && token <= m.lastToken());
    }

    private List<Mention> mentionsIn(Sentence s) {
        return mentionsBySentence.getOrDefault(s.index(), List.of());
    }

    private Set<String> actorsOf(Mention m) {
        return m.standsFor().map(a -> new LinkedHashSet<>(List.of(a))).orElse(new LinkedHashSet<>());
    }

    /**
     * A word that may qualify an act between its agent and it ("military", "large-scale", "overnight"):
     * lower-case, and no word the engine knows as a function word or a verb of speech.
     */
    private boolean isModifier(Token t) {
        String w = t.folded();
        if (w.equals("-")) {
            return true;
        }
        return !t.capitalised() && Character.isLetter(w.codePointAt(0)) && !book.is("determiner", w) && !book.is("preposition", w)
                && !book.is("reporting-verb", w) && !book.is("clause-boundary", w) && !book.is("negation", w)
                && !book.is("subject-pronoun", w) && !book.is("possessive-pronoun", w) && !book.is("act-modifier-stop", w);
    }

    private static boolean isQuoteMark(String w) {
        return w.equals("\"") || w.equals("\u201C") || w.equals("``") || w.equals("'");
    }

    private static boolean isPossessiveMark(String folded) {
        return folded.equals("'s") || folded.equals("'") || folded.equals("’s") || folded.equals("’");
    }
}
