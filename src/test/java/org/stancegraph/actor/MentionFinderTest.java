package org.stancegraph.actor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stancegraph.article.Article;
import org.stancegraph.article.Articles;
import org.stancegraph.article.ProjectBoilerplate;
import org.stancegraph.source.Sources;
import org.stancegraph.text.TextAnalyzer;

class MentionFinderTest {

    private static final String A = "https://w3id.org/stancegraph/actor/";
    private static final Path SEEDS = Path.of("../shared/corpus/seeds");
    private static ActorDictionary dictionary;
    private static MentionFinder finder;

    @BeforeAll
    static void load() {
        dictionary = ActorDictionary.load(Path.of("data/actors"));
        finder = new MentionFinder(dictionary);
    }

    private static List<Mention> mentions(String text, LocalDate date) {
        return finder.find(TextAnalyzer.sentences(text), Optional.ofNullable(date));
    }

    private static Mention only(List<Mention> ms, String surface) {
        List<Mention> found = ms.stream().filter(m -> m.surface().equals(surface)).toList();
        assertEquals(1, found.size(), "one mention '" + surface + "' in " + ms);
        return found.get(0);
    }

    @Test
    void namesDemonymsMetonymsAndAbbreviationsResolveToTheirActor() {
        List<Mention> ms = mentions("Baku and the Kremlin spoke. Azeri forces advanced. Armenia is in the CSTO (OTSC).", LocalDate.of(2020, 9, 28));
        assertEquals(A + "azerbaijan", only(ms, "Baku").standsFor().orElseThrow());
        assertEquals(MentionKind.METONYM, only(ms, "Baku").kind());
        assertEquals(A + "russia", only(ms, "Kremlin").standsFor().orElseThrow());
        Mention azeri = only(ms, "Azeri");
        assertEquals(A + "azerbaijan", azeri.standsFor().orElseThrow());
        assertTrue(azeri.agentive(), "an adjective before 'forces' names an actor");
        assertEquals(only(ms, "CSTO").refersTo(), only(ms, "OTSC").refersTo());
    }

    @Test
    void aNameTheDictionaryLacksBehindOrBeforeATitleIsAnUnlistedPersonSpeakingForTheState() {
        // Made-up people: the dictionary cannot know them.
        List<Mention> ms = mentions("Turkish Foreign Minister Ayla Demirkaya said Ankara backs Baku. "
                + "Darius Vell, Armenia's defence minister, rejected that. Azerbaijan's president was silent.", LocalDate.of(2020, 10, 2));
        Mention ayla = only(ms, "Ayla Demirkaya");
        assertEquals(A + "unlisted-ayla-demirkaya", ayla.refersTo());
        assertEquals(Optional.of(A + "turkey"), ayla.standsFor());
        assertEquals(Optional.of("https://w3id.org/stancegraph/role/foreign-minister"), ayla.statedRole());
        assertTrue(ayla.unlisted() && ayla.agentive());
        Mention darius = only(ms, "Darius Vell");
        assertEquals(A + "unlisted-darius-vell", darius.refersTo());
        assertEquals(Optional.of(A + "armenia"), darius.standsFor());
        assertTrue(ms.stream().noneMatch(m -> m.surface().contains("Foreign Minister")),
                "the title is not a second speaker beside the person it names: " + ms);
        assertTrue(ms.stream().anyMatch(m -> m.surface().equals("Azerbaijan's president") && !m.unlisted()),
                "a title with no name after it stays a title: " + ms);
    }

    @Test
    void aSurnameBeforeTheFullNameNamesThePersonTheArticleNamesInFullLater() {
        // A headline gives the surname first; the body gives the full name.
        List<Mention> ms = mentions("Erdogan pledges backing for Baku\n\nTurkish President Recep Tayyip Erdogan spoke on Monday.",
                LocalDate.of(2020, 9, 28));
        Mention headline = ms.stream().filter(m -> m.surface().equals("Erdogan") && m.sentence() == 0).findFirst().orElseThrow();
        assertEquals(A + "recep-tayyip-erdogan", headline.refersTo());
        assertEquals(Optional.of(A + "turkey"), headline.standsFor());

        List<Mention> never = mentions("Erdogan pledges backing for Baku\n\nThe talks went on for a day.", LocalDate.of(2020, 9, 28));
        assertTrue(never.stream().noneMatch(m -> m.surface().equals("Erdogan")),
                "a surname alone, never given in full nor behind a title, names nobody: " + never);
    }

    @Test
    void theSurnameOfAnUnlistedPersonPointsBackToTheirIntroductionBeforeOrAfterIt() {
        // Made-up people: the dictionary cannot know them.
        List<Mention> ms = mentions("Vell rejects the ceasefire terms\n\nDarius Vell, Armenia's defence minister, spoke in Yerevan. "
                + "Later Vell said the talks were over.", LocalDate.of(2020, 10, 2));
        List<Mention> surnames = ms.stream().filter(m -> m.surface().equals("Vell")).toList();
        assertEquals(2, surnames.size(), "the headline's and the body's surname: " + ms);
        for (Mention vell : surnames) {
            assertEquals(A + "unlisted-darius-vell", vell.refersTo());
            assertEquals(Optional.of(A + "armenia"), vell.standsFor());
            assertEquals(MentionKind.SURNAME, vell.kind());
            assertFalse(vell.unlisted(), "the office is stated once, by the introduction");
        }

        List<Mention> given = mentions("Kazakh Prime Minister Ruslan Le Temir spoke. Later Ruslan said Le Monde was wrong, N Korea too.",
                LocalDate.of(2020, 10, 2));
        assertEquals(Optional.of(A + "kazakhstan"), only(given, "Ruslan").standsFor(), "a given name used alone: " + given);
        assertTrue(given.stream().noneMatch(m -> m.surface().equals("Le")), "a particle is no name of its own: " + given);
        assertEquals(Optional.of(A + "north-korea"), only(given, "N Korea").standsFor());

        List<Mention> shared = mentions("Ayla Demir, Turkey's foreign minister, met Omar Demir, Armenia's defence minister. "
                + "Demir left first.", LocalDate.of(2020, 10, 2));
        assertTrue(shared.stream().noneMatch(m -> m.surface().equals("Demir")),
                "a surname two introduced people share names neither: " + shared);
    }

    @Test
    void aJuntaIsTheStateItRules() {
        List<Mention> ms = mentions("Myanmar's junta said it regretted the vote. Thailand was silent. Myanmar spoke again, "
                + "and the junta left the summit.", LocalDate.of(2021, 10, 16));
        assertTrue(ms.stream().filter(m -> m.surface().equals("Myanmar")).findFirst().orElseThrow().agentive(),
                "a state before 'junta' is the one who speaks: " + ms);
        assertEquals(Optional.of(A + "myanmar"), only(ms, "the junta").standsFor(), "the state named most so far");
    }

    @Test
    void armedGroupsWithACheckedIdAreActorsOfTheirOwn() {
        List<Mention> ms = mentions("Hamas and Hizbollah both rejected the plan.", LocalDate.of(2024, 1, 12));
        assertEquals(Optional.of(A + "hamas"), only(ms, "Hamas").standsFor());
        assertEquals(Optional.of(A + "hezbollah"), only(ms, "Hizbollah").standsFor());
        assertEquals(ActorKind.ARMED_GROUP, dictionary.actor(A + "hamas").orElseThrow().kind());
    }

    @Test
    void aChainOfTitlesGivesThePersonTheStateItStartsFrom() {
        // Made-up people: the dictionary cannot know them.
        List<Mention> ms = mentions("The Armenian president's chief spokesman Ivo Petrov said so. US House Speaker Nora Bell agreed. "
                + "Georgia's deputy foreign minister Lia Kobal left.", LocalDate.of(2021, 5, 3));
        Mention ivo = only(ms, "Ivo Petrov");
        assertEquals(Optional.of(A + "armenia"), ivo.standsFor());
        assertEquals(Optional.of("https://w3id.org/stancegraph/role/spokesperson"), ivo.statedRole(),
                "the holder of the last role of the chain");
        assertEquals(Optional.of(A + "united-states"), only(ms, "Nora Bell").standsFor());
        assertEquals(Optional.of(A + "georgia"), only(ms, "Lia Kobal").standsFor());

        List<Mention> former = mentions("Turkey's former president Ali Veren spoke.", LocalDate.of(2021, 5, 3));
        assertTrue(former.stream().noneMatch(m -> m.surface().contains("Ali Veren")),
                "a former office holder no longer speaks for the state: " + former);
    }

    @Test
    void aRoleAbbreviationMatchesOnlyAsWritten() {
        List<Mention> ms = mentions("The Armenian PM spoke at 3 pm.", LocalDate.of(2021, 5, 3));
        assertTrue(ms.stream().anyMatch(m -> m.surface().equals("Armenian PM") && m.kind() == MentionKind.TITLE), ms.toString());
        List<Mention> lower = mentions("The Armenian pm spoke.", LocalDate.of(2021, 5, 3));
        assertTrue(lower.stream().noneMatch(m -> m.kind() == MentionKind.TITLE), "'pm' is no title: " + lower);
    }

    @Test
    void theAlliancePointsBackToTheAllianceTheArticleNamesMostAndToNothingBeforeAnyIsNamed() {
        List<Mention> ms = mentions("The alliance met on Monday. Armenia asked the CSTO for help. The CSTO sent a mission. "
                + "Turkey is a member of NATO. Kazakhstan, another member of the alliance, kept quiet. The organisation said nothing.",
                LocalDate.of(2022, 9, 14));
        List<Mention> descriptions = ms.stream().filter(m -> m.kind() == MentionKind.DESCRIPTION).toList();
        assertEquals(List.of("the alliance", "The organisation"), descriptions.stream().map(Mention::surface).toList(),
                "no description before any alliance is named: " + ms);
        // NATO is the latest alliance named, but the CSTO is the one the text is about (named twice).
        assertEquals(A + "csto", descriptions.get(0).refersTo());
        assertEquals(A + "csto", descriptions.get(1).refersTo(), "the chain of descriptions counts as namings");
    }

    @Test
    void aDescriptionFileWithABadLineIsRejectedWithItsFileAndLine(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("descriptions.tsv"), "# comment\nalliance\talliance\nbloc\tfleet\n");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ActorDictionary.load(dir));
        assertTrue(e.getMessage().contains("descriptions.tsv:3") && e.getMessage().contains("fleet"), e.getMessage());
    }

    @Test
    void wordsThatAreNoNameAfterATitleMintNobody() {
        List<Mention> ms = mentions("The Turkish President On Monday spoke. Turkey's foreign minister Said nothing. "
                + "The Armenian prime minister Pashinyan's office replied.", LocalDate.of(2020, 10, 2));
        assertTrue(ms.stream().noneMatch(Mention::unlisted), ms.toString());
    }

    @Test
    void anAdjectiveBeforeAnOrdinaryNounIsNoActor() {
        Mention m = only(mentions("Armenian civilians fled the town.", null), "Armenian");
        assertFalse(m.agentive());
    }

    @Test
    void lowerCaseWordsAreNotCountries() {
        assertTrue(mentions("They ate turkey on Thursday.", null).isEmpty());
    }

    @Test
    void diacriticsDoNotMatterAndSurnamesNeedAFullMentionFirst() {
        List<Mention> ms = mentions("Recep Tayyip Erdoğan spoke. Later Erdogan repeated it.", LocalDate.of(2020, 9, 28));
        assertEquals(only(ms, "Recep Tayyip Erdoğan").refersTo(), only(ms, "Erdogan").refersTo());
        assertEquals(A + "turkey", only(ms, "Erdogan").standsFor().orElseThrow());
        assertTrue(mentions("Erdogan spoke.", null).isEmpty(), "a bare surname with no earlier full name is no mention");
        assertEquals(1, mentions("Mr Blinken spoke.", null).size(), "a surname behind a title is a mention");
    }

    @Test
    void aTitleResolvesToTheOfficeHolderOnTheArticlesDate() {
        Mention in2020 = only(mentions("Turkey's foreign minister spoke.", LocalDate.of(2020, 10, 1)), "Turkey's foreign minister");
        Mention in2024 = only(mentions("Turkey's foreign minister spoke.", LocalDate.of(2024, 3, 1)), "Turkey's foreign minister");
        assertEquals(MentionKind.TITLE, in2020.kind());
        assertEquals(A + "turkey", in2020.standsFor().orElseThrow());
        assertEquals(A + "turkey", in2024.standsFor().orElseThrow());
        assertFalse(in2020.refersTo().equals(in2024.refersTo()), "two different ministers: " + in2020.refersTo() + " / " + in2024.refersTo());
        assertTrue(in2020.refersTo().contains("cavusoglu"), in2020.refersTo());
        assertTrue(in2024.refersTo().contains("fidan"), in2024.refersTo());
    }

    @Test
    void aPersonWhoChairsAnOrganisationSpeaksForItWhenTheSentenceSaysSo() {
        String text = "Albanian Prime Minister Edi Rama, who is chairperson of the OSCE, called for calm. Rama said so.";
        List<Mention> ms = mentions(text, LocalDate.of(2020, 9, 28));
        assertEquals(A + "osce", only(ms, "Edi Rama").standsFor().orElseThrow());
        assertEquals(A + "osce", only(ms, "Rama").standsFor().orElseThrow(), "the tie holds for later mentions");
        Mention plain = only(mentions("Edi Rama visited Rome.", LocalDate.of(2020, 9, 28)), "Edi Rama");
        assertEquals(A + "albania", plain.standsFor().orElseThrow());
    }

    @Test
    void theSeedsLinkTheirActors() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SEEDS), "needs the seed articles in ../shared/corpus/seeds (not in the project: published text)");
        Set<String> actors = new java.util.TreeSet<>();
        Set<String> surfacesOfErdogan = new java.util.TreeSet<>();
        for (Path file : Sources.files(List.of(SEEDS), p -> { })) {
            Sources.read(file, record -> {
                Article a = Articles.from(record, ProjectBoilerplate.RULES);
                for (Mention m : finder.find(TextAnalyzer.sentences(a.text()), a.date())) {
                    m.standsFor().ifPresent(actors::add);
                    if (m.refersTo().endsWith("recep-tayyip-erdogan")) {
                        surfacesOfErdogan.add(m.surface());
                    }
                    if (m.surface().equals("Edi Rama")) {
                        assertEquals(A + "edi-rama", m.refersTo());
                    }
                    if (m.surface().equals("OTSC")) {
                        assertEquals(A + "csto", m.refersTo());
                    }
                }
            }, p -> { });
        }
        for (String expected : List.of("armenia", "azerbaijan", "turkey", "russia", "osce", "csto", "osce-minsk-group", "republic-of-artsakh")) {
            assertTrue(actors.contains(A + expected), expected + " is mentioned; found " + actors.stream().map(s -> s.replace(A, "")).collect(Collectors.joining(", ")));
        }
        assertTrue(surfacesOfErdogan.containsAll(Set.of("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan")), surfacesOfErdogan.toString());
    }
}
