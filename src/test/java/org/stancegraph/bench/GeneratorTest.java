package org.stancegraph.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancegraph.knowledge.ProjectHome;

class GeneratorTest {

    @TempDir
    Path dir;

    private static Generator generator(long seed) {
        return Generator.of(ProjectHome.existing("data/actors"), ProjectHome.existing("data/bench/phrasings.tsv"), seed);
    }

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedOtherArticles() throws IOException {
        generator(1).write(20, dir.resolve("a"));
        generator(1).write(20, dir.resolve("b"));
        generator(2).write(20, dir.resolve("c"));
        byte[] a = Files.readAllBytes(dir.resolve("a/articles-00000.jsonl"));
        assertArrayEquals(a, Files.readAllBytes(dir.resolve("b/articles-00000.jsonl")));
        assertFalse(java.util.Arrays.equals(a, Files.readAllBytes(dir.resolve("c/articles-00000.jsonl"))));
    }

    @Test
    void articlesAreNewsSizedDatedAndSplitIntoFilesOfAThousand() throws IOException {
        Generator.Written written = generator(3).write(1001, dir.resolve("corpus"));
        assertEquals(2, written.files());
        List<String> first = Files.readAllLines(dir.resolve("corpus/articles-00000.jsonl"));
        assertEquals(1000, first.size());
        assertEquals(1, Files.readAllLines(dir.resolve("corpus/articles-00001.jsonl")).size());
        ObjectMapper json = new ObjectMapper();
        java.util.Set<String> years = new java.util.TreeSet<>();
        for (String line : first.subList(0, 200)) {
            JsonNode article = json.readTree(line);
            int length = article.get("text").asText().length();
            assertTrue(length >= 2048 && length < 8192 + 1024, "length " + length);
            years.add(article.get("date").asText().substring(0, 4));
            assertTrue(article.get("id").asText().startsWith("bench-"));
        }
        assertTrue(years.size() >= 5, "dates over several years: " + years);
        String text = first.get(0) + first.get(1) + first.get(2) + first.get(3);
        assertTrue(text.contains("\\\"") && text.contains("\\n- "), "quotations and lists");
    }
}
