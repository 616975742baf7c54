package org.stancegraph.stance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.stancegraph.actor.Actor;
import org.stancegraph.actor.ActorDictionary;
import org.stancegraph.actor.ActorKind;
import org.stancegraph.actor.Mention;
import org.stancegraph.actor.MentionKind;
import org.stancegraph.text.Sentence;
import org.stancegraph.text.Token;

/**
 * The two parties of the conflict an article reports: whom "both sides", "each other" and "its
 * neighbour" mean. They are found from what the article says about who fights whom: "fighting
 * between A and B", "the A-B war", "A's offensive against B", "A attacked B" (conflict nouns and hostile
 * acts are word lists of words.tsv). The pair said to fight most often wins; at a tie, the pair
 * named first. An article that never says who fights whom falls back to the two states or groups
 * it names most often as actors, which is often but not always the conflict: an article on a
 * mediator names the mediator more than either side.
 */
final class ConflictParties {

    /** Tokens that may stand between a conflict noun and "between": "the fighting that broke out between". */
    private static final int BEFORE_BETWEEN = 4;

    /** Prepositions that make the actor after a hostile act its target: "attack on", "war against", "invasion of". */
    private static final Set<String> TARGET_PREPOSITIONS = Set.of("on", "against", "of", "in", "into");

    private final ActorDictionary dictionary;
    private final CueBook book;

    ConflictParties(ActorDictionary dictionary, CueBook book) {
        this.dictionary = dictionary;
        this.book = book;
    }

    /** The two parties, or fewer when the article names fewer than two states or groups. */
    List<String> of(List<Sentence> sentences, Map<Integer, List<Mention>> mentionsBySentence, List<Mention> mentions) {
        Map<List<String>, Integer> pairs = new LinkedHashMap<>();
        for (Sentence sentence : sentences) {
            List<Mention> parties = mentionsBySentence.getOrDefault(sentence.index(), List.of()).stream()
                    .filter(m -> party(m).isPresent()).toList();
            for (int i = 0; i + 1 < parties.size(); i++) {
                Mention first = parties.get(i);
                Mention second = parties.get(i + 1);
                String a = party(first).orElseThrow();
                String b = party(second).orElseThrow();
                if (!a.equals(b) && fight(sentence.tokens(), first, second)) {
                    pairs.merge(a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a), 1, Integer::sum);
                }
            }
        }
        Optional<List<String>> fought = pairs.entrySet().stream()
                .reduce((best, next) -> next.getValue() > best.getValue() ? next : best).map(Map.Entry::getKey);
        return fought.orElseGet(() -> mostNamed(mentions));
    }

    /** The state, de-facto state or armed group a mention stands for. */
    private Optional<String> party(Mention m) {
        return m.standsFor().flatMap(dictionary::actor).filter(ConflictParties::canFight).map(Actor::iri);
    }

    private static boolean canFight(Actor actor) {
        return actor.kind() == ActorKind.STATE || actor.kind() == ActorKind.DE_FACTO_STATE
                || actor.kind() == ActorKind.ARMED_GROUP;
    }

    /** Whether the words around two neighbouring mentions say that the first fights the second. */
    private boolean fight(List<Token> tokens, Mention first, Mention second) {
        int gapBegin = first.lastToken() + 1;
        int gapEnd = second.firstToken(); // exclusive
        if (gapEnd < gapBegin) {
            return false; // overlapping mentions: a title and the adjective inside it
        }
        String gap = String.join(" ", tokens.subList(gapBegin, gapEnd).stream().map(Token::folded).toList());
        // "between Armenia and Azerbaijan" after a conflict noun: "the war between", "clashes broke out between"
        if (gap.equals("and") && first.firstToken() > 0 && tokens.get(first.firstToken() - 1).folded().equals("between")) {
            for (int k = first.firstToken() - 2; k >= Math.max(0, first.firstToken() - 1 - BEFORE_BETWEEN); k--) {
                if (book.is("conflict-noun", tokens.get(k).folded())) {
                    return true;
                }
            }
            return false;
        }
        // "the Israel-Hezbollah ceasefire", "the India-China border clashes"
        if ((gap.equals("-") || gap.equals("–")) && second.lastToken() + 1 < tokens.size()) {
            String after = tokens.get(second.lastToken() + 1).folded();
            return book.is("conflict-noun", after) || book.is("hostile-act", after);
        }
        // "Azerbaijan's offensive against Armenia", "the Russian invasion of Ukraine", "Russia attacked Ukraine"
        List<String> words = tokens.subList(gapBegin, gapEnd).stream().map(Token::folded).toList();
        if (words.isEmpty() || words.size() > 4) {
            return false;
        }
        String last = words.get(words.size() - 1);
        boolean hostileThenPreposition = words.size() >= 2 && TARGET_PREPOSITIONS.contains(last)
                && book.is("hostile-act", words.get(words.size() - 2));
        boolean hostileVerb = book.is("hostile-verb", last);
        return hostileThenPreposition || hostileVerb;
    }

    /** The two states or groups named most often as actors, the first named first at a tie. */
    private List<String> mostNamed(List<Mention> mentions) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Mention m : mentions) {
            if (!m.agentive() && m.kind() != MentionKind.NAME) {
                continue;
            }
            party(m).ifPresent(p -> counts.merge(p, 1, Integer::sum));
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(2).map(Map.Entry::getKey).toList();
    }
}
