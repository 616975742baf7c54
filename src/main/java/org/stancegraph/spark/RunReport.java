package org.stancegraph.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What a run of the {@link ExtractionJob} did: files and articles read, what was skipped and why (in the words of
 * {@code load}), what was cut at the extraction limits, article ids met more than once (of which {@code load} and
 * {@code build-store} keep the last), and each task's throughput.
 */
record RunReport(List<String> inputs, String output, int files, int partitions, long articles, long statements, long quads,
                 List<Extracted.Problem> skipped, List<Extracted.Problem> limited, List<String> duplicateIds,
                 List<Task> tasks, double seconds) {

    /** One task's numbers. */
    record Task(int partition, String executor, int files, long articles, long statements, long quads, double seconds,
                double articlesPerSecond) {}

    static RunReport of(ExtractionJob.Arguments arguments, int files, int partitions, List<Extracted.Problem> listing,
                        List<Extracted> emitted, List<String> duplicateIds, long nanos) {
        List<Extracted.Problem> skipped = new ArrayList<>(listing);
        List<Extracted.Problem> limited = new ArrayList<>();
        List<Task> tasks = new ArrayList<>();
        long articles = 0;
        long statements = 0;
        long quads = 0;
        for (Extracted e : emitted) {
            if (e instanceof Extracted.Problem p) {
                (p.kind().equals("limited") ? limited : skipped).add(p);
            } else if (e instanceof Extracted.TaskStats t) {
                double seconds = t.nanos() / 1e9;
                tasks.add(new Task(t.partition(), t.executor(), t.files(), t.articles(), t.statements(), t.quads(), seconds,
                        seconds > 0 ? t.articles() / seconds : 0));
                articles += t.articles();
                statements += t.statements();
                quads += t.quads();
            }
        }
        tasks.sort(Comparator.comparingInt(Task::partition));
        return new RunReport(arguments.inputs(), arguments.output(), files, partitions, articles, statements, quads,
                skipped, limited, duplicateIds, tasks, nanos / 1e9);
    }

    /** One line for the console. */
    String summary() {
        return String.format("extracted %d articles from %d files in %d tasks: %d statements, %d quads; %d inputs skipped, "
                        + "%d articles cut at the extraction limits, %d ids met more than once; %.1f s",
                articles, files, partitions, statements, quads, skipped.size(), limited.size(), duplicateIds.size(), seconds)
                + skipped.stream().map(p -> "\nskipped: " + p.file() + (p.line() > 0 ? ":" + p.line() : "") + ": " + p.message())
                        .reduce("", String::concat);
    }

    String json() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("inputs", inputs);
        fields.put("output", output);
        fields.put("files", files);
        fields.put("partitions", partitions);
        fields.put("articles", articles);
        fields.put("statements", statements);
        fields.put("quads", quads);
        fields.put("seconds", seconds);
        fields.put("skipped", skipped);
        fields.put("limited", limited);
        fields.put("duplicateIds", duplicateIds);
        fields.put("tasks", tasks);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(fields) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the run report", e);
        }
    }
}
