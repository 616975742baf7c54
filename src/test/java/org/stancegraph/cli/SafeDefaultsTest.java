package org.stancegraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancegraph.server.Network;
import org.stancegraph.server.ServerOptions;
import org.stancegraph.server.SparqlServer;
import org.stancegraph.store.Store;
import picocli.CommandLine;

/**
 * Safe defaults: loopback only, no default password, no write endpoints without credentials,
 * and a warning when listening on a public interface.
 */
class SafeDefaultsTest {

    @TempDir
    Path work;

    @Test
    void serveListensOnLoopbackWithoutCredentialsByDefault() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs();
        assertEquals("127.0.0.1", serve.host);
        assertEquals(ServerOptions.DEFAULT_HOST, ServerOptions.defaults().host());
        assertTrue(ServerOptions.defaults().credentials().isEmpty(), "no default credentials");
        assertEquals(Optional.empty(), ServeCommand.credentials(null, null, null), "no password, no writer");
        assertEquals(Optional.empty(), ServeCommand.credentials(null, "", null), "an empty variable is no password");
        assertThrows(IllegalArgumentException.class, () -> ServeCommand.credentials(null, "admin:", null), "empty password refused");
        assertThrows(IllegalArgumentException.class, () -> ServeCommand.credentials(null, null, "admin"), "a user without a password is refused");
    }

    @Test
    void aDefaultServerIsUnreachableFromTheNetworkAndHasNoWriteEndpoints() throws Exception {
        try (Store store = Store.inMemory();
             SparqlServer.Running server = SparqlServer.start(store, ServerOptions.defaults().withPort(0).withFusekiBase(work.resolve("fuseki")))) {
            assertFalse(server.writable());
            HttpClient http = HttpClient.newHttpClient();
            for (String endpoint : new String[] {"update", "data?default"}) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.datasetUrl().resolve(endpoint))
                        .header("Content-Type", "application/sparql-update").POST(HttpRequest.BodyPublishers.ofString("DROP ALL")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertTrue(response.statusCode() == 404 || response.statusCode() == 405, endpoint + ": " + response.statusCode());
            }
            Optional<InetAddress> outside = Network.nonLoopbackAddress();
            Assumptions.assumeTrue(outside.isPresent(), "this machine has no non-loopback IPv4 address to connect from");
            try (Socket socket = new Socket()) {
                assertThrows(ConnectException.class, () -> socket.connect(new InetSocketAddress(outside.get(), server.port()), 5000));
            }
        }
    }

    @Test
    void servingOnAPublicInterfaceWarns() {
        String warning = standardErrorOf(() -> {
            try (Store store = Store.inMemory();
                 SparqlServer.Running server = SparqlServer.start(store, ServerOptions.defaults().withHost("0.0.0.0").withPort(0)
                         .withFusekiBase(work.resolve("fuseki")).withCredentials(new ServerOptions.Credentials("editor", "pw")))) {
                return server.port();
            }
        });
        assertTrue(warning.contains("WARNING: listening on 0.0.0.0, which is not a loopback address"), warning);
        assertTrue(warning.contains("Passwords travel in clear text"), warning);
        String quiet = standardErrorOf(() -> {
            try (Store store = Store.inMemory();
                 SparqlServer.Running server = SparqlServer.start(store, ServerOptions.defaults().withPort(0).withFusekiBase(work.resolve("fuseki")))) {
                return server.port();
            }
        });
        assertFalse(quiet.contains("WARNING"), quiet);
    }

    private static String standardErrorOf(Supplier<Integer> action) {
        PrintStream standardError = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.get();
        } finally {
            System.setErr(standardError);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
