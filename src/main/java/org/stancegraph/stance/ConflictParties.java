package org.stancegraph.stance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.stancegraph.actor.Actor;
import org.stancegraph.actor.ActorDictionary;
import org.stancegraph.actor.ActorKind;
import org.stancegraph.actor.Mention;
import org.stancegraph.actor.MentionKind;
import org.stancegraph.text.Sentence;
import org.stancegraph.text.Token;

/**
 * The two parties of the conflict an article reports, whom "both sides", "each other" and "its
 * neighbour" mean: the pair of states named together most often in sentences about fighting
 * ("the clashes between Azerbaijan and Armenia"), not the states named most often, which are
 * as likely an ally or a mediator that the article is about.
 */
final class ConflictParties {

    /** "the conflict between A and B": the pair counts this many times over a mere co-mention. */
    private static final int BETWEEN_WEIGHT = 2;

    private final ActorDictionary dictionary;
    private final CueBook book;

    ConflictParties(ActorDictionary dictionary, CueBook book) {
        this.dictionary = dictionary;
        this.book = book;
    }

    /** The two parties; fewer when the article names no two states. */
    List<String> of(List<Sentence> sentences, Map<Integer, List<Mention>> mentionsBySentence) {
        Map<String, Integer> pairs = new LinkedHashMap<>();
        for (Sentence s : sentences) {
            List<Mention> mentions = mentionsBySentence.getOrDefault(s.index(), List.of());
            if (mentions.size() < 2 || s.tokens().stream().noneMatch(t -> book.is("conflict-word", t.folded()))) {
                continue;
            }
            List<Mention> states = new ArrayList<>();
            List<String> seen = new ArrayList<>();
            for (Mention m : mentions) {
                Optional<String> state = state(m);
                if (state.isPresent() && !seen.contains(state.get())) {
                    seen.add(state.get());
                    states.add(m);
                }
            }
            for (int a = 0; a < states.size(); a++) {
                for (int b = a + 1; b < states.size(); b++) {
                    int weight = between(s.tokens(), states.get(a), states.get(b)) ? BETWEEN_WEIGHT : 1;
                    String x = seen.get(a);
                    String y = seen.get(b);
                    pairs.merge(x.compareTo(y) < 0 ? x + " " + y : y + " " + x, weight, Integer::sum);
                }
            }
        }
        Optional<Map.Entry<String, Integer>> best = pairs.entrySet().stream()
                .reduce((x, y) -> y.getValue() > x.getValue() ? y : x); // the first of equals wins: deterministic
        if (best.isPresent()) {
            return List.of(best.get().getKey().split(" "));
        }
        return mostNamed(mentionsBySentence);
    }

    /** "between Azerbaijan and Armenia": the first mention right after "between", the second after "and". */
    private static boolean between(List<Token> tokens, Mention first, Mention second) {
        int before = first.firstToken() - 1;
        return before >= 0 && tokens.get(before).folded().equals("between") && second.firstToken() == first.lastToken() + 2
                && tokens.get(first.lastToken() + 1).folded().equals("and");
    }

    private Optional<String> state(Mention m) {
        Optional<Actor> a = m.standsFor().flatMap(dictionary::actor);
        if (a.isPresent() && (a.get().kind() == ActorKind.STATE || a.get().kind() == ActorKind.DE_FACTO_STATE)) {
            return Optional.of(a.get().iri());
        }
        return Optional.empty();
    }

    /** Without a sentence about fighting that names two states: the two states named most often as actors. */
    private List<String> mostNamed(Map<Integer, List<Mention>> mentionsBySentence) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        mentionsBySentence.keySet().stream().sorted().forEach(si -> {
            for (Mention m : mentionsBySentence.get(si)) {
                if (m.agentive() || m.kind() == MentionKind.NAME) {
                    state(m).ifPresent(s -> counts.merge(s, 1, Integer::sum));
                }
            }
        });
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(2).map(Map.Entry::getKey).toList();
    }
}
