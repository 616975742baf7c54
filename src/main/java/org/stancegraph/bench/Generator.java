package org.stancegraph.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.stancegraph.actor.ActorDictionary;
import org.stancegraph.vocab.SG;

/**
 * Writes a synthetic news corpus for benchmarks: articles of 2–8 KB built from the sentence
 * templates of {@code data/bench/phrasings.tsv}, filled with actors drawn from the whole
 * dictionary, with quotations, bulleted lists, boilerplate lines and dates spread over
 * several years. The text is composed, never copied. The same seed and count give the same
 * bytes: every choice comes from one {@link SplittableRandom} and the dictionary is read in
 * sorted order.
 *
 * <p>Articles are written as JSON Lines, {@value #ARTICLES_PER_FILE} per file, so a million
 * articles are a thousand files rather than a million.
 */
public final class Generator {

    /** Seed used when none is given; fixed so that every run of the benchmark reads the same corpus. */
    public static final long DEFAULT_SEED = 20240917L;

    static final int ARTICLES_PER_FILE = 1000;
    private static final int MIN_BYTES = 2048;
    private static final int MAX_BYTES = 8192;
    private static final LocalDate FIRST_DAY = LocalDate.of(2016, 1, 1);
    private static final int DAYS = 9 * 365;
    private static final String[] WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final String[] OUTLETS = {"Synthetic Wire", "Example Times", "Placeholder News", "Benchmark Daily"};
    private static final String[] AUTHORS = {"Alex Morgan", "Sam Rivera", "Jordan Lee", "Chris Novak", "Robin Hale"};
    private static final String[] BOILERPLATE = {"Share this article", "Read more:", "Advertisement", "Leave a reply",
            "Comments are closed."};

    /** The sentence templates of one kind (a stance class, "neutral" or "quote"). */
    private final Map<String, List<String>> templates;
    private final List<String> stanceKinds;
    private final List<String> actors;
    private final List<String> organisations;
    private final Map<String, String> demonymOf;
    private final List<String> people;
    private final long seed;

    private Generator(Map<String, List<String>> templates, List<String> actors, List<String> organisations,
                      Map<String, String> demonymOf, List<String> people, long seed) {
        this.templates = templates;
        this.stanceKinds = templates.keySet().stream().filter(k -> !k.equals("neutral") && !k.equals("quote")).toList();
        this.actors = actors;
        this.organisations = organisations;
        this.demonymOf = demonymOf;
        this.people = people;
        this.seed = seed;
    }

    /** A generator over the dictionary in {@code actorsDirectory} and the templates in {@code phrasings}. */
    public static Generator of(Path actorsDirectory, Path phrasings, long seed) {
        return of(ActorDictionary.load(actorsDirectory).model(), phrasings, seed);
    }

    static Generator of(Model dictionary, Path phrasings, long seed) {
        Map<String, String> actorLabels = new TreeMap<>();
        Map<String, String> demonyms = new TreeMap<>();
        Map<String, String> personLabels = new TreeMap<>();
        Map<String, String> organisationLabels = new TreeMap<>();
        for (Resource type : List.of(SG.State, SG.DeFactoState, SG.InternationalOrganisation, SG.MilitaryAlliance)) {
            dictionary.listSubjectsWithProperty(RDF.type, type).forEach(actor -> {
                String label = englishLabel(actor, RDFS.label.getURI());
                if (label != null) {
                    actorLabels.put(actor.getURI(), label);
                    if (!type.equals(SG.State) && !type.equals(SG.DeFactoState)) {
                        organisationLabels.put(actor.getURI(), label);
                    }
                    String demonym = englishLabel(actor, SG.demonym.getURI());
                    if (demonym != null) {
                        demonyms.put(label, demonym);
                    }
                }
            });
        }
        dictionary.listSubjectsWithProperty(RDF.type, SG.Person).forEach(person -> {
            String label = englishLabel(person, RDFS.label.getURI());
            if (label != null) {
                personLabels.put(person.getURI(), label);
            }
        });
        if (actorLabels.isEmpty() || personLabels.isEmpty() || organisationLabels.isEmpty()) {
            throw new IllegalArgumentException("the dictionary has no labelled states, organisations or people");
        }
        return new Generator(readTemplates(phrasings), List.copyOf(actorLabels.values()),
                List.copyOf(organisationLabels.values()), demonyms, List.copyOf(personLabels.values()), seed);
    }

    /** The smallest English label, so that the choice does not depend on the order Jena lists them in. */
    private static String englishLabel(Resource subject, String property) {
        String best = null;
        for (Statement s : subject.listProperties(subject.getModel().getProperty(property)).toList()) {
            RDFNode o = s.getObject();
            if (o.isLiteral() && o.asLiteral().getLanguage().startsWith("en")) {
                String text = o.asLiteral().getString();
                if (best == null || text.compareTo(best) < 0) {
                    best = text;
                }
            }
        }
        return best;
    }

    private static Map<String, List<String>> readTemplates(Path file) {
        Map<String, List<String>> templates = new TreeMap<>();
        try {
            int number = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                if (columns.length != 2 || columns[1].isBlank()) {
                    throw new IllegalArgumentException(file + " line " + number + ": expected \"kind<TAB>template\"");
                }
                templates.computeIfAbsent(columns[0].strip(), k -> new ArrayList<>()).add(columns[1].strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        for (String needed : List.of("neutral", "quote")) {
            if (!templates.containsKey(needed)) {
                throw new IllegalArgumentException(file + ": no \"" + needed + "\" template");
            }
        }
        return templates;
    }

    /** What {@link #write} wrote. */
    public record Written(int articles, int files, long textBytes) {}

    /** Writes {@code count} articles into {@code directory} (created if missing) as JSON Lines files. */
    public Written write(int count, Path directory) {
        ObjectMapper json = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        SplittableRandom random = new SplittableRandom(seed);
        long textBytes = 0;
        int files = 0;
        try {
            Files.createDirectories(directory);
            for (int first = 0; first < count; first += ARTICLES_PER_FILE) {
                Path file = directory.resolve(String.format("articles-%05d.jsonl", first / ARTICLES_PER_FILE));
                try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    for (int i = first; i < Math.min(count, first + ARTICLES_PER_FILE); i++) {
                        Map<String, String> article = article(i, random);
                        textBytes += article.get("text").getBytes(StandardCharsets.UTF_8).length;
                        out.write(json.writeValueAsString(article));
                        out.write('\n');
                    }
                }
                files++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the benchmark corpus to " + directory, e);
        }
        return new Written(count, files, textBytes);
    }

    /** One article: id, title, date, outlet, author and text, in that order. */
    Map<String, String> article(int number, SplittableRandom random) {
        LocalDate date = FIRST_DAY.plusDays(random.nextInt(DAYS));
        String a = pick(actors, random);
        String t = other(a, random);
        int targetBytes = MIN_BYTES + random.nextInt(MAX_BYTES - MIN_BYTES + 1);
        StringBuilder text = new StringBuilder(targetBytes + 512);
        text.append(pick(BOILERPLATE, random)).append('\n');
        while (text.length() < targetBytes) {
            int shape = random.nextInt(10);
            if (shape < 6) {
                paragraph(text, date, random);
            } else if (shape < 8) {
                quotation(text, date, random);
            } else if (shape < 9) {
                list(text, date, random);
            } else {
                text.append(pick(BOILERPLATE, random)).append('\n');
            }
        }
        Map<String, String> article = new LinkedHashMap<>();
        article.put("id", String.format("bench-%07d", number));
        article.put("title", a + " and " + t + ": " + fill(pick(templates.get("neutral"), random), date, random)
                .replaceAll("[.]$", ""));
        article.put("date", date.toString());
        article.put("outlet", pick(OUTLETS, random));
        article.put("author", pick(AUTHORS, random));
        article.put("text", text.toString());
        return article;
    }

    private void paragraph(StringBuilder text, LocalDate date, SplittableRandom random) {
        int sentences = 2 + random.nextInt(4);
        for (int s = 0; s < sentences; s++) {
            String kind = random.nextInt(3) == 0 ? pick(stanceKinds, random) : "neutral";
            text.append(fill(pick(templates.get(kind), random), date, random)).append(s + 1 < sentences ? " " : "\n");
        }
    }

    private void quotation(StringBuilder text, LocalDate date, SplittableRandom random) {
        String quote = fill(pick(templates.get("quote"), random), date, random);
        String speaker = pick(people, random);
        if (random.nextBoolean()) {
            text.append('"').append(quote).append("\" ").append(speaker).append(" said.\n");
        } else {
            text.append(speaker).append(" told reporters: \"").append(quote).append("\"\n");
        }
    }

    private void list(StringBuilder text, LocalDate date, SplittableRandom random) {
        text.append("Reactions so far:\n");
        int items = 2 + random.nextInt(3);
        for (int i = 0; i < items; i++) {
            text.append("- ").append(fill(pick(templates.get(pick(stanceKinds, random)), random), date, random)).append('\n');
        }
    }

    private String fill(String template, LocalDate date, SplittableRandom random) {
        String a = pick(actors, random);
        String t = other(a, random);
        String u = other(t, random);
        StringBuilder out = new StringBuilder(template.length() + 64);
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '{' && i + 2 < template.length() && template.charAt(i + 2) == '}') {
                char slot = template.charAt(i + 1);
                switch (slot) {
                    case 'A' -> out.append(a);
                    case 'T' -> out.append(t);
                    case 'U' -> out.append(u);
                    case 'P' -> out.append(pick(people, random));
                    case 'O' -> out.append(pick(organisations, random));
                    case 'D' -> out.append(demonymOf.getOrDefault(a, a));
                    case 'N' -> out.append(10 + random.nextInt(990));
                    case 'W' -> out.append(WEEKDAYS[date.getDayOfWeek().getValue() - 1]);
                    case 'Q' -> out.append(fill(pick(templates.get("quote"), random), date, random));
                    default -> throw new IllegalArgumentException("unknown slot {" + slot + "} in template: " + template);
                }
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private String other(String actor, SplittableRandom random) {
        String other = pick(actors, random);
        return other.equals(actor) ? actors.get((actors.indexOf(actor) + 1) % actors.size()) : other;
    }

    private static <T> T pick(List<T> items, SplittableRandom random) {
        return items.get(random.nextInt(items.size()));
    }

    private static String pick(String[] items, SplittableRandom random) {
        return items[random.nextInt(items.length)];
    }
}
