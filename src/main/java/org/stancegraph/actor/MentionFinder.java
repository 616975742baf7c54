package org.stancegraph.actor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.stancegraph.text.Sentence;
import org.stancegraph.text.Token;
import org.stancegraph.vocab.SG;

/**
 * Finds the actors an article names, and decides whom each one speaks for.
 *
 * <p>Names are matched token by token against the dictionary, longest first, on folded
 * words (no case, no diacritics: "Erdoğan" and "Erdogan" are one name), with the case
 * of the text checked so that "turkey" the bird or "chad" the verb are not countries.
 * Abbreviations must match exactly. A surname counts only after the person was named in
 * full earlier in the article, or behind a title ("Mr Blinken", "President Putin").
 * A role after a state ("Turkey's foreign minister", "the Turkish president") is a
 * title: it stands for the state, and for the person who held that office on the
 * article's date when the dictionary knows them. A name the dictionary lacks right behind such a
 * title ("the Ruritanian President Mira Novak said"), or right before it ("Mira Novak, Ruritania's
 * president, said"), is a person of their own: an unlisted person, minted from the name, who speaks
 * for that state, and whom {@code stancegraph link} can look up in Wikidata.
 */
public final class MentionFinder {

    private static final Set<String> HONORIFICS = Set.of("mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.",
            "president", "minister", "premier", "chancellor", "secretary", "spokesman", "spokeswoman",
            "spokesperson", "lt", "col", "gen", "general", "ambassador", "sir", "king", "queen", "emir", "pope");

    private final ActorDictionary dictionary;

    public MentionFinder(ActorDictionary dictionary) {
        this.dictionary = dictionary;
    }

    /** Every actor mention of the article, in text order. */
    public List<Mention> find(List<Sentence> sentences, Optional<LocalDate> date) {
        List<Mention> mentions = new ArrayList<>();
        // A headline or lede often gives a surname first ("Novak warns Borduria") and the full name later.
        Set<String> peopleNamedInFull = peopleNamedInFull(sentences);
        Map<String, Office> chosenOffice = new HashMap<>();
        for (Sentence sentence : sentences) {
            List<Match> matches = matchNames(sentence, peopleNamedInFull);
            Set<String> organisationsInSentence = new HashSet<>();
            for (Match m : matches) {
                Actor a = dictionary.actor(m.alias.actor()).orElseThrow();
                if (a.kind().isCollective()) {
                    organisationsInSentence.add(a.speaksFor().orElse(a.iri()));
                }
            }
            for (Match m : matches) {
                mentions.add(toMention(sentence, m, matches, organisationsInSentence, date, chosenOffice));
            }
            mentions.addAll(titlesWithoutName(sentence, matches, date));
            mentions.addAll(descriptions(sentence, matches, mentions));
        }
        mentions.addAll(namePartsOfUnlistedPeople(sentences, mentions));
        mentions.sort(Comparator.comparingInt(Mention::begin).thenComparingInt(Mention::end));
        return mentions;
    }

    /** The listed people the article names in full anywhere ("Mira Novak"), whose surname alone then names them too. */
    private Set<String> peopleNamedInFull(List<Sentence> sentences) {
        Set<String> named = new HashSet<>();
        for (Sentence sentence : sentences) {
            List<Token> tokens = sentence.tokens();
            for (int i = 0; i < tokens.size(); i++) {
                for (ActorDictionary.Alias alias : dictionary.aliasesStartingWith(tokens.get(i).folded())) {
                    if (alias.kind() == MentionKind.NAME && fits(tokens, i, alias)
                            && dictionary.actor(alias.actor()).map(a -> a.kind() == ActorKind.PERSON).orElse(false)) {
                        named.add(alias.actor());
                    }
                }
            }
        }
        return named;
    }

    /** Name parts shorter than this ("Le", "Un") are particles or initials, never used alone for a person. */
    private static final int SHORTEST_NAME_PART = 3;

    /**
     * One part alone of the name of a person the dictionary lacks, once the article introduced them
     * with a title ("Mira Novak, the Ruritanian foreign minister" ... "Novak said"), before or after
     * that introduction: the same person, speaking for the same state. Any part, not just the last:
     * news calls some people by the given name ("Prime Minister Anwar Ibrahim" ... "said Anwar"). A
     * part two such people share names neither.
     */
    private List<Mention> namePartsOfUnlistedPeople(List<Sentence> sentences, List<Mention> found) {
        Map<String, Mention> bySurname = new HashMap<>();
        Set<String> shared = new HashSet<>();
        for (Mention m : found) {
            if (!m.unlisted()) {
                continue;
            }
            for (Token part : sentences.get(m.sentence()).tokens().subList(m.firstToken(), m.lastToken() + 1)) {
                if (part.folded().length() < SHORTEST_NAME_PART || dictionary.isNotAName(part.folded())) {
                    continue;
                }
                Mention earlier = bySurname.putIfAbsent(part.folded(), m);
                if (earlier != null && !earlier.refersTo().equals(m.refersTo())) {
                    shared.add(part.folded());
                }
            }
        }
        shared.forEach(bySurname::remove);
        if (bySurname.isEmpty()) {
            return List.of();
        }
        Map<Integer, List<Mention>> bySentence = new HashMap<>();
        for (Mention m : found) {
            bySentence.computeIfAbsent(m.sentence(), k -> new ArrayList<>()).add(m);
        }
        List<Mention> surnames = new ArrayList<>();
        for (Sentence sentence : sentences) {
            List<Token> tokens = sentence.tokens();
            List<Mention> inSentence = bySentence.getOrDefault(sentence.index(), List.of());
            for (int k = 0; k < tokens.size(); k++) {
                Mention person = bySurname.get(tokens.get(k).folded());
                if (person == null || !tokens.get(k).capitalised() || insideMention(k, inSentence)) {
                    continue;
                }
                Token token = tokens.get(k);
                // The person's office is stated once, at the introduction: this mention only points back to it.
                surnames.add(new Mention(token.begin(), token.end(), token.text(), person.refersTo(), person.standsFor(),
                        MentionKind.SURNAME, Optional.empty(), sentence.index(), k, k, true));
            }
        }
        return surnames;
    }

    private static boolean insideMention(int token, List<Mention> mentions) {
        for (Mention m : mentions) {
            if (token >= m.firstToken() && token <= m.lastToken()) {
                return true;
            }
        }
        return false;
    }

    /** A dictionary name found at tokens first..last; {@code plural} for "Armenians", a people rather than a state. */
    private record Match(int first, int last, ActorDictionary.Alias alias, boolean plural) {}

    private List<Match> matchNames(Sentence sentence, Set<String> peopleNamedInFull) {
        List<Token> tokens = sentence.tokens();
        List<Match> matches = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Match best = null;
            for (ActorDictionary.Alias alias : dictionary.aliasesStartingWith(tokens.get(i).folded())) {
                if (fits(tokens, i, alias) && acceptable(tokens, i, alias, peopleNamedInFull)) {
                    best = new Match(i, i + alias.words().size() - 1, alias, false);
                    break;
                }
            }
            if (best == null) {
                Match plural = pluralDemonym(tokens, i);
                if (plural != null) {
                    matches.add(plural);
                }
                i++;
                continue;
            }
            matches.add(best);
            Actor actor = dictionary.actor(best.alias.actor()).orElseThrow();
            if (actor.kind() == ActorKind.PERSON && best.alias.kind() == MentionKind.NAME) {
                peopleNamedInFull.add(actor.iri());
            }
            i = best.last + 1;
        }
        return matches;
    }

    private boolean fits(List<Token> tokens, int start, ActorDictionary.Alias alias) {
        List<String> words = alias.words();
        if (start + words.size() > tokens.size()) {
            return false;
        }
        for (int k = 0; k < words.size(); k++) {
            if (!tokens.get(start + k).folded().equals(words.get(k))) {
                return false;
            }
        }
        if (alias.kind() == MentionKind.ABBREVIATION) {
            String written = String.join(" ", tokens.subList(start, start + words.size()).stream().map(Token::text).toList());
            return written.equals(alias.exactTokens());
        }
        // Names are capitalised in the text as in the dictionary ("the Kremlin" may start lower case).
        int firstContentToken = alias.afterThe() ? start + 1 : start;
        return !alias.capitalised() || tokens.get(Math.min(firstContentToken, tokens.size() - 1)).capitalised();
    }

    private boolean acceptable(List<Token> tokens, int start, ActorDictionary.Alias alias, Set<String> peopleNamedInFull) {
        if (alias.kind() != MentionKind.SURNAME) {
            return true;
        }
        if (peopleNamedInFull.contains(alias.actor())) {
            return true;
        }
        return start > 0 && HONORIFICS.contains(tokens.get(start - 1).folded()) && !givenNameOfAnother(tokens, start);
    }

    /**
     * True when a listed surname behind a title is the given name of someone the dictionary lacks:
     * in "Chile's President Gabriel Boric said" the capitalised word after "Gabriel" makes it a given
     * name, not Sigmar Gabriel. A headline in title case ("President Putin Warns Kyiv") capitalises
     * every longer word, so there the next word says nothing.
     */
    private static boolean givenNameOfAnother(List<Token> tokens, int surname) {
        int next = surname + 1;
        if (next >= tokens.size() || !tokens.get(next).capitalised() || !tokens.get(next).text().chars().allMatch(Character::isLetter)) {
            return false;
        }
        // Title case writes short words ("of", "with", "over") in lower case at most; running text has longer ones.
        return tokens.stream().anyMatch(t -> t.text().length() > 4 && !t.capitalised() && t.text().chars().allMatch(Character::isLetter));
    }

    /** "Armenians", "Azerbaijanis": the people of a state, named but not an actor. */
    private Match pluralDemonym(List<Token> tokens, int i) {
        String word = tokens.get(i).folded();
        if (word.length() < 4 || !word.endsWith("s") || !tokens.get(i).capitalised()) {
            return null;
        }
        String singular = word.substring(0, word.length() - 1);
        for (ActorDictionary.Alias alias : dictionary.aliasesStartingWith(singular)) {
            if (alias.kind() == MentionKind.DEMONYM && alias.words().size() == 1) {
                return new Match(i, i, alias, true);
            }
        }
        return null;
    }

    private Mention toMention(Sentence sentence, Match m, List<Match> matches, Set<String> organisationsInSentence,
                              Optional<LocalDate> date, Map<String, Office> chosenOffice) {
        List<Token> tokens = sentence.tokens();
        Actor actor = dictionary.actor(m.alias.actor()).orElseThrow();
        int begin = tokens.get(m.first).begin();
        int end = tokens.get(m.last).end();
        String surface = sentence.text().substring(begin - sentence.begin(), end - sentence.begin());
        Optional<String> standsFor;
        Optional<String> viaOffice = Optional.empty();
        boolean agentive = true;
        if (actor.kind() == ActorKind.PERSON) {
            Office office = chosenOffice.get(actor.iri());
            List<Office> held = dictionary.officesOf(actor.iri(), date);
            Optional<Office> tiedHere = held.stream().filter(o -> organisationsInSentence.contains(collective(o.organisation()))
                    && isOrganisation(o.organisation())).findFirst();
            if (tiedHere.isPresent()) {
                office = tiedHere.get();
                chosenOffice.put(actor.iri(), office);
            } else if (office == null && !held.isEmpty()) {
                // Without a tie in the text, a national office comes first (GUIDELINE: the chair of an
                // organisation speaks for it only when the article ties the statement to the chair).
                office = held.stream().filter(o -> !isOrganisation(o.organisation())).findFirst().orElse(held.get(0));
            }
            standsFor = Optional.ofNullable(office).map(o -> collective(o.organisation()));
            viaOffice = Optional.ofNullable(office).map(Office::iri);
        } else {
            standsFor = Optional.of(actor.speaksFor().orElse(actor.iri()));
            agentive = switch (m.alias.kind()) {
                case DEMONYM -> !m.plural && besideAuthority(tokens, m.first, m.last);
                case TERRITORY -> besideAuthority(tokens, m.first, m.last) || authorityBefore(tokens, m.first);
                case METONYM -> !(m.first > 0 && Set.of("capital", "city", "town").contains(tokens.get(m.first - 1).folded()));
                default -> true;
            };
        }
        return new Mention(begin, end, surface, actor.iri(), standsFor, m.alias.kind(), viaOffice,
                sentence.index(), m.first, m.last, agentive);
    }

    /** The actor whose positions {@code iri} states: a body's parent organisation, else itself. */
    private String collective(String iri) {
        return dictionary.actor(iri).flatMap(Actor::speaksFor).orElse(iri);
    }

    private boolean isOrganisation(String iri) {
        return dictionary.actor(iri).map(a -> a.kind() == ActorKind.ORGANISATION || a.kind() == ActorKind.ALLIANCE
                || a.kind() == ActorKind.BODY).orElse(false);
    }

    /** An authority noun or a role within the next three words: "Azerbaijani forces", "Armenian Defence Ministry". */
    private boolean besideAuthority(List<Token> tokens, int first, int last) {
        int k = last + 1;
        if (k < tokens.size() && tokens.get(k).folded().equals("'s")) {
            k++;
        }
        for (int j = k; j < Math.min(tokens.size(), k + 3); j++) {
            String w = tokens.get(j).folded();
            if (dictionary.isAuthorityNoun(w) || !dictionary.rolesStartingWith(w).isEmpty()) {
                return true;
            }
            if (!Character.isLetter(w.isEmpty() ? ' ' : w.charAt(0))) {
                return false;
            }
        }
        return false;
    }

    /** "the defence ministry of Nagorno-Karabakh", "officials in Nagorno-Karabakh", "the authority that runs Nagorno-Karabakh". */
    private boolean authorityBefore(List<Token> tokens, int first) {
        for (int j = first - 1; j >= Math.max(0, first - 4); j--) {
            String w = tokens.get(j).folded();
            if (dictionary.isAuthorityNoun(w) || !dictionary.rolesStartingWith(w).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Turkey's foreign minister", "the Turkish president", "the UN chief" with no name after
     * them: a title mention standing for the state or organisation, and for the office holder on
     * the article's date when the dictionary knows exactly one.
     */
    private List<Mention> titlesWithoutName(Sentence sentence, List<Match> matches, Optional<LocalDate> date) {
        List<Mention> titles = new ArrayList<>();
        List<Token> tokens = sentence.tokens();
        for (int idx = 0; idx < matches.size(); idx++) {
            Match m = matches.get(idx);
            Actor actor = dictionary.actor(m.alias.actor()).orElseThrow();
            if (!actor.kind().isCollective()) {
                continue;
            }
            int k = m.last + 1;
            if (k < tokens.size() && tokens.get(k).folded().equals("'s")) {
                k++;
            }
            Optional<Title> title = titleAt(tokens, k, matches);
            if (title.isEmpty()) {
                continue;
            }
            Optional<ActorDictionary.RolePhrase> role = Optional.of(title.get().role());
            int roleEnd = title.get().last();
            boolean nameFollows = idx + 1 < matches.size() && matches.get(idx + 1).first <= roleEnd + 2
                    && dictionary.actor(matches.get(idx + 1).alias.actor()).map(a -> a.kind() == ActorKind.PERSON).orElse(false);
            if (nameFollows) {
                continue;
            }
            String organisation = actor.speaksFor().orElse(actor.iri());
            Optional<int[]> nameAfter = unlistedName(tokens, roleEnd + 1, 1, matches);
            Optional<int[]> nameBefore = m.first >= 3 && tokens.get(m.first - 1).text().equals(",")
                    ? unlistedName(tokens, m.first - 2, -1, matches) : Optional.empty();
            if (nameAfter.isPresent()) {
                // As with a listed person behind a title, the name alone is the mention.
                titles.add(unlistedPerson(sentence, nameAfter.get(), organisation, role.get().role()));
                continue;
            }
            if (nameBefore.isPresent()) {
                // As with a listed person before an apposition, the title is a mention of the person too.
                Mention person = unlistedPerson(sentence, nameBefore.get(), organisation, role.get().role());
                titles.add(person);
                int begin = tokens.get(m.first).begin();
                int end = tokens.get(roleEnd).end();
                titles.add(new Mention(begin, end, sentence.text().substring(begin - sentence.begin(), end - sentence.begin()),
                        person.refersTo(), Optional.of(organisation), MentionKind.TITLE, Optional.empty(), sentence.index(),
                        m.first, roleEnd, true));
                continue;
            }
            Optional<Office> holder = dictionary.holder(actor.iri(), role.get().role(), date)
                    .or(() -> dictionary.holder(organisation, role.get().role(), date));
            int begin = tokens.get(m.first).begin();
            int end = tokens.get(roleEnd).end();
            titles.add(new Mention(begin, end, sentence.text().substring(begin - sentence.begin(), end - sentence.begin()),
                    holder.map(Office::person).orElse(organisation), Optional.of(organisation), MentionKind.TITLE,
                    holder.map(Office::iri), sentence.index(), m.first, roleEnd, true));
        }
        return titles;
    }

    /**
     * "the alliance", "the organisation" (data/actors/descriptions.tsv): of the actors of a kind the
     * noun may point to that the article named before it, the one it named most often, the latest
     * of those at a tie. The most named is the article's topic ("the alliance" in a piece on the
     * CSTO that names NATO once in passing is still the CSTO); descriptions count as namings, so
     * a chain of them keeps pointing to one actor.
     */
    private List<Mention> descriptions(Sentence sentence, List<Match> matches, List<Mention> before) {
        List<Mention> found = new ArrayList<>();
        List<Token> tokens = sentence.tokens();
        for (int k = 1; k < tokens.size(); k++) {
            Set<ActorKind> kinds = dictionary.describedKinds(tokens.get(k).folded());
            if (kinds.isEmpty() || !tokens.get(k - 1).folded().equals("the") || insideMatch(k, matches)
                    || insideMatch(k - 1, matches)) {
                continue;
            }
            int begin = tokens.get(k - 1).begin();
            Map<String, Integer> namings = new HashMap<>();
            Map<String, Mention> latest = new HashMap<>();
            for (List<Mention> list : List.of(before, found)) {
                for (Mention m : list) {
                    if (m.end() <= begin && dictionary.actor(m.refersTo()).map(a -> kinds.contains(a.kind())).orElse(false)) {
                        namings.merge(m.refersTo(), 1, Integer::sum);
                        latest.merge(m.refersTo(), m, (a, b) -> a.begin() > b.begin() ? a : b);
                    }
                }
            }
            Optional<Mention> antecedent = latest.values().stream().max(Comparator
                    .comparingInt((Mention m) -> namings.get(m.refersTo())).thenComparingInt(Mention::begin));
            if (antecedent.isEmpty()) {
                continue;
            }
            int end = tokens.get(k).end();
            found.add(new Mention(begin, end, sentence.text().substring(begin - sentence.begin(), end - sentence.begin()),
                    antecedent.get().refersTo(), antecedent.get().standsFor(), MentionKind.DESCRIPTION, Optional.empty(),
                    sentence.index(), k - 1, k, true));
        }
        return found;
    }

    /** Words a person's name may have at most: "Mira Novak", "George W. Bush", "Ursula von der Leyen". */
    private static final int LONGEST_NAME = 4;

    /**
     * The tokens of a name the dictionary lacks that starts ({@code step} 1) or ends ({@code step} -1)
     * at token {@code from}: two to four capitalised words (initials allowed), none of them a
     * dictionary name or a word that is no part of a name; {first, last} token indexes.
     */
    private Optional<int[]> unlistedName(List<Token> tokens, int from, int step, List<Match> matches) {
        int count = 0;
        for (int k = from; k >= 0 && k < tokens.size() && count < LONGEST_NAME; k += step) {
            Token token = tokens.get(k);
            if (!token.capitalised() || !isNameWord(token.text()) || dictionary.isNotAName(token.folded())
                    || !dictionary.rolesStartingWith(token.folded()).isEmpty() || insideMatch(k, matches)) {
                break;
            }
            count++;
        }
        if (count < 2) {
            return Optional.empty();
        }
        int other = from + step * (count - 1);
        return Optional.of(new int[] {Math.min(from, other), Math.max(from, other)});
    }

    /** Letters, with inner hyphens and apostrophes ("Jean-Yves", "O'Brien"), or an initial ("W."). */
    private static boolean isNameWord(String word) {
        return word.matches("\\p{Lu}\\.|\\p{L}+(?:[-'’]\\p{L}+)*");
    }

    private static boolean insideMatch(int token, List<Match> matches) {
        for (Match m : matches) {
            if (token >= m.first && token <= m.last) {
                return true;
            }
        }
        return false;
    }

    /** The mention of a person the dictionary lacks, minted from the folded name, speaking for {@code organisation}. */
    private Mention unlistedPerson(Sentence sentence, int[] name, String organisation, String role) {
        List<Token> tokens = sentence.tokens();
        int begin = tokens.get(name[0]).begin();
        int end = tokens.get(name[1]).end();
        String folded = String.join(" ", tokens.subList(name[0], name[1] + 1).stream().map(Token::folded).toList());
        return new Mention(begin, end, sentence.text().substring(begin - sentence.begin(), end - sentence.begin()),
                SG.unlistedPersonIri(folded), Optional.of(organisation), MentionKind.NAME, Optional.empty(),
                sentence.index(), name[0], name[1], true, Optional.of(role));
    }

    /** The role a chain of titles ends with, and the chain's last token. */
    private record Title(ActorDictionary.RolePhrase role, int last) {}

    /** Words that may stand between an actor and its role, or between two roles: "US House Speaker". */
    private static final int MAX_TITLE_MODIFIERS = 2;

    /**
     * The title that starts at token {@code k}: a role with at most two modifiers before it ("House
     * Speaker", "Deputy Foreign Minister", "deputy foreign minister"), followed by the roles it chains
     * to ("president's chief spokesman": the spokesman of the president). The person named is the
     * holder of the last role, who speaks for the actor the chain started from.
     */
    private Optional<Title> titleAt(List<Token> tokens, int k, List<Match> matches) {
        Optional<Title> found = Optional.empty();
        int from = k;
        while (from < tokens.size()) {
            int at = from;
            while (at - from < MAX_TITLE_MODIFIERS && at < tokens.size() && roleAt(tokens, at).isEmpty()
                    && isTitleModifier(tokens.get(at), matches)) {
                at++;
            }
            Optional<ActorDictionary.RolePhrase> role = roleAt(tokens, at);
            if (role.isEmpty()) {
                return found;
            }
            found = Optional.of(new Title(role.get(), at + role.get().words().size() - 1));
            from = found.get().last() + 1;
            if (from < tokens.size() && tokens.get(from).folded().equals("'s")) {
                from++;
            }
        }
        return found;
    }

    /** A capitalised word of no name ("House", "Deputy"), or a word of data/actors/title-modifiers.txt ("deputy"). */
    private boolean isTitleModifier(Token token, List<Match> matches) {
        if (insideMatch(token.index(), matches) || dictionary.isNotAName(token.folded())) {
            return false;
        }
        return dictionary.isTitleModifier(token.folded()) || (token.capitalised() && isNameWord(token.text()));
    }

    private Optional<ActorDictionary.RolePhrase> roleAt(List<Token> tokens, int k) {
        if (k >= tokens.size()) {
            return Optional.empty();
        }
        for (ActorDictionary.RolePhrase phrase : dictionary.rolesStartingWith(tokens.get(k).folded())) {
            List<String> words = phrase.words();
            if (k + words.size() > tokens.size()) {
                continue;
            }
            List<String> written = phrase.written().orElse(null);
            boolean all = true;
            for (int j = 0; j < words.size() && all; j++) {
                Token token = tokens.get(k + j);
                all = token.folded().equals(words.get(j)) && (written == null || written.get(j).equals(token.text()));
            }
            if (all) {
                return Optional.of(phrase);
            }
        }
        return Optional.empty();
    }
}
