package org.stancegraph.stance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.stancegraph.actor.ActorDictionary;
import org.stancegraph.actor.ActorKind;
import org.stancegraph.actor.Mention;
import org.stancegraph.actor.MentionKind;
import org.stancegraph.text.Sentence;
import org.stancegraph.text.Token;

/**
 * Finds the positions that actors state in an article: applies the cue patterns of
 * {@link CueBook} to each clause and decides, from the clause, who holds the position
 * (its subject, the speaker of a quotation, or the actor a pronoun points back to) and
 * whom it is about.
 *
 * <p>Only sentences that contain a cue word and an actor are looked at closely: the cheap
 * test comes first, so that most of a long article costs one hash look-up per word.
 */
public final class StanceExtractor {

    /** How many words after a hostile act its "by" phrase may stand: "the shelling of the old town by". */
    private static final int HOSTILE_ACT_REACH = 8;

    /** Marks after a dateline's place; and how many capitals it has at least, so that "UN -" stays an actor. */
    private static final Set<String> DATELINE_MARKS = Set.of("\u2022", "-", "\u2013", "\u2014", "(");
    private static final int DATELINE_MIN_LETTERS = 4;

    /** Opening quotation marks, straight and curly. */
    private static final Set<String> QUOTE_MARKS = Set.of("\"", "\u201C", "''", "``");

    /** Words between a possessive pronoun and a name in apposition to it: "its (closest) ally Armenia". */
    private static final int APPOSITION_SPAN = 3;

    /** Universal Dependencies tags of an ambiguous cue word ("back", "stand") that is not the verb. */
    private static final Set<String> RULES_OUT_THE_VERB = Set.of("ADV", "ADP", "PART", "ADJ");

    /** Tokens after an actor that make it no slot of an alliance pattern: a compound's hyphen, a conjunction. */
    private static final Set<String> DETACHING_AFTER_SLOT = Set.of("-", "and", "or");

    private final ActorDictionary dictionary;
    private final CueBook book;
    private final ClaimLinker claims;

    public StanceExtractor(ActorDictionary dictionary, CueBook book) {
        this.dictionary = dictionary;
        this.book = book;
        this.claims = new ClaimLinker(book);
    }

    /** The statements of one article: its text, its sentences, and the mentions the actor stage found in them. */
    public List<Statement> extract(String text, List<Sentence> sentences, List<Mention> mentions) {
        ArticleContext article = new ArticleContext(text, sentences, mentions);
        List<Statement> found = new ArrayList<>();
        for (Sentence sentence : sentences) {
            if (!book.mayHoldPosition(sentence.tokens())) {
                continue;
            }
            found.addAll(new SentenceReader(article, sentence, found).statements());
        }
        found.addAll(alliesThroughAlliances(found));
        return deduplicate(found);
    }

    // ------------------------------------------------------------------ article-wide context

    /** A quotation: character span of its text, and who said it. */
    private record Quote(int begin, int end, Optional<Group> speaker) {}

    /** Consecutive mentions read as one list of actors: "France, Russia and the United States". */
    private record Group(List<Mention> members, int sentence, int first, int last) {
        Set<String> actors() {
            Set<String> set = new LinkedHashSet<>();
            for (Mention m : members) {
                m.standsFor().ifPresent(set::add);
            }
            return set;
        }

        boolean agentive() {
            return members.stream().anyMatch(Mention::agentive);
        }

        Optional<String> speaker() {
            return members.stream().filter(m -> m.kind() == MentionKind.TITLE || !m.refersTo().equals(m.standsFor().orElse(null)))
                    .map(Mention::refersTo).findFirst();
        }
    }

    private final class ArticleContext {
        final List<Sentence> sentences;
        final Map<Integer, List<Mention>> mentionsBySentence = new HashMap<>();
        final Map<Integer, List<Group>> groupsBySentence = new HashMap<>();
        final List<Quote> quotes = new ArrayList<>();
        final List<String> conflictParties;
        final String text;
        /** Who did the hostile acts the article names, for positions that judge an act without naming its agent. */
        final ActAgents actAgents;

        ArticleContext(String text, List<Sentence> sentences, List<Mention> mentions) {
            this.sentences = sentences;
            for (Mention m : mentions) {
                if (!datelinePlace(m, sentences.get(m.sentence()))) {
                    mentionsBySentence.computeIfAbsent(m.sentence(), k -> new ArrayList<>()).add(m);
                }
            }
            for (Sentence s : sentences) {
                groupsBySentence.put(s.index(), groups(s, mentionsIn(s.index())));
            }
            this.text = text;
            this.conflictParties = new ConflictParties(dictionary, book).of(sentences, mentionsBySentence);
            findQuotes();
            this.actAgents = new ActAgents(book, sentences, mentionsBySentence, claimActors);
        }

        /**
         * "BANDAR SERI BEGAWAN • Myanmar's junta said ...", "KYIV (Reuters) - ...": a place in capitals that
         * opens the sentence before a dateline mark says where the report was filed, and is nobody's subject.
         */
        private static boolean datelinePlace(Mention m, Sentence s) {
            List<Token> tokens = s.tokens();
            int next = m.lastToken() + 1;
            boolean capitals = m.surface().codePoints().filter(Character::isLetter).count() >= DATELINE_MIN_LETTERS
                    && m.surface().codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase);
            return m.firstToken() == 0 && capitals && next < tokens.size() && DATELINE_MARKS.contains(tokens.get(next).text());
        }

        List<Mention> mentionsIn(int sentence) {
            return mentionsBySentence.getOrDefault(sentence, List.of());
        }

        List<Group> groupsIn(int sentence) {
            return groupsBySentence.getOrDefault(sentence, List.of());
        }

        /** The article's actors as the claim linker sees them. */
        final ClaimLinker.Actors claimActors = new ClaimLinker.Actors() {
            @Override
            public Optional<Set<String>> endingAt(Sentence s, int last) {
                return groupEndingAt(groupsIn(s.index()), last).map(Group::actors).filter(a -> !a.isEmpty());
            }

            @Override
            public int firstOfListEndingAt(Sentence s, int last) {
                return groupEndingAt(groupsIn(s.index()), last).map(Group::first).orElse(-1);
            }

            @Override
            public Optional<Set<String>> subjectOf(Sentence s, int verb) {
                return subjectBefore(s, verb, 0).map(Group::actors).filter(a -> !a.isEmpty());
            }
        };

        /** "the Iran-backed group", "pro-EU forces": a name inside a hyphenated word only qualifies a noun. */
        boolean inCompound(Group g) {
            return PhraseShape.inHyphenCompound(sentences.get(g.sentence()).tokens(), g.first(), g.last());
        }

        Optional<Quote> quoteAt(int offset) {
            return quotes.stream().filter(q -> offset >= q.begin() && offset < q.end()).findFirst();
        }

        Optional<String> otherParty(String actor) {
            if (conflictParties.size() == 2 && conflictParties.contains(actor)) {
                return Optional.of(conflictParties.get(0).equals(actor) ? conflictParties.get(1) : conflictParties.get(0));
            }
            return Optional.empty();
        }

        private void findQuotes() {
            int open = -1;
            char openChar = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean straight = c == '"';
                if (open < 0 && (c == '\u201C' || straight)) {
                    open = i;
                    openChar = c;
                } else if (open >= 0 && ((openChar == '\u201C' && (c == '\u201D' || straight)) || (openChar == '"' && straight))) {
                    // a curly opening mark closed by a straight one ("“Russia chose ...," the envoy said) is a quotation too
                    quotes.add(new Quote(open + 1, i, Optional.empty()));
                    open = -1;
                } else if (c == '\n' && open >= 0 && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    open = -1; // a quotation does not run past its paragraph
                }
            }
            for (int k = 0; k < quotes.size(); k++) {
                Quote q = quotes.get(k);
                quotes.set(k, new Quote(q.begin(), q.end(), attribute(q)));
            }
        }

        /** The speaker of a quotation: "..., X said", "X said: ...", "... said X", or "He said" in the next sentence. */
        private Optional<Group> attribute(Quote q) {
            Optional<Sentence> closing = sentenceAt(q.end());
            Optional<Sentence> opening = sentenceAt(q.begin());
            if (closing.isPresent()) {
                Sentence s = closing.get();
                int from = tokenAfter(s, q.end() + 1);
                Optional<Group> after = speakerNearReportingVerb(s, from, s.tokens().size());
                if (after.isPresent()) {
                    return after;
                }
            }
            if (opening.isPresent()) {
                Sentence s = opening.get();
                int upTo = tokenAfter(s, q.begin() - 1);
                Optional<Group> before = speakerNearReportingVerb(s, 0, upTo);
                if (before.isPresent()) {
                    return before;
                }
            }
            if (closing.isPresent() && closing.get().index() + 1 < sentences.size()) {
                Sentence next = sentences.get(closing.get().index() + 1);
                if (quoteStartingAt(next).isEmpty()) {
                    Optional<Group> following = speakerNearReportingVerb(next, 0, Math.min(4, next.tokens().size()));
                    if (following.isPresent()) {
                        return following;
                    }
                }
            }
            if (opening.isPresent() && opening.get().index() > 0 && quoteStartingAt(opening.get()).isPresent()) {
                // 'Bush told reporters that ... "Now, Russia needs to ..."': a quotation that opens its sentence and
                // names no speaker goes on with the speaker of the sentence before
                Sentence previous = sentences.get(opening.get().index() - 1);
                return speakerNearReportingVerb(previous, 0, previous.tokens().size());
            }
            return Optional.empty();
        }

        private Optional<Quote> quoteStartingAt(Sentence s) {
            return quotes.stream().filter(q -> q.begin() >= s.begin() && q.begin() <= s.begin() + 2).findFirst();
        }

        private Optional<Group> speakerNearReportingVerb(Sentence s, int from, int to) {
            List<Token> tokens = s.tokens();
            for (int i = from; i < to; i++) {
                if (!book.is("reporting-verb", tokens.get(i).folded()) || quoteAt(tokens.get(i).begin()).isPresent()) {
                    continue;
                }
                // "said X" / "X said": the nearest actor or pronoun on either side within the span
                Optional<Group> after = groupStartingWithin(s.index(), i + 1, Math.min(i + 5, to));
                Optional<Group> before = subjectBefore(s, i, from);
                if (before.isPresent()) {
                    return before;
                }
                if (after.isPresent()) {
                    return after;
                }
            }
            return Optional.empty();
        }

        private Optional<Group> groupStartingWithin(int sentence, int from, int to) {
            return groupsIn(sentence).stream().filter(g -> g.first() >= from && g.first() < to).findFirst();
        }

        private Optional<Group> groupEndingAt(List<Group> groups, int token) {
            return groups.stream().filter(g -> g.last() == token).findFirst();
        }

        private Optional<Sentence> sentenceAt(int offset) {
            return sentences.stream().filter(s -> offset >= s.begin() && offset <= s.end()).findFirst();
        }

        /** The subject of a verb at token {@code at}: the nearest actor (or resolved pronoun) before it, not behind a preposition. */
        Optional<Group> subjectBefore(Sentence s, int at, int clauseStart) {
            return subjectBefore(s, at, clauseStart, Set.of());
        }

        /**
         * Who speaks in ", saying ..." : the subject of the sentence's main clause, the first actor before
         * {@code to} that is no object of a preposition ("Armenia asked the CSTO for help, saying ..." is
         * Armenia, not the CSTO it asked).
         */
        Optional<Group> mainSubject(Sentence s, int to) {
            for (Group g : groupsIn(s.index())) {
                if (g.last() < to && g.agentive() && !governedByPreposition(s.tokens(), g.first()) && !modifiesMember(s.tokens(), g)
                        && !inCompound(g)) {
                    return Optional.of(g);
                }
            }
            return Optional.empty();
        }

        /** As above, passing over the groups that start at {@code objects}: "Turkey condemned Armenia and pledged ...". */
        Optional<Group> subjectBefore(Sentence s, int at, int clauseStart, Set<Integer> objects) {
            List<Token> tokens = s.tokens();
            List<Group> groups = groupsIn(s.index());
            for (int i = at - 1; i >= clauseStart; i--) {
                String w = tokens.get(i).folded();
                if (w.equals(",")) {
                    int interposed = PhraseShape.interposedPhraseStart(tokens, i, clauseStart, x -> book.is("interposed-opener", x));
                    if (interposed >= 0) {
                        i = interposed; // "A day after Kosovo declared independence, Serbs denounced ...": not Kosovo
                        continue;
                    }
                }
                Optional<Group> ending = groupEndingAt(groups, w.equals("'s") ? i - 1 : i);
                if (ending.isPresent()) {
                    Group g = ending.get();
                    boolean possessive = w.equals("'s");
                    if (possessive && i == at - 1) {
                        return Optional.of(g); // "Turkey's solidarity with ...": the possessor acts
                    }
                    boolean ownsAuthority = possessive && ownsAuthority(tokens, i + 1, at);
                    int relative = relativeClauseAround(tokens, g, at, clauseStart);
                    if (relative >= 0) {
                        i = relative + 1; // "the Minsk Group, whose co-chairs are France and Russia, called": the group
                        continue;
                    }
                    if (g.agentive() && !objects.contains(g.first()) && !governedByPreposition(tokens, g.first())
                            && (!possessive || ownsAuthority) && !modifiesMember(tokens, g) && !inCompound(g)) {
                        return Optional.of(g);
                    }
                    i = g.first();
                    continue;
                }
                if (book.is("relative-pronoun", w) && i >= 2 && tokens.get(i - 1).folded().equals(",")) {
                    Optional<Group> antecedent = groupEndingAt(groups, i - 2);
                    if (antecedent.isPresent() && antecedent.get().agentive()) {
                        return antecedent; // "Armenia, which is part of ...": Armenia, even behind "with"
                    }
                }
                if (book.is("non-actor-speaker", w)) {
                    return Optional.empty();
                }
                if (book.is("subject-pronoun", w)) {
                    return resolvePronoun(s, i, w);
                }
                if ((w.equals("latter") || w.equals("former")) && i > 0 && tokens.get(i - 1).folded().equals("the")) {
                    return resolveLatterFormer(s, w.equals("latter"));
                }
            }
            return Optional.empty();
        }

        /**
         * The index of the relative pronoun when {@code g} stands inside a relative clause set off by
         * commas before {@code at} (", whose co-chairs are France, Russia and the United States,"); -1 otherwise.
         */
        private int relativeClauseAround(List<Token> tokens, Group g, int at, int clauseStart) {
            boolean closed = false;
            for (int k = g.last() + 1; k < at && !closed; k++) {
                closed = tokens.get(k).folded().equals(",");
            }
            if (!closed) {
                return -1;
            }
            for (int k = g.first() - 1; k > clauseStart; k--) {
                String w = tokens.get(k).folded();
                if (book.is("relative-pronoun", w) && tokens.get(k - 1).folded().equals(",")) {
                    return k;
                }
                if (w.equals(",") || book.is("clause-boundary", w)) {
                    return -1;
                }
            }
            return -1;
        }

        /**
         * True when a preposition stands before the actor ("spoke with Armenia's prime minister"), except
         * "of" after a role or authority ("the presidents of Poland", "the authorities of Nagorno-Karabakh").
         */
        boolean governedByPreposition(List<Token> tokens, int first) {
            int k = first - 1;
            while (k >= 0 && book.is("determiner", tokens.get(k).folded())) {
                k--;
            }
            if (k < 0 || !book.is("preposition", tokens.get(k).folded())) {
                return false;
            }
            if (tokens.get(k).folded().equals("of") && k > 0) {
                String head = tokens.get(k - 1).folded();
                return !(dictionary.isRoleWord(head) || dictionary.isAuthorityNoun(head) || book.is("authority-plural", head));
            }
            return true;
        }

        /** "Turkey's defence ministry said": the possessor owns an authority within the next two words. */
        private boolean ownsAuthority(List<Token> tokens, int from, int limit) {
            for (int k = from; k < Math.min(limit, from + 2); k++) {
                String w = tokens.get(k).folded();
                if (dictionary.isAuthorityNoun(w) || dictionary.isRoleWord(w)) {
                    return true;
                }
            }
            return false;
        }

        /** "Turkey, a NATO member, hosted talks": NATO qualifies "member" and is no subject. */
        private boolean modifiesMember(List<Token> tokens, Group g) {
            int next = g.last() + 1;
            return next < tokens.size() && book.is("membership-noun", tokens.get(next).folded());
        }

        /**
         * he/she → a person, it/they → a state or organisation, acting as a subject: in the pronoun's own
         * sentence the first such actor before it ("Michel, who has hosted Pashinyan, said he ..." is
         * Michel), else the first one of the sentences before.
         */
        Optional<Group> resolvePronoun(Sentence s, int at, String pronoun) {
            boolean person = book.is("person-pronoun", pronoun);
            if (book.is("speaker-pronoun", pronoun)) {
                Optional<Quote> q = quoteAt(s.tokens().get(at).begin());
                return q.flatMap(Quote::speaker);
            }
            Optional<Quote> inQuote = quoteAt(s.tokens().get(at).begin());
            Optional<Group> reporter = reporterRightBefore(s, at, person);
            if (reporter.isPresent()) {
                return reporter;
            }
            int coordinated = coordinatedClauseStart(s.tokens(), at);
            for (int si = s.index(); si >= Math.max(0, s.index() - 3); si--) {
                List<Group> groups = groupsIn(si);
                if (si == s.index() && coordinated > 0) {
                    // "France condemned it, and Russia said it ...": the pronoun's own clause comes first.
                    List<Group> ownClauseFirst = new ArrayList<>(groups.stream().filter(g -> g.first() >= coordinated).toList());
                    ownClauseFirst.addAll(groups.stream().filter(g -> g.first() < coordinated).toList());
                    groups = ownClauseFirst;
                }
                Sentence sentence = sentences.get(si);
                for (Group g : groups) {
                    if (si == s.index() && g.last() >= at) {
                        continue;
                    }
                    if (!g.agentive() || governedByPreposition(sentence.tokens(), g.first()) || inCompound(g)) {
                        continue;
                    }
                    if (inQuote.isPresent() && g.members().get(0).begin() < inQuote.get().begin()) {
                        return Optional.empty(); // "everything they can" in a quotation: not an actor outside it
                    }
                    boolean isPerson = g.members().stream().anyMatch(m -> !m.refersTo().equals(m.standsFor().orElse(m.refersTo())));
                    if (person == isPerson) {
                        return Optional.of(g);
                    }
                }
            }
            return Optional.empty();
        }

        /**
         * "India called for a truce while China said it understands ...": a pronoun right after "X said
         * (that)" is X, whatever the sentence named first; a person pronoun only a person, and "it" only
         * a state or organisation.
         */
        private Optional<Group> reporterRightBefore(Sentence s, int at, boolean person) {
            List<Token> tokens = s.tokens();
            int verb = at - 1;
            if (verb >= 0 && tokens.get(verb).folded().equals("that")) {
                verb--;
            }
            if (verb < 1 || !book.is("reporting-verb", tokens.get(verb).folded())) {
                return Optional.empty();
            }
            return groupEndingAt(groupsIn(s.index()), verb - 1)
                    .filter(g -> g.agentive() && !governedByPreposition(tokens, g.first()) && !inCompound(g))
                    .filter(g -> person == g.members().stream().anyMatch(m -> !m.refersTo().equals(m.standsFor().orElse(m.refersTo()))));
        }

        /** The token after the last ", and" / ", but" before {@code at}; 0 when there is none. */
        private int coordinatedClauseStart(List<Token> tokens, int at) {
            for (int k = at - 1; k >= 1; k--) {
                String w = tokens.get(k).folded();
                if ((w.equals("and") || w.equals("but")) && tokens.get(k - 1).folded().equals(",")) {
                    return k + 1;
                }
            }
            return 0;
        }

        Optional<Group> resolveLatterFormer(Sentence s, boolean latter) {
            if (s.index() == 0) {
                return Optional.empty();
            }
            List<Mention> previous = mentionsIn(s.index() - 1).stream().filter(m -> m.kind() != MentionKind.TERRITORY).toList();
            if (previous.isEmpty()) {
                return Optional.empty();
            }
            Mention m = latter ? previous.get(previous.size() - 1) : previous.get(0);
            Mention asAgent = new Mention(m.begin(), m.end(), m.surface(), m.refersTo(), m.standsFor(), m.kind(),
                    m.viaOffice(), m.sentence(), m.firstToken(), m.lastToken(), true, m.statedRole());
            return Optional.of(new Group(List.of(asAgent), m.sentence(), m.firstToken(), m.lastToken()));
        }

        /**
         * The nearest state or organisation before {@code at} other than {@code actors}: "its version" may
         * point into a prepositional phrase ("ties with Azerbaijan ... its version"); "the country" points
         * to a subject, so {@code subjectsOnly} skips actors behind a preposition.
         */
        Optional<String> previousActorOtherThan(Sentence s, int at, Set<String> actors, boolean subjectsOnly) {
            for (int si = s.index(); si >= Math.max(0, s.index() - 2); si--) {
                List<Mention> ms = new ArrayList<>(mentionsIn(si));
                ms.sort(Comparator.comparingInt(Mention::begin).reversed());
                for (Mention m : ms) {
                    if ((si == s.index() && m.firstToken() >= at) || m.standsFor().isEmpty() || actors.contains(m.standsFor().get())) {
                        continue;
                    }
                    if (subjectsOnly && governedByPreposition(sentences.get(si).tokens(), m.firstToken())) {
                        continue;
                    }
                    if (m.agentive() || m.kind() == MentionKind.NAME || m.kind() == MentionKind.METONYM) {
                        return m.standsFor();
                    }
                }
            }
            return Optional.empty();
        }
    }

    private static int tokenAfter(Sentence s, int offset) {
        List<Token> tokens = s.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).begin() >= offset) {
                return i;
            }
        }
        return tokens.size();
    }

    /** Groups consecutive mentions joined by commas, "and", titles and the like into lists. */
    private List<Group> groups(Sentence s, List<Mention> mentions) {
        List<Token> tokens = s.tokens();
        List<Group> groups = new ArrayList<>();
        List<Mention> current = new ArrayList<>();
        int currentFirst = -1;
        int currentLast = -1;
        for (Mention m : mentions) {
            boolean negated = false;
            if (!current.isEmpty()) {
                boolean joined = true;
                for (int k = currentLast + 1; k < m.firstToken() && joined; k++) {
                    String w = tokens.get(k).folded();
                    if (w.equals("not")) {
                        negated = true;
                    } else if (book.is("destination-preposition", w)) {
                        joined = false; // "the Armenian ambassador to Russia": Russia is where the envoy serves, no second speaker
                    } else if (book.is("place-preposition", w) && !tokens.get(k - 1).text().equals("-")) {
                        // "Azerbaijan in Nagorno-Karabakh", "talks between A and B in Moscow": a place, not one more
                        // name in the list; "in" is a role word only inside "chairperson-in-office"
                        joined = false;
                    } else {
                        joined = book.is("list-joiner", w) || dictionary.isRoleWord(w) || dictionary.isAuthorityNoun(w)
                                || book.is("determiner", w);
                    }
                }
                if (!joined || m.firstToken() - currentLast > 6 || commaWithoutConjunction(tokens, currentLast, m)) {
                    groups.add(new Group(List.copyOf(current), s.index(), currentFirst, currentLast));
                    current.clear();
                    negated = false;
                }
            }
            if (current.isEmpty()) {
                currentFirst = m.firstToken();
            }
            currentLast = Math.max(currentLast, m.lastToken());
            if (negated) {
                continue; // "Turkey, not Azerbaijan": Azerbaijan is not in the list, but the list spans it
            }
            if (!current.isEmpty() && isTitleOf(current.get(current.size() - 1), m, tokens)) {
                current.remove(current.size() - 1); // "Albanian Prime Minister Edi Rama": the person speaks, not the title
            }
            current.add(m);
        }
        if (!current.isEmpty()) {
            groups.add(new Group(List.copyOf(current), s.index(), currentFirst, currentLast));
        }
        return groups;
    }

    /**
     * "with Yerevan, Baku held ...": a comma alone does not make a list unless an "and" or "or"
     * follows within the list ("France, Russia and the United States"), or a negated member
     * ("Turkey, not Azerbaijan").
     */
    private boolean commaWithoutConjunction(List<Token> tokens, int previousLast, Mention next) {
        boolean comma = false;
        for (int k = previousLast + 1; k < next.firstToken(); k++) {
            String w = tokens.get(k).folded();
            if (w.equals("and") || w.equals("or") || w.equals("&") || w.equals("not") || w.equals("including")) {
                return false;
            }
            comma |= w.equals(",");
        }
        if (!comma) {
            return false;
        }
        for (int k = next.lastToken() + 1; k < Math.min(tokens.size(), next.lastToken() + 12); k++) {
            String w = tokens.get(k).folded();
            if (w.equals("and") || w.equals("or") || w.equals("&")) {
                return false;
            }
            if (!w.equals(",") && !book.is("determiner", w) && !dictionary.isRoleWord(w) && !Character.isUpperCase(tokens.get(k).text().codePointAt(0))) {
                break;
            }
        }
        return true;
    }

    /** A state or organisation name right before a person, joined only by role words: the person's title. */
    private boolean isTitleOf(Mention before, Mention person, List<Token> tokens) {
        boolean isPerson = dictionary.actor(person.refersTo()).map(a -> a.kind() == ActorKind.PERSON).orElse(false);
        if (!isPerson || before.kind() == MentionKind.TITLE
                || dictionary.actor(before.refersTo()).map(a -> a.kind() == ActorKind.PERSON).orElse(true)) {
            return false;
        }
        for (int k = before.lastToken() + 1; k < person.firstToken(); k++) {
            String w = tokens.get(k).folded();
            if (!dictionary.isRoleWord(w) && !w.equals("'s") && !dictionary.isAuthorityNoun(w)) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ one sentence

    private final class SentenceReader {
        final ArticleContext article;
        final Sentence sentence;
        final List<Token> tokens;
        final List<Statement> earlier;
        final List<Statement> sentenceSoFar = new ArrayList<>();
        /** First tokens of the groups already read as targets in this sentence: they are nobody's subject. */
        final Set<Integer> usedAsTargets = new java.util.HashSet<>();
        /** The group the last object search found; marked as used only when a statement comes of it. */
        int targetGroupOfLastSearch = -1;
        final int[] clauseStart;
        final int[] clauseEnd;

        SentenceReader(ArticleContext article, Sentence sentence, List<Statement> earlier) {
            this.article = article;
            this.sentence = sentence;
            this.tokens = sentence.tokens();
            this.earlier = earlier;
            this.clauseStart = new int[tokens.size()];
            this.clauseEnd = new int[tokens.size()];
            segmentClauses();
        }

        /**
         * Clause boundaries: semicolons, colons, dashes, "while", "but" and the like. Quotation marks are
         * no boundary: "urging him to “return to the ceasefire”" is one clause.
         */
        private void segmentClauses() {
            int start = 0;
            for (int i = 0; i <= tokens.size(); i++) {
                boolean boundary = i == tokens.size() || book.is("clause-boundary", tokens.get(i).folded())
                        || coordinatedClause(i);
                if (boundary) {
                    for (int k = start; k < i; k++) {
                        clauseStart[k] = start;
                        clauseEnd[k] = i;
                    }
                    start = i;
                }
            }
        }

        /**
         * "urged Turkey to show restraint, while acknowledging that ...": a clause that a conjunction and a
         * participle open has no subject of its own; it shares the main clause's, not the object before it.
         */
        private boolean subjectlessParticipleAt(int clauseStart) {
            if (clauseStart + 1 >= tokens.size() || !book.is("clause-boundary", tokens.get(clauseStart).folded())) {
                return false;
            }
            Token next = tokens.get(clauseStart + 1);
            return next.folded().endsWith("ing") && !next.capitalised() && !inMention(clauseStart + 1);
        }

        /** ", saying ...": a clause that a comma and a reporting participle open. */
        private boolean reportingParticipleAt(int clauseStart) {
            return clauseStart + 1 < tokens.size() && tokens.get(clauseStart).folded().equals(",")
                    && tokens.get(clauseStart + 1).folded().endsWith("ing") && book.is("reporting-verb", tokens.get(clauseStart + 1).folded());
        }

        /**
         * ", and he told Armenia ...": a comma and a conjunction before a subject pronoun, or before an
         * actor who reports, start a new clause; so does a comma before a reporting participle
         * (", saying it violated Georgia's ...").
         */
        private boolean coordinatedClause(int i) {
            if (i < 1 || i + 1 >= tokens.size()) {
                return false;
            }
            String w = tokens.get(i).folded();
            if (w.equals(",") && tokens.get(i + 1).folded().endsWith("ing") && book.is("reporting-verb", tokens.get(i + 1).folded())) {
                return true;
            }
            if (!(w.equals("and") || w.equals("but")) || !tokens.get(i - 1).folded().equals(",")) {
                return false;
            }
            return book.is("subject-pronoun", tokens.get(i + 1).folded()) || reportingActorAt(i + 1);
        }

        /**
         * ", and Georgia said it was ready ...": an actor (after a determiner, if any) right before a
         * reporting verb is the subject of a clause of its own, not one more name in a list.
         */
        private boolean reportingActorAt(int at) {
            for (Group g : article.groupsIn(sentence.index())) {
                boolean startsHere = g.first() == at || (g.first() == at + 1 && book.is("determiner", tokens.get(at).folded()));
                if (startsHere && g.last() + 1 < tokens.size() && book.is("reporting-verb", tokens.get(g.last() + 1).folded())) {
                    return true;
                }
            }
            return false;
        }

        List<Statement> statements() {
            List<Statement> out = sentenceSoFar;
            int coveredUntil = -1;
            for (int i = 0; i < tokens.size(); i++) {
                if (i <= coveredUntil) {
                    continue; // "urged Armenia to respect the ceasefire": "respect" belongs to the match of "urged"
                }
                if (PhraseShape.inProperName(tokens, i, this::inMention)) {
                    continue; // "the Rapid Support Forces": a word of a name states nothing
                }
                for (Cue cue : book.cuesStartingWith(tokens.get(i).folded())) {
                    Optional<Match> match = match(cue, i);
                    List<Statement> emitted = match.isPresent() ? emit(cue, i, match.get()) : List.of();
                    if (!emitted.isEmpty()) {
                        out.addAll(emitted);
                        // a membership states a fact, not a position that governs the words after it: "besides
                        // Armenia, the CSTO includes Kyrgyzstan" leaves "includes" its own list
                        coveredUntil = cue.stanceClass() == StanceClass.MEMBER ? i : match.get().last();
                        break; // one position per cue word: the first pattern that yields one wins
                    }
                }
            }
            for (Group g : article.groupsIn(sentence.index())) {
                for (Cue cue : book.cuesStartingWithSlot()) {
                    Optional<Match> match = match(cue, g.first());
                    List<Statement> emitted = match.isPresent() ? emit(cue, g.first(), match.get()) : List.of();
                    if (!emitted.isEmpty()) {
                        out.addAll(emitted);
                        break;
                    }
                }
            }
            return out;
        }

        private boolean inMention(int token) {
            return article.mentionsIn(sentence.index()).stream().anyMatch(m -> m.firstToken() <= token && token <= m.lastToken());
        }

        /** Where a pattern matched: the tokens it covered and the groups in its slots. */
        private record Match(int first, int last, Optional<Group> actorSlot, Optional<Group> targetSlot, boolean targetSearch) {}

        private Optional<Match> match(Cue cue, int start) {
            return matchFrom(cue.elements(), 0, start, start, clauseEnd[start], Optional.empty(), Optional.empty());
        }

        private Optional<Match> matchFrom(List<Cue.Element> elements, int e, int pos, int first, int end,
                                          Optional<Group> actorSlot, Optional<Group> targetSlot) {
            if (e == elements.size()) {
                return Optional.of(new Match(first, pos - 1, actorSlot, targetSlot, false));
            }
            Cue.Element el = elements.get(e);
            switch (el.kind()) {
                case WORDS -> {
                    if (pos < end && el.forms().contains(tokens.get(pos).folded())) {
                        Optional<Match> m = matchFrom(elements, e + 1, pos + 1, first, end, actorSlot, targetSlot);
                        if (m.isPresent()) {
                            return m;
                        }
                    }
                    return el.optional() ? matchFrom(elements, e + 1, pos, first, end, actorSlot, targetSlot) : Optional.empty();
                }
                case GAP -> {
                    for (int skip = 0; skip <= el.maxGap() && pos + skip <= end; skip++) {
                        Optional<Match> m = matchFrom(elements, e + 1, pos + skip, first, end, actorSlot, targetSlot);
                        if (m.isPresent()) {
                            return m;
                        }
                    }
                    return Optional.empty();
                }
                default -> {
                    boolean isTarget = el.kind() == Cue.Kind.TARGET || el.kind() == Cue.Kind.TARGET_HERE;
                    if (el.kind() == Cue.Kind.TARGET && e == elements.size() - 1) {
                        return Optional.of(new Match(first, pos - 1, actorSlot, Optional.empty(), true));
                    }
                    int p = pos;
                    while (p < end && book.is("determiner", tokens.get(p).folded())) {
                        p++;
                    }
                    final int at = p;
                    Optional<Group> g = article.groupsIn(sentence.index()).stream().filter(gr -> gr.first() == at).findFirst();
                    if (g.isEmpty() || (article.inCompound(g.get()) && !readsHyphen(elements, e + 1))) {
                        return Optional.empty(); // "the Iran-allied group" is no ally of anyone; "Russia-mediated" is read by its cue
                    }
                    Optional<Group> slot = el.kind() == Cue.Kind.ACTOR && at > 0 && book.is("place-preposition", tokens.get(at - 1).folded())
                            ? Optional.of(firstMemberOf(g.get())) : g;
                    int next = slot.get().last() + 1;
                    if (next < tokens.size() && tokens.get(next).folded().equals("'s")) {
                        next++;
                    }
                    return matchFrom(elements, e + 1, next, e == 0 ? at : first, end,
                            isTarget ? actorSlot : slot, isTarget ? slot : targetSlot);
                }
            }
        }

        /**
         * A place named after a preposition is one actor, not the head of a list: "after talks in Moscow,
         * Azerbaijan and Armenia agreed" places the talks in Moscow alone.
         */
        private Group firstMemberOf(Group g) {
            Mention m = g.members().get(0);
            return new Group(List.of(m), g.sentence(), m.firstToken(), m.lastToken());
        }

        /** True when the pattern element at {@code e} is the hyphen of a compound ("$A - mediate"). */
        private boolean readsHyphen(List<Cue.Element> elements, int e) {
            return e < elements.size() && elements.get(e).kind() == Cue.Kind.WORDS && elements.get(e).forms().contains("-");
        }

        private List<Statement> emit(Cue cue, int anchor, Match match) {
            int cs = clauseStart[anchor];
            boolean presupposed = cue.stanceClass() == StanceClass.MEMBER && book.is("membership-presupposed", tokens.get(anchor).folded());
            if ((!presupposed && blocked(cs, match.first())) || inCompound(cue, anchor) || slotDetachedFromCue(cue, anchor)
                    || nounForVerb(cue, anchor)
                    || PhraseShape.inAccusationComplement(tokens, cs, anchor, w -> book.is("accusation-verb", w))
                    || ReferencedNouns.referredTo(tokens, cs, anchor, w -> book.is("referable-noun", w),
                            w -> book.is("referable-noun-marker", w), this::inMention)
                    || PhraseShape.ownedByUnknownName(tokens, anchor, this::inMention, dictionary::isNotAName)) {
                return List.of();
            }
            Optional<Quote> quote = article.quoteAt(tokens.get(anchor).begin());
            if (ReportedActs.reportsAnAct(cue) && (followedByBy(cue, anchor) || ReportedActs.insideAClaim(tokens, cs, match.first(), book))) {
                // "was shelled by Russia" is read by the act's "by" pattern, where the agent is the target;
                // "the reports that Russian forces shelled ..." are someone else's claim
                return List.of();
            }
            Optional<Group> passiveAgent = passiveAgent(cue, anchor);
            if (passiveAgent.isPresent() && anchor > 0 && tokens.get(anchor - 1).folded().equals(",")) {
                return List.of(); // "government forces, backed by Turkey,": a label in the writer's voice (GUIDELINE)
            }
            if (passiveAgent.isPresent()) {
                // "Azerbaijan was accused by Armenia": the agent after "by" acts; the subject is the target
                Optional<Group> passiveSubject = cue.stanceClass() == StanceClass.OPPOSE
                        ? agentOfHostileAct(cs, anchor).or(() -> article.subjectBefore(sentence, anchor, cs, usedAsTargets))
                        : article.subjectBefore(sentence, anchor, cs, usedAsTargets);
                match = new Match(match.first(), passiveAgent.get().last(), Optional.empty(), passiveSubject, false);
                if (cue.needsTarget() && match.targetSlot().isEmpty()) {
                    return List.of();
                }
            } else if (followedByBy(cue, anchor)) {
                return List.of(); // a passive whose agent is no actor: "the ceasefire brokered by negotiators"
            }
            if (ReportedActs.backsAnAccusation(cue) && !ReportedActs.backsAClaim(tokens, anchor, book)) {
                return List.of(); // "supported by the United States" backs an accusation only after a claim noun
            }
            Optional<Group> voice = ReportedActs.reportsAnAct(cue) ? reportedSpeaker(match, quote)
                    : passiveAgent.isPresent() ? passiveAgent
                    : match.actorSlot().isPresent() ? match.actorSlot()
                    : voice(claims.holderSearchStart(cue, sentence, match.first(), article.claimActors), cs, quote);
            Set<String> actors = new LinkedHashSet<>();
            Optional<String> speaker = Optional.empty();
            boolean reciprocal = PhraseShape.reciprocal(tokens, Math.max(cs, match.first() - 3), match.first(), match.last() + 1, clauseEnd[anchor]);
            if (voice.isPresent()) {
                actors.addAll(voice.get().actors());
                speaker = voice.get().speaker();
            }
            sharedHolder(match.last() + 1, clauseEnd[anchor]).ifPresent(g -> actors.addAll(g.actors()));
            if (reciprocal && actors.size() < 2 && cue.stanceClass() == StanceClass.OPPOSE) {
                actors.clear();
                actors.addAll(article.conflictParties);
            }
            actors.removeIf(a -> dictionary.actor(a).map(x -> !x.kind().isCollective()).orElse(true));
            if (actors.isEmpty()) {
                return List.of();
            }
            List<Statement> out = new ArrayList<>();
            targetGroupOfLastSearch = -1;
            for (String actor : actors) {
                List<Optional<String>> targets = targets(cue, match, actor, actors, reciprocal);
                if (Demands.addressedToSeveralSides(cue, targets)) {
                    return List.of();
                }
                for (Optional<String> target : targets) {
                    if (target.isPresent() && target.get().equals(actor)) {
                        continue;
                    }
                    if (!fitsClass(cue.stanceClass(), target)) {
                        continue;
                    }
                    out.add(new Statement(actor, speaker, cue.stanceClass(), cue.stance().key(), cue.stance().cameo(), target,
                            sentence.index(), sentence.begin(), sentence.end(), sentence.text(),
                            quote.map(q -> article.text.substring(q.begin(), q.end())),
                            quote.map(Quote::begin).orElse(-1), quote.map(Quote::end).orElse(-1),
                            cue.id() + ": " + cue.source(), cue.confidence()));
                }
            }
            // Part-of-speech tagging is by far the dearest test, and nothing above changes any state:
            // it is asked last, only of a cue word that would otherwise state a position.
            if (out.isEmpty() || notTheVerb(anchor)) {
                return List.of();
            }
            if (targetGroupOfLastSearch >= 0) {
                usedAsTargets.add(targetGroupOfLastSearch);
            }
            return out;
        }

        private boolean notTheVerb(int anchor) {
            if (!book.is("verb-only", tokens.get(anchor).folded())) {
                return false;
            }
            // Only a reading as particle, adverb, adposition or adjective rules the verb out: the tagger
            // reads "Moscow backs Serbia" with "backs" as a noun often enough that NOUN must still count.
            String partOfSpeech = org.stancegraph.text.TextAnalyzer.partOfSpeech(sentence, anchor);
            if (partOfSpeech.equals("ADJ") && pastTenseAfterAName(anchor)) {
                // "Poland sided with Ukraine": the tagger takes the past form for the adjective of "one-sided";
                // right after a capitalised name it is the name's verb.
                return false;
            }
            return RULES_OUT_THE_VERB.contains(partOfSpeech);
        }

        private boolean pastTenseAfterAName(int anchor) {
            return anchor > 0 && tokens.get(anchor).folded().endsWith("ed") && tokens.get(anchor - 1).capitalised();
        }

        /**
         * "in support of", "with support from", "China's support": after a determiner or preposition a
         * word that is verb or noun is the noun, and a pattern written for the verb with its object
         * ("support $T") does not fire; a pattern written for the noun ("support for $T") still does. Nor does
         * it fire inside a name ("the Rapid Support Forces").
         */
        private boolean nounForVerb(Cue cue, int anchor) {
            List<Cue.Element> elements = cue.elements();
            boolean verbWithObject = elements.size() == 2 && elements.get(0).kind() == Cue.Kind.WORDS
                    && (elements.get(1).kind() == Cue.Kind.TARGET || elements.get(1).kind() == Cue.Kind.TARGET_HERE);
            if (!verbWithObject || anchor == 0 || !book.is("verb-or-noun", tokens.get(anchor).folded())) {
                return false;
            }
            Token before = tokens.get(anchor - 1);
            // "the Rapid Support Forces": a capitalised word after a capitalised word that names no actor is part of a name
            boolean inName = tokens.get(anchor).capitalised() && before.capitalised() && anchor - 1 > 0
                    && article.groupsIn(sentence.index()).stream().noneMatch(g -> g.first() <= anchor - 1 && g.last() >= anchor - 1);
            return inName || book.is("noun-marker", before.folded());
        }

        /** "Armenia-backed separatists": the second half of a hyphenated compound states no position. */
        private boolean inCompound(Cue cue, int anchor) {
            return !cue.hasActorSlot() && cue.elements().get(0).kind() == Cue.Kind.WORDS
                    && anchor > 0 && tokens.get(anchor - 1).text().equals("-");
        }

        /**
         * An alliance or membership pattern starting with an actor's slot does not apply when the actor is the
         * first half of a hyphenated compound ("the Iran-allied rebel group" modifies the group; a pattern
         * that reads the hyphen itself, "$A - led", still does) or the first of two conjoined nouns ("the
         * US and its allies" are the US's allies, not the speaker's).
         */
        private boolean slotDetachedFromCue(Cue cue, int anchor) {
            List<Cue.Element> elements = cue.elements();
            boolean alliance = cue.stanceClass() == StanceClass.ALLY || cue.stanceClass() == StanceClass.MEMBER;
            if (!alliance || elements.get(0).kind() == Cue.Kind.WORDS) {
                return false;
            }
            Set<String> readByPattern = elements.size() > 1 ? elements.get(1).forms() : Set.of();
            return article.groupsIn(sentence.index()).stream().filter(g -> g.first() == anchor && g.last() + 1 < tokens.size())
                    .map(g -> tokens.get(g.last() + 1).folded())
                    .anyMatch(next -> DETACHING_AFTER_SLOT.contains(next) && !readByPattern.contains(next));
        }

        /** True when the cue word is a participle followed by "by" that the pattern itself does not read. */
        private boolean followedByBy(Cue cue, int anchor) {
            if (cue.hasActorSlot() || cue.elements().get(0).kind() != Cue.Kind.WORDS) {
                return false;
            }
            int k = anchor + 1;
            boolean patternReadsBy = cue.elements().size() > 1 && cue.elements().get(1).kind() == Cue.Kind.WORDS
                    && cue.elements().get(1).forms().contains("by");
            return k < tokens.size() && tokens.get(k).folded().equals("by") && !patternReadsBy;
        }

        /** The actor after "by" of a passive cue word ("was strongly backed by Turkey"). */
        private Optional<Group> passiveAgent(Cue cue, int anchor) {
            if (!followedByBy(cue, anchor)) {
                return Optional.empty();
            }
            int k = anchor + 2;
            while (k < tokens.size() && book.is("determiner", tokens.get(k).folded())) {
                k++;
            }
            final int at = k;
            return article.groupsIn(sentence.index()).stream().filter(g -> g.first() == at && g.agentive()).findFirst();
        }

        /** Negated ("did not condemn") or hypothetical ("could back", "if ... were to") positions are no positions. */
        private boolean blocked(int clauseStart, int anchor) {
            for (int i = Math.max(clauseStart, anchor - 4); i < anchor; i++) {
                if (book.is("negation", tokens.get(i).folded())) {
                    return true;
                }
            }
            for (int i = clauseStart; i < anchor; i++) {
                Token t = tokens.get(i);
                if (book.is("hypothetical", t.folded()) && !t.capitalised()) {
                    return true;
                }
            }
            // "Many observers believe that Moscow would support Belgrade": the observers' view, not Moscow's
            for (int i = 0; i < anchor; i++) {
                if (book.is("non-actor-speaker", tokens.get(i).folded())) {
                    for (int j = i + 1; j < Math.min(anchor, i + 4); j++) {
                        if (book.is("cognition-verb", tokens.get(j).folded()) || book.is("reporting-verb", tokens.get(j).folded())) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        /** Who holds the position: the clause's subject, else the quotation's speaker. */
        private Optional<Group> voice(int anchor, int clauseStart, Optional<Quote> quote) {
            Optional<Group> subject = article.subjectBefore(sentence, anchor, clauseStart, usedAsTargets);
            if (subject.isEmpty() && quote.isEmpty() && clauseStart > 0) {
                subject = reportingParticipleAt(clauseStart) || subjectlessParticipleAt(clauseStart)
                        ? article.mainSubject(sentence, clauseStart)
                        : article.subjectBefore(sentence, clauseStart, 0, usedAsTargets);
            }
            if (subject.isPresent()) {
                return withJoinedSubject(subject.get(), clauseStart);
            }
            return quote.flatMap(Quote::speaker);
        }

        /** "Iran and Russia have joined China and the US in calling for ...": those who joined count too. */
        private Optional<Group> withJoinedSubject(Group subject, int clauseStart) {
            if (subject.sentence() != sentence.index()) {
                return Optional.of(subject); // a pronoun resolved to an earlier sentence
            }
            int before = subject.first() - 1;
            while (before >= clauseStart && book.is("determiner", tokens.get(before).folded())) {
                before--;
            }
            if (before < clauseStart || !book.is("joining-verb", tokens.get(before).folded())) {
                return Optional.of(subject);
            }
            Optional<Group> joiners = article.subjectBefore(sentence, before, clauseStart);
            if (joiners.isEmpty()) {
                return Optional.of(subject);
            }
            List<Mention> all = new ArrayList<>(joiners.get().members());
            all.addAll(subject.members());
            return Optional.of(new Group(all, sentence.index(), joiners.get().first(), subject.last()));
        }

        private List<Optional<String>> targets(Cue cue, Match match, String actor, Set<String> actors, boolean reciprocal) {
            if (reciprocal && cue.stanceClass() == StanceClass.OPPOSE) {
                return actors.stream().filter(a -> !a.equals(actor)).map(Optional::of).toList();
            }
            if (match.targetSlot().isPresent()) {
                int placed = cue.stanceClass() == StanceClass.OPPOSE ? article.actAgents.actPlacedAfter(sentence, match.targetSlot().get().last()) : -1;
                if (placed >= 0) {
                    // "condemned the Ukraine invasion": the invaded place is no target, the invader is
                    return article.actAgents.agentsOf(sentence, placed, actors).stream().map(Optional::of).toList();
                }
                return match.targetSlot().get().actors().stream().map(Optional::of).toList();
            }
            if (ReportedActs.reportsAnAct(cue) && !cue.needsTarget()) {
                return agentOfReportedAct(match.first());
            }
            if (ReportedActs.backsAnAccusation(cue)) {
                return accusedOfLatestAccusation(actors);
            }
            if (match.targetSearch()) {
                List<Optional<String>> objects = objectTargets(match.last() + 1, targetSearchEnd(match), actor, actors, cue.stanceClass());
                return objects.isEmpty() ? indirectObject(match, actors) : objects;
            }
            if (cue.stanceClass() == StanceClass.DENY) {
                return namedClaimant(match, actor).or(() -> appositiveClaimant(match, actor)).or(() -> claimant(actor, match.first()))
                        .map(c -> List.of(Optional.of(c))).orElse(List.of());
            }
            if (cue.stanceClass() == StanceClass.MEMBER) {
                // "the CSTO, founded in 1992, includes Armenia": the organisation named before the cue word
                return List.of(Memberships.organisationBefore(article.mentionsIn(sentence.index()), tokens, match.first(), book, dictionary));
            }
            if (cue.stanceClass() == StanceClass.SUPPORT && match.actorSlot().isPresent()) {
                return supported(match);
            }
            if (cue.stanceClass() == StanceClass.ALLY) {
                // "Armenia and Russia signed a defence agreement": allies of each other
                return actors.stream().filter(a -> !a.equals(actor)).map(Optional::of).toList();
            }
            if (cue.stanceClass() == StanceClass.OPPOSE) {
                // "called the strikes a dangerous escalation": an opposition that names an act is about its agent
                int act = article.actAgents.firstActIn(sentence, match.first(), match.last() + 1);
                return act < 0 ? List.of() : article.actAgents.agentsOf(sentence, act, actors).stream().map(Optional::of).toList();
            }
            return List.of(Optional.empty());
        }

        /**
         * True when the object straight after a cue verb is a name or a quoted word that no actor mention
         * covers: a bare capitalised word (not a possessor like "Monday's", which only dates the object;
         * not after an article, as in "an Intercontinental missile test"), or a quotation mark. The target
         * is then that unknown object, not an actor further on in the clause.
         */
        private boolean namedNonActorAt(int from, int to) {
            if (from >= to || (from > 0 && book.is("preposition", tokens.get(from - 1).folded()))) {
                return false; // "a military base in Gyumri, in Armenia": a place, and the search goes on
            }
            Token first = tokens.get(from);
            if (QUOTE_MARKS.contains(first.text())) {
                return from + 1 < to && !inMention(from + 1);
            }
            return first.capitalised() && !inMention(from) && !(from + 1 < tokens.size() && tokens.get(from + 1).folded().equals("'s"));
        }

        /** The actor of the nearest mention before token {@code at} in this sentence. */
        private Optional<String> nearestActorBefore(int at) {
            return article.mentionsIn(sentence.index()).stream()
                    .filter(m -> m.lastToken() < at && m.standsFor().isPresent())
                    .max(Comparator.comparingInt(Mention::lastToken)).flatMap(Mention::standsFor);
        }

        /**
         * "the shelling of Stepanakert by Azerbaijan": the actor after "by" that follows a hostile act in
         * {@code from..to} did it, and an oppose position about the act is about that actor, not the
         * place or victim named between.
         */
        private Optional<Group> agentOfHostileAct(int from, int to) {
            for (int h = from; h < to; h++) {
                if (!book.is("hostile-act", tokens.get(h).folded())) {
                    continue;
                }
                for (int k = h + 1; k < Math.min(to, h + HOSTILE_ACT_REACH); k++) {
                    if (tokens.get(k).folded().equals("by")) {
                        Optional<Group> agent = groupAfterDeterminers(k + 1);
                        if (agent.isPresent() && !article.inCompound(agent.get())) {
                            return agent;
                        }
                    }
                }
            }
            return Optional.empty();
        }

        /**
         * Who reports the hostile act a cue matched (see {@link ReportedActs}): the speaker of the quotation
         * it stands in, else the subject of a reporting verb before it in its clause, else the actor after
         * "according to", else a trailing ", the ministry said", else the actor before a headline's colon.
         */
        private Optional<Group> reportedSpeaker(Match match, Optional<Quote> quote) {
            if (quote.isPresent()) {
                return quote.get().speaker();
            }
            int verb = ReportedActs.reportingVerbBefore(tokens, match.first(), book);
            if (verb >= 0) {
                int cs = clauseStart[verb];
                // "Ukraine's border guard agency reported ...": a possessor before its agency is the subject too
                return article.subjectBefore(sentence, verb, cs, usedAsTargets)
                        .or(() -> article.mainSubject(sentence, verb).filter(g -> g.first() >= cs));
            }
            int according = ReportedActs.afterAccordingTo(tokens);
            if (according >= 0) {
                return groupAfterDeterminers(according);
            }
            int comma = ReportedActs.trailingAttribution(tokens, match.last(), book);
            if (comma >= 0) {
                return article.groupsIn(sentence.index()).stream()
                        .filter(g -> g.first() > comma && g.agentive() && !article.governedByPreposition(tokens, g.first())).findFirst();
            }
            return article.groupsIn(sentence.index()).stream()
                    .filter(g -> g.first() <= 1 && g.last() + 1 < match.first() && tokens.get(g.last() + 1).folded().equals(":"))
                    .findFirst();
        }

        /**
         * Who did the act a reported-act verb names: the nearest actor before it in the reported clause
         * that no preposition governs, an agent ("Chinese forces ... attacked") or a name before a hostile
         * act or a weapon ("Cambodian strikes", "Russian missiles"); none in a passive, whose subject is
         * the victim.
         */
        private List<Optional<String>> agentOfReportedAct(int act) {
            if (act == 0 || ReportedActs.passive(tokens, act, book) || book.is("noun-marker", tokens.get(act - 1).folded())) {
                return List.of(); // "the shelling", "Russia's attack": a noun, whose agent is no subject before it
            }
            int from = Math.max(clauseStart[act], ReportedActs.reportingVerbBefore(tokens, act, book) + 1);
            List<Group> groups = article.groupsIn(sentence.index());
            for (int k = groups.size() - 1; k >= 0; k--) {
                Group g = groups.get(k);
                if (g.last() >= act || g.first() < from || article.governedByPreposition(tokens, g.first()) || article.inCompound(g)) {
                    continue;
                }
                if (g.agentive() || namesAnAttacker(g, act)) {
                    return g.actors().stream().map(Optional::of).toList();
                }
            }
            return List.of();
        }

        /** "Cambodian cross-border strikes", "Russian missiles": a hostile act or weapon within three words after the name. */
        private boolean namesAnAttacker(Group g, int limit) {
            for (int k = g.last() + 1; k < Math.min(limit, g.last() + 4); k++) {
                String w = tokens.get(k).folded();
                if (book.is("hostile-act", w) || book.is("hostile-agent-noun", w)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Whom a backed accusation is against: the target of the latest accusation in this sentence or the
         * two before it, other than the backers ("Kinshasa accuses Rwanda ..., a claim ... supported by France").
         */
        private List<Optional<String>> accusedOfLatestAccusation(Set<String> backers) {
            List<Statement> recent = new ArrayList<>(earlier);
            recent.addAll(sentenceSoFar);
            for (int k = recent.size() - 1; k >= 0; k--) {
                Statement s = recent.get(k);
                if (s.sentenceIndex() < sentence.index() - 2) {
                    break;
                }
                if (s.stanceClass() == StanceClass.OPPOSE && s.target().isPresent() && !backers.contains(s.target().get())) {
                    return List.of(s.target());
                }
            }
            return List.of();
        }

        /**
         * Whom support "from" an actor goes to: the nearest actor before it in the clause, the one the
         * phrase attaches to ("the forces of A and B, with support from C", "A received backing from C").
         */
        private List<Optional<String>> supported(Match match) {
            for (int k = Math.max(clauseStart[match.first()], match.first() - 3); k < match.first(); k++) {
                if (book.is("request-verb", tokens.get(k).folded())) {
                    return List.of(); // "asked for support from the EU": support sought, not given
                }
            }
            List<Group> groups = article.groupsIn(sentence.index());
            for (int k = groups.size() - 1; k >= 0; k--) {
                Group g = groups.get(k);
                if (g.last() < match.first() && g.first() >= clauseStart[match.first()] && g.agentive() && !article.inCompound(g)) {
                    return g.actors().stream().map(Optional::of).toList();
                }
            }
            return List.of();
        }

        /**
         * The one whose claim is denied, when the clause names it beside the claim: "Yerevan's accusation",
         * "the claims made by Armenia", "the accusation by Azerbaijan", "the Armenian complaints".
         */
        private Optional<String> namedClaimant(Match match, String denier) {
            int end = clauseEnd[match.first()];
            for (int i = clauseStart[match.first()]; i < end; i++) {
                if (!book.is("claim-noun", tokens.get(i).folded())) {
                    continue;
                }
                for (Group g : article.groupsIn(sentence.index())) {
                    // "Yerevan's accusation", and with one word between: "China's sovereignty claim"
                    boolean before = g.last() == i - 1 || (g.last() == i - 2 && tokens.get(i - 1).folded().equals("'s"))
                            || (g.last() == i - 3 && tokens.get(i - 2).folded().equals("'s"));
                    boolean after = g.first() > i && g.first() <= i + 4 && tokens.subList(i + 1, g.first()).stream()
                            .anyMatch(t -> t.folded().equals("by") || t.folded().equals("from"));
                    // "the accusation by Azerbaijan that Armenian forces ...": the list reader joins the two
                    // across "that", and the claimant is the one who is not the denier
                    Optional<String> other = g.actors().stream().filter(a -> !a.equals(denier)).findFirst();
                    if ((before || after) && other.isPresent()) {
                        return other;
                    }
                }
            }
            return Optional.empty();
        }

        /** ", a claim denied by Rwanda": the maker of a claim in apposition is the main clause's subject. */
        private Optional<String> appositiveClaimant(Match match, String denier) {
            if (!claims.inApposition(tokens, match.first())) {
                return Optional.empty();
            }
            return article.mainSubject(sentence, match.first()).filter(g -> claims.opensClause(tokens, g.first()))
                    .flatMap(g -> g.actors().stream().filter(a -> !a.equals(denier)).findFirst());
        }

        /**
         * "Turkey offered Azerbaijan its full support": an actor inside the cue's own words, between the
         * verb and the noun of support, is the one it is offered to.
         */
        private List<Optional<String>> indirectObject(Match match, Set<String> holders) {
            for (Group g : article.groupsIn(sentence.index())) {
                if (g.first() > match.first() && g.last() < match.last() && g.agentive() && !article.inCompound(g)
                        && g.actors().stream().noneMatch(holders::contains)) {
                    return g.actors().stream().map(Optional::of).toList();
                }
            }
            return List.of();
        }

        /** ", as did Japan": the index of "as" when the actor after it and an auxiliary shares the position; -1 otherwise. */
        private int sharedHolderAt(int from, int to) {
            for (int i = from; i + 2 < to; i++) {
                if (tokens.get(i).folded().equals("as") && book.is("echoing-auxiliary", tokens.get(i + 1).folded())
                        && groupAfterDeterminers(i + 2).isPresent()) {
                    return i;
                }
            }
            return -1;
        }

        private Optional<Group> sharedHolder(int from, int to) {
            int at = sharedHolderAt(from, to);
            return at < 0 ? Optional.empty() : groupAfterDeterminers(at + 2);
        }

        private Optional<Group> groupAfterDeterminers(int from) {
            int k = from;
            while (k < tokens.size() && book.is("determiner", tokens.get(k).folded())) {
                k++;
            }
            final int at = k;
            return article.groupsIn(sentence.index()).stream().filter(g -> g.first() == at && g.agentive()).findFirst();
        }

        /**
         * A target is looked for up to the end of the clause, not out of the quotation the cue stands in,
         * and not into ", as did Japan", which names another holder.
         */
        private int targetSearchEnd(Match match) {
            int end = clauseEnd[match.first()];
            int shared = sharedHolderAt(match.last() + 1, end);
            if (shared >= 0) {
                end = shared;
            }
            Optional<Quote> quote = article.quoteAt(tokens.get(match.first()).begin());
            if (quote.isPresent()) {
                for (int i = match.last() + 1; i < end; i++) {
                    if (tokens.get(i).begin() >= quote.get().end()) {
                        return i;
                    }
                }
            }
            return end;
        }

        /**
         * The first actor after the cue in its clause, skipping places and victims ("an attack on
         * Azerbaijan by Armenia" is Armenia's), and for opposition also an adjective before a hostile act
         * ("condemned the Azerbaijani attack"); else "its neighbour" or "the enemy" (the other party
         * of the conflict); else a pronoun ("its version", "the country") pointing back to an actor.
         * An object that opens with a possessive pronoun ends the search for a name further on
         * ("in support of its effort, ... visited Kenya" is about whoever "its" points to), unless the
         * name stands right behind it in apposition ("support for its ally Armenia").
         */
        private List<Optional<String>> objectTargets(int from, int to, String actor, Set<String> actors, StanceClass stanceClass) {
            if (namedNonActorAt(from, to)) {
                return List.of(); // "accused M23 of massacres", "blamed \"terrorists\"": the object is no actor we know
            }
            boolean opposing = stanceClass == StanceClass.OPPOSE;
            if (opposing) {
                Optional<Group> agent = agentOfHostileAct(from, to);
                if (agent.isPresent()) {
                    targetGroupOfLastSearch = agent.get().first();
                    return agent.get().actors().stream().map(Optional::of).toList();
                }
                int act = article.actAgents.actOpening(sentence, from, to);
                if (act >= 0) {
                    // "condemned the attack": whoever did it, or nobody; never the victim named after it.
                    // An actor named on the act ("Turkey's operation") is this object's, nobody's subject.
                    article.groupsIn(sentence.index()).stream().filter(g -> g.first() >= from && g.first() < act).findFirst()
                            .ifPresent(g -> targetGroupOfLastSearch = g.first());
                    return article.actAgents.agentsOf(sentence, act, actors).stream().map(Optional::of).toList();
                }
            }
            int possessive = from;
            while (possessive < to && !book.is("possessive-pronoun", tokens.get(possessive).folded())) {
                possessive++;
            }
            for (Group g : article.groupsIn(sentence.index())) {
                if (g.first() > possessive + APPOSITION_SPAN) {
                    break;
                }
                boolean hostileAct = opposing && g.last() + 1 < tokens.size() && book.is("hostile-act", tokens.get(g.last() + 1).folded());
                if (g.first() < from || g.first() >= to || !(g.agentive() || hostileAct) || (article.inCompound(g) && !hostileAct)) {
                    continue;
                }
                int k = g.first() - 1;
                while (k >= from && book.is("determiner", tokens.get(k).folded())) {
                    k--;
                }
                String governing = k >= from ? tokens.get(k).folded() : "";
                if (stanceClass == StanceClass.SUPPORT && book.is("not-supported-preposition", governing)) {
                    continue; // "support from Russia", "its actions against Israel": not the one supported
                }
                if (!book.is("place-preposition", governing)) {
                    targetGroupOfLastSearch = g.first();
                    return g.actors().stream().map(Optional::of).toList();
                }
            }
            for (int i = from; i < to; i++) {
                if (book.is("other-party", tokens.get(i).folded())) {
                    return article.otherParty(actor).map(o -> List.of(Optional.of(o))).orElse(List.of());
                }
            }
            for (int i = from; i < to; i++) {
                String w = tokens.get(i).folded();
                if (book.is("possessive-pronoun", w)) {
                    if (i <= from + 1 && nearestActorBefore(i).filter(actors::contains).isPresent()) {
                        return List.of(); // "Iran will defend its sovereignty": the holder's own, no one else
                    }
                    return article.previousActorOtherThan(sentence, i, actors, false).map(o -> List.of(Optional.of(o))).orElse(List.of());
                }
                if (w.equals("country") && i > 0 && tokens.get(i - 1).folded().equals("the")) {
                    return article.previousActorOtherThan(sentence, i, actors, true).map(o -> List.of(Optional.of(o))).orElse(List.of());
                }
            }
            return List.of();
        }

        /**
         * Whose claim a denial rejects: the latest actor who accused the denier in this or the four
         * sentences before; else the latest actor who claimed something there or is named on a claim
         * ("the defence ministry claimed ... Yerevan denied these reports", "UN reports ... Kigali denied
         * the accusation"); else the latest accuser of
         * anyone in those sentences ("Armenia accused Turkey ... Azerbaijan also denied the report").
         */
        private Optional<String> claimant(String denier, int cue) {
            List<Statement> recent = new ArrayList<>(earlier);
            recent.addAll(sentenceSoFar);
            for (int k = recent.size() - 1; k >= 0; k--) {
                Statement s = recent.get(k);
                if (s.sentenceIndex() >= sentence.index() - 4 && s.stanceClass() == StanceClass.OPPOSE
                        && s.target().filter(denier::equals).isPresent()) {
                    return Optional.of(s.actor());
                }
            }
            Optional<String> maker = claims.latestClaimMaker(article.sentences, sentence, cue, denier, article.claimActors);
            if (maker.isPresent()) {
                return maker;
            }
            for (int k = recent.size() - 1; k >= 0; k--) {
                Statement s = recent.get(k);
                if (s.sentenceIndex() >= sentence.index() - 4 && s.stanceClass() == StanceClass.OPPOSE && !s.actor().equals(denier)) {
                    return Optional.of(s.actor());
                }
            }
            return Optional.empty();
        }

        private boolean fitsClass(StanceClass stanceClass, Optional<String> target) {
            switch (stanceClass) {
                case APPEAL, MEDIATE -> {
                    return true;
                }
                case MEMBER -> {
                    return target.flatMap(dictionary::actor).map(a -> a.kind() == ActorKind.ORGANISATION
                            || a.kind() == ActorKind.ALLIANCE || a.kind() == ActorKind.BODY).orElse(false);
                }
                case ALLY -> {
                    return target.flatMap(dictionary::actor).map(a -> a.kind() == ActorKind.STATE
                            || a.kind() == ActorKind.DE_FACTO_STATE).orElse(false);
                }
                default -> {
                    return target.isPresent();
                }
            }
        }
    }

    // ------------------------------------------------------------------ article-level inferences

    /** The finer stance of allies inferred from membership of one alliance. */
    private static final String ALLIANCE_THROUGH_MEMBERSHIP = "alliance";

    /** Two states that the article places in one military alliance are allies (GUIDELINE: "a military alliance that both belong to"). */
    private List<Statement> alliesThroughAlliances(List<Statement> found) {
        Map<String, List<Statement>> membersByAlliance = new LinkedHashMap<>();
        for (Statement s : found) {
            if (s.stanceClass() == StanceClass.MEMBER && s.target().flatMap(dictionary::actor).map(a -> a.kind() == ActorKind.ALLIANCE).orElse(false)) {
                membersByAlliance.computeIfAbsent(s.target().get(), k -> new ArrayList<>()).add(s);
            }
        }
        List<Statement> allies = new ArrayList<>();
        Stance alliance = book.scheme().require(ALLIANCE_THROUGH_MEMBERSHIP);
        membersByAlliance.values().forEach(members -> {
            for (Statement a : members) {
                for (Statement b : members) {
                    if (a.actor().compareTo(b.actor()) < 0) {
                        Statement later = a.sentenceIndex() >= b.sentenceIndex() ? a : b;
                        allies.add(new Statement(a.actor(), Optional.empty(), alliance.stanceClass(), alliance.key(), alliance.cameo(), Optional.of(b.actor()),
                                later.sentenceIndex(), later.sentenceBegin(), later.sentenceEnd(), later.sentence(),
                                Optional.empty(), -1, -1, "members of one military alliance", Math.min(a.confidence(), b.confidence())));
                    }
                }
            }
        });
        return allies;
    }

    /** One statement per (actor, class, target, sentence): the most confident rule's. */
    private static List<Statement> deduplicate(List<Statement> statements) {
        Map<String, Statement> best = new LinkedHashMap<>();
        for (Statement s : statements) {
            String key = s.key() + "@" + s.sentenceIndex();
            Statement kept = best.get(key);
            if (kept == null || s.confidence() > kept.confidence()) {
                best.put(key, s);
            }
        }
        List<Statement> out = new ArrayList<>(best.values());
        out.sort(Comparator.comparingInt(Statement::sentenceBegin).thenComparing(Statement::key));
        return out;
    }
}
