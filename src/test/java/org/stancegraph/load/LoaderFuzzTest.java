package org.stancegraph.load;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancegraph.SyntheticCorpus;
import org.stancegraph.knowledge.Ontology;
import org.stancegraph.store.Store;
import org.stancegraph.store.Validation;

/**
 * Random hostile files through the whole loader (source readers, article cleaning, extraction,
 * store): random bytes, random HTML, random JSON Lines and mangled prose. Every input must end
 * within a hang guard with the article stored or a reported problem; any exception fails the test
 * and prints the seed and the file, so a failure can be replayed.
 *
 * <p>Plain JUnit with a seeded {@link Random} rather than jqwik or Jazzer: no extra dependency, and
 * the generators aim at what the readers parse. Short form (CI): 300 inputs with a fixed seed.
 * Long form ({@code -Dstancegraph.longTests=true}): 5,000 inputs with a fresh seed.
 */
class LoaderFuzzTest {

    private static final boolean LONG = Boolean.getBoolean("stancegraph.longTests");
    private static final int INPUTS = LONG ? 5_000 : 300;
    /** A hang guard, not a speed test: inputs are at most a few hundred kilobytes. */
    private static final Duration GUARD = Duration.ofSeconds(10);
    /** A fresh store after this many inputs, so the long run's memory does not grow with its length. */
    private static final int STORE_TURNOVER = 200;

    private static final List<String> TAGS = List.of("html", "head", "body", "article", "main", "div", "p", "span", "b",
            "i", "table", "tr", "td", "ul", "li", "script", "style", "nav", "template", "svg", "math", "iframe", "title",
            "meta", "a", "br", "noscript", "select", "option", "textarea", "xmp", "plaintext", "frameset", "h1");
    private static final List<String> FRAGMENTS = List.of("<!--", "-->", "<![CDATA[", "]]>", "&amp;", "&#x0;", "&#xD800;",
            "&nosuch;", "<!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>", "&x;", "</", "<", ">", "\"", "'",
            "=", "\u0000", "\uFEFF", "\u202E", "\uD83D\uDE00", "\r", "\n", "\t", "Erdoğan", "Turkey", "condemned", ".");

    @TempDir
    Path dir;

    @Test
    void randomInputsEndInAnArticleOrAReportedProblem() throws IOException {
        long seed = LONG ? System.nanoTime() : 2024;
        Random random = new Random(seed);
        Extraction extraction = Extraction.standard();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        int articles = 0;
        int problems = 0;
        long start = System.nanoTime();
        Validation validation = Validation.standard();
        Store store = Store.inMemory();
        try {
            Loader loader = knowledgeLoaded(store, extraction);
            for (int i = 0; i < INPUTS; i++) {
                if (i > 0 && i % STORE_TURNOVER == 0) {
                    assertValid(validation, store, seed);
                    release(store);
                    store = Store.inMemory();
                    loader = knowledgeLoaded(store, extraction);
                }
                Loader current = loader;
                Path file = generate(random, i);
                try {
                    LoadReport report = assertTimeoutPreemptively(GUARD, () -> current.load(List.of(file), quiet, Loader.Progress.NONE),
                            () -> "seed " + seed + ", input " + file + " hangs");
                    articles += report.articles();
                    problems += report.problems().size();
                } catch (RuntimeException | Error e) {
                    throw new AssertionError("seed " + seed + ", input " + file + ": " + e, e);
                }
                Files.delete(file);
            }
            assertValid(validation, store, seed);
        } finally {
            release(store);
        }
        System.out.printf("LoaderFuzzTest: seed %d, %d inputs in %d ms: %d articles stored, %d problems reported%n",
                seed, INPUTS, (System.nanoTime() - start) / 1_000_000, articles, problems);
        assertTrue(articles > 0 && problems > 0, "the generators make both readable and unreadable inputs");
    }

    private static Loader knowledgeLoaded(Store store, Extraction extraction) {
        Loader loader = new Loader(store, extraction);
        loader.storeKnowledge(Ontology.load());
        return loader;
    }

    /** Whatever the loader accepted validates against the project's own shapes (issue 15 item 8). */
    private static void assertValid(Validation validation, Store store, long seed) {
        Validation.Report report = validation.validate(store);
        assertTrue(report.conforms(), () -> "seed " + seed + ": the loaded store violates ontology/shapes.ttl: "
                + report.violations().stream().limit(5).map(Validation.Violation::line).toList());
    }

    /** Frees an in-memory store entirely: TDB2 keeps even in-memory databases in a JVM-wide cache. */
    private static void release(Store store) {
        store.closeAndRelease();
    }

    private Path generate(Random random, int index) throws IOException {
        return switch (random.nextInt(4)) {
            case 0 -> Files.write(dir.resolve(index + pick(random, List.of(".txt", ".html", ".jsonl"))), randomBytes(random));
            case 1 -> Files.writeString(dir.resolve(index + ".html"), randomHtml(random), StandardCharsets.UTF_8);
            case 2 -> Files.write(dir.resolve(index + ".jsonl"), randomJsonLines(random));
            default -> Files.write(dir.resolve(index + ".txt"), mangledProse(random));
        };
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(4096) + 1];
        random.nextBytes(bytes);
        if (random.nextBoolean()) {           // mostly text with a few bad bytes, to pass the binary check
            for (int i = 0; i < bytes.length; i++) {
                if (random.nextInt(50) != 0) {
                    bytes[i] = (byte) (' ' + random.nextInt(95));
                }
            }
        }
        return bytes;
    }

    private static String randomHtml(Random random) {
        StringBuilder html = new StringBuilder();
        int depth = 0;
        int pieces = random.nextInt(2000);
        for (int i = 0; i < pieces; i++) {
            switch (random.nextInt(6)) {
                case 0 -> {
                    html.append('<').append(pick(random, TAGS));
                    if (random.nextBoolean()) {
                        html.append(" class=\"").append(pick(random, FRAGMENTS)).append("\" hidden");
                    }
                    html.append('>');
                    depth++;
                }
                case 1 -> {
                    if (depth > 0 && random.nextBoolean()) {
                        html.append("</").append(pick(random, TAGS)).append('>');
                        depth--;
                    }
                }
                case 2 -> html.append(pick(random, FRAGMENTS));
                case 3 -> html.append("<div>".repeat(random.nextInt(5000)));
                default -> html.append(SyntheticCorpus.sentence(random, i, i)).append(' ');
            }
        }
        return html.toString();
    }

    private static byte[] randomJsonLines(Random random) {
        StringBuilder lines = new StringBuilder();
        int count = random.nextInt(20) + 1;
        for (int i = 0; i < count; i++) {
            String text = SyntheticCorpus.sentence(random, i, i);
            lines.append(switch (random.nextInt(9)) {
                case 0 -> "{\"id\":\"a" + i + "\",\"text\":\"" + text + "\",\"date\":\"" + pick(random, List.of("2020-10-01", "yesterday", "", "9999-99-99")) + "\"}";
                case 1 -> "{\"text\":" + "[".repeat(random.nextInt(3000)) + "]".repeat(random.nextInt(3000)) + "}";
                case 2 -> "{\"text\":\"\\uD800 lone surrogate " + text + "\"}";
                case 3 -> "{\"text\":{\"nested\":\"" + text + "\"}}";
                case 4 -> "[\"" + text + "\"]";
                case 5 -> "{\"text\":\"" + text + "\",\"title\":" + "9".repeat(random.nextInt(5000) + 1) + "}";
                case 6 -> "{\"text\":\"" + text + "\"} trailing";
                case 7 -> "{\"id\":\"same\",\"text\":\"" + text + "\\n\\u0000\\t" + pick(random, FRAGMENTS) + "\"}";
                default -> "{\"text\":\"" + text + "\"";
            }).append(random.nextBoolean() ? "\n" : "\r\n");
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] mangledProse(Random random) {
        StringBuilder text = new StringBuilder();
        int sentences = random.nextInt(40) + 1;
        for (int i = 0; i < sentences; i++) {
            String sentence = SyntheticCorpus.sentence(random, i, i);
            if (random.nextInt(3) == 0) {
                int at = random.nextInt(sentence.length());
                sentence = sentence.substring(0, at) + pick(random, FRAGMENTS) + sentence.substring(at);
            }
            text.append(sentence).append(random.nextInt(5) == 0 ? "\n\n" : " ");
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(5) == 0) {
            bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80));   // a broken UTF-8 sequence
        }
        return bytes;
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
