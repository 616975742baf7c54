package org.stancegraph.actor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RiotException;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.stancegraph.text.TextAnalyzer;
import org.stancegraph.text.Token;
import org.stancegraph.vocab.SG;

/**
 * The actor dictionary of {@code data/actors/*.ttl}: states, organisations, bodies and
 * people with the names news uses for them, the offices people hold, and the roles'
 * phrases. Read once; immutable afterwards and shared by all threads.
 */
public final class ActorDictionary {

    /** One name of an actor, split into folded words. */
    record Alias(List<String> words, String exact, String actor, MentionKind kind,
                 String exactTokens, boolean capitalised, boolean afterThe) {

        /**
         * Derives what matching asks of every candidate, once: the name's tokens as written (abbreviations
         * must match them exactly), whether the name is capitalised (after a leading "the": "the Kremlin"),
         * and whether it starts with "the ".
         */
        Alias(List<String> words, String exact, String actor, MentionKind kind) {
            this(words, exact, actor, kind, String.join(" ", TextAnalyzer.words(exact)), startsCapitalised(exact),
                    exact.toLowerCase().startsWith("the "));
        }

        private static boolean startsCapitalised(String exact) {
            String first = exact.replaceFirst("^(?i)the\\s+", "");
            return !first.isEmpty() && Character.isUpperCase(first.codePointAt(0));
        }
    }

    /**
     * A role phrase ("foreign minister") split into folded words; an abbreviation ("PM") also keeps
     * its words as written, for it must match them exactly ("pm" is no title).
     */
    record RolePhrase(List<String> words, String role, Optional<List<String>> written) {}

    private final Model model;
    private final Map<String, Actor> actors = new HashMap<>();
    private final Map<String, List<Alias>> aliasesByFirstWord = new HashMap<>();
    private final Map<String, List<RolePhrase>> rolesByFirstWord = new HashMap<>();
    private final Map<String, List<Office>> officesByPerson = new HashMap<>();
    private final Map<String, Set<String>> memberships = new HashMap<>();
    private final Set<String> authorityNouns;
    private final Set<String> notNames;
    private final Set<String> titleModifiers;
    private final Map<String, Set<ActorKind>> descriptions;
    private final Set<String> roleWords = new HashSet<>();
    private final Map<String, Set<String>> broaderRoles = new HashMap<>();

    private ActorDictionary(Model model, Set<String> authorityNouns, Set<String> notNames, Set<String> titleModifiers,
                            Map<String, Set<ActorKind>> descriptions) {
        this.model = model;
        this.authorityNouns = authorityNouns;
        this.notNames = notNames;
        this.titleModifiers = titleModifiers;
        this.descriptions = descriptions;
        readActors();
        readOffices();
        readRoles();
        model.listStatements(null, SG.memberOf, (RDFNode) null).forEach(s ->
                memberships.computeIfAbsent(s.getSubject().getURI(), k -> new HashSet<>()).add(s.getResource().getURI()));
    }

    /** Reads every {@code .ttl} file of {@code directory} and the word lists beside them. */
    public static ActorDictionary load(Path directory) {
        Model model = ModelFactory.createDefaultModel();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".ttl")).sorted().toList()) {
                try {
                    RDFDataMgr.read(model, file.toString());
                } catch (RiotException e) {
                    throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
                }
            }
            return new ActorDictionary(model, words(directory.resolve("authority-nouns.txt")),
                    words(directory.resolve("not-names.txt")), words(directory.resolve("title-modifiers.txt")), descriptions(directory.resolve("descriptions.tsv")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the actor dictionary in " + directory, e);
        }
    }

    /** The folded words of a word list (one per line, '#' for comments); none when the file is missing. */
    private static Set<String> words(Path file) throws IOException {
        Set<String> words = new HashSet<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(Token.fold(word));
                }
            }
        }
        return words;
    }

    /** Noun → the kinds of actor "the NOUN" may point back to; a bad line is an error naming the file and line. */
    private static Map<String, Set<ActorKind>> descriptions(Path file) throws IOException {
        Map<String, Set<ActorKind>> descriptions = new HashMap<>();
        if (!Files.exists(file)) {
            return descriptions;
        }
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t");
            if (columns.length != 2) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected a noun and its kinds, tab-separated");
            }
            Set<ActorKind> kinds = java.util.EnumSet.noneOf(ActorKind.class);
            for (String kind : columns[1].strip().split("\\s+")) {
                try {
                    kinds.add(ActorKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": unknown kind of actor '" + kind + "'", e);
                }
            }
            descriptions.put(Token.fold(columns[0].strip()), kinds);
        }
        return descriptions;
    }

    /** The dictionary as RDF, for the dictionary's named graph. */
    public Model model() {
        return model;
    }

    public Optional<Actor> actor(String iri) {
        return Optional.ofNullable(actors.get(iri));
    }

    public int size() {
        return actors.size();
    }

    /** The offices {@code person} held on {@code day} (every office when the day is unknown). */
    public List<Office> officesOf(String person, Optional<LocalDate> day) {
        List<Office> all = officesByPerson.getOrDefault(person, List.of());
        return day.map(d -> all.stream().filter(o -> o.heldOn(d)).toList()).orElse(all);
    }

    /** Who held {@code role} for {@code organisation} on {@code day}, when the dictionary knows exactly one. */
    public Optional<Office> holder(String organisation, String role, Optional<LocalDate> day) {
        if (day.isEmpty()) {
            return Optional.empty();
        }
        List<Office> found = officesByPerson.values().stream().flatMap(List::stream)
                .filter(o -> o.organisation().equals(organisation) && sameRole(o.role(), role) && o.heldOn(day.get()))
                .toList();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** A specific office role ("UN secretary-general") answers to its general phrase ("secretary-general") and back. */
    private boolean sameRole(String officeRole, String phraseRole) {
        return officeRole.equals(phraseRole) || broaderRoles.getOrDefault(officeRole, Set.of()).contains(phraseRole)
                || broaderRoles.getOrDefault(phraseRole, Set.of()).contains(officeRole);
    }

    public boolean isMember(String state, String organisation) {
        return memberships.getOrDefault(state, Set.of()).contains(organisation);
    }

    List<Alias> aliasesStartingWith(String foldedWord) {
        return aliasesByFirstWord.getOrDefault(foldedWord, List.of());
    }

    List<RolePhrase> rolesStartingWith(String foldedWord) {
        return rolesByFirstWord.getOrDefault(foldedWord, List.of());
    }

    /** True for a word of some role phrase ("prime", "minister"): titles may stand inside a list of actors. */
    public boolean isRoleWord(String foldedWord) {
        return roleWords.contains(foldedWord);
    }

    /** The kinds of actor "the {@code foldedNoun}" may point back to ("alliance": alliances); empty for other nouns. */
    public Set<ActorKind> describedKinds(String foldedNoun) {
        return descriptions.getOrDefault(foldedNoun, Set.of());
    }

    /** True for capitalised words that are no part of a person's name: "Monday", "January", "The". */
    public boolean isNotAName(String foldedWord) {
        return notNames.contains(foldedWord);
    }

    /** True for words that may stand before a role and keep its office ("deputy", "senior"), but not "former". */
    public boolean isTitleModifier(String foldedWord) {
        return titleModifiers.contains(foldedWord);
    }

    /** True for nouns that make an adjective or place an actor: "forces", "ministry", "government". */
    public boolean isAuthorityNoun(String foldedWord) {
        return authorityNouns.contains(foldedWord);
    }

    private void readActors() {
        Map<Resource, ActorKind> kinds = new HashMap<>();
        for (ActorKind kind : ActorKind.values()) {
            model.listSubjectsWithProperty(RDF.type, kind.ontologyClass()).forEach(r -> kinds.merge(r, kind,
                    // an alliance is also typed as an organisation by some files: keep the narrower kind
                    (a, b) -> a.ordinal() >= b.ordinal() ? a : b));
        }
        kinds.forEach((resource, kind) -> {
            String iri = resource.getURI();
            String label = literal(resource, RDFS.label).orElse(iri);
            Optional<String> qid = literal(resource, SG.wikidataId);
            Optional<String> speaksFor = Optional.ofNullable(resource.getPropertyResourceValue(SG.speaksFor)).map(Resource::getURI);
            actors.put(iri, new Actor(iri, kind, label, qid, speaksFor));
            addAlias(label, iri, MentionKind.NAME);
            resource.listProperties(SG.skosAltLabel).forEach(s -> addAlias(s.getString(), iri, MentionKind.NAME));
            resource.listProperties(SG.abbreviation).forEach(s -> addAlias(s.getString(), iri, MentionKind.ABBREVIATION));
            resource.listProperties(SG.demonym).forEach(s -> addAlias(s.getString(), iri, MentionKind.DEMONYM));
            resource.listProperties(SG.metonym).forEach(s -> addAlias(s.getString(), iri, MentionKind.METONYM));
            resource.listProperties(SG.territoryName).forEach(s -> addAlias(s.getString(), iri, MentionKind.TERRITORY));
            resource.listProperties(SG.surname).forEach(s -> addAlias(s.getString(), iri, MentionKind.SURNAME));
        });
        // Longest names first, so that "OSCE Minsk Group" wins over "OSCE"; ties broken by IRI for determinism.
        aliasesByFirstWord.values().forEach(list -> list.sort(Comparator
                .comparingInt((Alias a) -> -a.words().size())
                .thenComparing(a -> a.kind().ordinal())
                .thenComparing(Alias::actor)));
    }

    private void addAlias(String name, String actor, MentionKind kind) {
        List<String> words = TextAnalyzer.words(name).stream().map(Token::fold).toList();
        if (words.isEmpty()) {
            return;
        }
        Alias alias = new Alias(words, name, actor, kind);
        List<Alias> list = aliasesByFirstWord.computeIfAbsent(words.get(0), k -> new ArrayList<>());
        if (list.stream().noneMatch(a -> a.words().equals(words) && a.actor().equals(actor) && a.kind() == kind)) {
            list.add(alias);
        }
    }

    private void readOffices() {
        model.listSubjectsWithProperty(RDF.type, SG.Office).forEach(office -> {
            Resource person = office.getPropertyResourceValue(SG.orgMember);
            Resource organisation = office.getPropertyResourceValue(SG.orgOrganization);
            Resource role = office.getPropertyResourceValue(SG.orgRole);
            if (person == null || organisation == null || role == null) {
                throw new IllegalArgumentException("Office " + office.getURI() + " needs org:member, org:organization and org:role");
            }
            Office o = new Office(office.getURI(), person.getURI(), organisation.getURI(), role.getURI(),
                    date(office, SG.schemaStartDate, false), date(office, SG.schemaEndDate, true));
            officesByPerson.computeIfAbsent(person.getURI(), k -> new ArrayList<>()).add(o);
        });
        officesByPerson.values().forEach(list -> list.sort(Comparator.comparing(Office::iri)));
    }

    private void readRoles() {
        model.listSubjectsWithProperty(RDF.type, SG.Role).forEach(role -> {
            Set<String> broader = new HashSet<>();
            for (Resource up = role.getPropertyResourceValue(SG.skosBroader); up != null && broader.add(up.getURI());
                 up = up.getPropertyResourceValue(SG.skosBroader)) {
                // walk skos:broader to the most general role
            }
            broaderRoles.put(role.getURI(), broader);
            List<String> phrases = new ArrayList<>();
            literal(role, RDFS.label).ifPresent(phrases::add);
            role.listProperties(SG.skosAltLabel).forEach(s -> phrases.add(s.getString()));
            for (String phrase : phrases) {
                addRolePhrase(phrase, role.getURI(), false);
            }
            role.listProperties(SG.abbreviation).forEach(s -> addRolePhrase(s.getString(), role.getURI(), true));
        });
        rolesByFirstWord.values().forEach(list -> list.sort(Comparator
                .comparingInt((RolePhrase r) -> -r.words().size()).thenComparing(RolePhrase::role)));
    }

    private void addRolePhrase(String phrase, String role, boolean exact) {
        List<String> written = TextAnalyzer.words(phrase);
        List<String> words = written.stream().map(Token::fold).toList();
        if (words.isEmpty()) {
            return;
        }
        roleWords.addAll(words);
        rolesByFirstWord.computeIfAbsent(words.get(0), k -> new ArrayList<>())
                .add(new RolePhrase(words, role, exact ? Optional.of(written) : Optional.empty()));
    }

    private static Optional<String> literal(Resource r, org.apache.jena.rdf.model.Property p) {
        Statement s = r.getProperty(p);
        return s == null || !s.getObject().isLiteral() ? Optional.empty() : Optional.of(s.getString());
    }

    /** Reads xsd:date, xsd:gYearMonth or xsd:gYear; a partial end date stands for the end of its month or year. */
    private static Optional<LocalDate> date(Resource r, org.apache.jena.rdf.model.Property p, boolean isEnd) {
        Statement s = r.getProperty(p);
        if (s == null) {
            return Optional.empty();
        }
        Literal l = s.getLiteral();
        String lex = l.getLexicalForm();
        try {
            if (lex.length() == 4) {
                int year = Integer.parseInt(lex);
                return Optional.of(isEnd ? LocalDate.of(year, 12, 31) : LocalDate.of(year, 1, 1));
            }
            if (lex.length() == 7) {
                YearMonth ym = YearMonth.parse(lex);
                return Optional.of(isEnd ? ym.atEndOfMonth() : ym.atDay(1));
            }
            return Optional.of(LocalDate.parse(lex));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Office " + r.getURI() + ": cannot read date '" + lex + "'", e);
        }
    }
}
