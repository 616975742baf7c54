package org.stancegraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancegraph.ChildJvm;
import org.stancegraph.StoreOnDisk;
import org.stancegraph.SyntheticCorpus;
import org.stancegraph.cli.Main;

/**
 * Crash safety of the server: a real {@code stancegraph serve} with a password, in a child JVM,
 * receives a stream of authenticated SPARQL updates and is killed with SIGKILL in the middle of
 * them. Each update writes one graph of {@link #TRIPLES_PER_UPDATE} triples; afterwards each such
 * graph must hold all of them or be absent, and every update the server acknowledged must be there.
 * Sending the updates not yet stored to a new server completes the store.
 *
 * <p>Short form (CI): 3 kills. Long form ({@code -Dstancegraph.longTests=true}): 10 kills.
 */
class ServerKillTest {

    private static final boolean LONG = Boolean.getBoolean("stancegraph.longTests");
    private static final int KILLS = LONG ? 10 : 3;
    private static final int TRIPLES_PER_UPDATE = 400;
    /** The whole work: more updates than the kills let through. */
    private static final int UPDATES = KILLS * 40 + 20;
    /** Each round is killed after at most this many acknowledged updates, so the kills cannot reach {@link #UPDATES}. */
    private static final int UPDATES_BEFORE_KILL = 30;
    private static final String USER = "writer";
    private static final String PASSWORD = "kill-test-password";
    private static final Pattern SPARQL_LINE = Pattern.compile("SPARQL\\s+(http://\\S+/)sparql");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path work;

    @Test
    void serverKilledDuringAuthenticatedUpdatesKeepsEachUpdateWholeOrAbsent() throws Exception {
        Path db = Files.createDirectories(work.resolve("db"));
        Set<Integer> acknowledged = new ConcurrentSkipListSet<>();
        Random random = new Random(LONG ? System.nanoTime() : 11);
        List<Integer> storedAfterEachKill = new ArrayList<>();
        for (int kill = 0; kill < KILLS; kill++) {
            int first = firstMissing(storedUpdates(db));
            try (ChildJvm server = startServer(db, "serve-" + kill)) {
                URI dataset = datasetUrl(server);
                Thread sender = new Thread(() -> sendUpdates(dataset, first, UPDATES, acknowledged));
                sender.start();
                // Killed as soon as a random number of this round's updates is acknowledged, with the
                // next update on its way: a count, not a clock, so the kills leave work to do on any machine.
                int killAfter = first + random.nextInt(UPDATES_BEFORE_KILL);
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (acknowledged.stream().noneMatch(i -> i >= killAfter) && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                assertTrue(acknowledged.stream().anyMatch(i -> i >= killAfter),
                        "the server acknowledged no update numbered " + killAfter + " or more: " + server.output());
                server.kill();
                sender.join(30_000);
                assertFalse(sender.isAlive(), "the sender stops once the server is gone");
            }
            Map<Integer, Long> stored = storedUpdates(db);
            stored.forEach((update, triples) -> assertEquals(TRIPLES_PER_UPDATE, triples, "update " + update + " is partial"));
            for (int update : acknowledged) {
                assertTrue(stored.containsKey(update), "acknowledged update " + update + " was lost");
            }
            storedAfterEachKill.add(stored.size());
        }
        System.out.printf("ServerKillTest: %d kills; updates stored after each kill: %s%n", KILLS, storedAfterEachKill);

        assertTrue(storedAfterEachKill.get(KILLS - 1) < UPDATES, "the kills left work to do: " + storedAfterEachKill);

        // Sending the rest to a new server completes the store.
        int first = firstMissing(storedUpdates(db));
        try (ChildJvm server = startServer(db, "serve-final")) {
            assertEquals(UPDATES - first, sendUpdates(datasetUrl(server), first, UPDATES, acknowledged), server::output);
            server.kill();
        }
        Map<Integer, Long> complete = storedUpdates(db);
        assertEquals(UPDATES, complete.size());
        for (int update = 0; update < UPDATES; update++) {
            assertEquals(TRIPLES_PER_UPDATE, complete.getOrDefault(update, 0L), "update " + update + " after sending again");
        }
    }

    @Test
    void loadRefusesWithAClearMessageWhileAServerHoldsTheDatabase() throws Exception {
        Path db = Files.createDirectories(work.resolve("db"));
        Path corpus = SyntheticCorpus.write(work.resolve("corpus"), 1, 3);
        try (ChildJvm server = startServer(db, "serve-held")) {
            datasetUrl(server);
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            PrintStream standardError = System.err;
            int code;
            System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
            try {
                code = Main.run("load", "--quiet", "--db", db.toString(), corpus.toString());
            } finally {
                System.setErr(standardError);
            }
            String message = errors.toString(StandardCharsets.UTF_8);
            assertEquals(4, code, message);
            assertTrue(message.startsWith("load: database " + db.toAbsolutePath().normalize() + " is in use by another process"), message);
            assertTrue(message.contains("stop that process first"), message);
            assertEquals(1, message.lines().count(), "one line, no stack trace: " + message);
            server.kill();
        }
        assertEquals(0L, (long) StoreOnDisk.read(db, dataset -> (long) dataset.size()), "nothing was written");
    }

    /** Updates are sent in order, so the first one not stored is one past the last one stored. */
    private static int firstMissing(Map<Integer, Long> stored) {
        return stored.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
    }

    private static ChildJvm startServer(Path db, String name) throws Exception {
        return ChildJvm.start(db.resolveSibling("logs"), name, Map.of("STANCEGRAPH_PASSWORD", USER + ":" + PASSWORD),
                "serve", "--port", "0", "--db", db.toString());
    }

    private static URI datasetUrl(ChildJvm server) throws Exception {
        assertTrue(server.awaitOutput(out -> SPARQL_LINE.matcher(out).find(), Duration.ofMinutes(2)),
                "the server did not start: " + server.output());
        Matcher matcher = SPARQL_LINE.matcher(server.output());
        assertTrue(matcher.find());
        return URI.create(matcher.group(1));
    }

    /** Sends updates {@code from} until {@code to} (exclusive) or the first failure; returns how many were acknowledged. */
    private int sendUpdates(URI dataset, int from, int to, Set<Integer> acknowledged) {
        String authorization = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        int count = 0;
        for (int update = from; update < to; update++) {
            HttpRequest request = HttpRequest.newBuilder(dataset.resolve("update"))
                    .header("Content-Type", "application/sparql-update")
                    .header("Authorization", authorization)
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(insert(update))).build();
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 != 2) {
                    return count;
                }
            } catch (Exception e) {
                return count;      // the server is gone
            }
            acknowledged.add(update);
            count++;
        }
        return count;
    }

    private static String insert(int update) {
        StringBuilder body = new StringBuilder("INSERT DATA { GRAPH <urn:kill:" + update + "> {\n");
        for (int i = 0; i < TRIPLES_PER_UPDATE; i++) {
            body.append("<urn:kill:").append(update).append("/s").append(i).append("> <urn:kill:p> ").append(i).append(" .\n");
        }
        return body.append("} }").toString();
    }

    /** Update number → triples stored in its graph. */
    private static Map<Integer, Long> storedUpdates(Path db) {
        return StoreOnDisk.read(db, dataset -> {
            Map<Integer, Long> stored = new HashMap<>();
            List<Node> names = new ArrayList<>();
            dataset.listGraphNodes().forEachRemaining(names::add);
            for (Node name : names) {
                String iri = name.getURI();
                assertTrue(iri.startsWith("urn:kill:"), "unexpected graph " + iri);
                stored.put(Integer.parseInt(iri.substring("urn:kill:".length())), (long) dataset.getGraph(name).size());
            }
            return stored;
        });
    }
}
