package org.stancegraph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The stancegraph command in a child JVM with the test class path, so that tests can kill it
 * with SIGKILL ({@link Process#destroyForcibly()}) as a crash or {@code kill -9} would.
 * Its standard output and error go to files, which tests read to follow its progress.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ChildJvm(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts {@code stancegraph ARGS} in the project root, with {@code environment} added to this JVM's. */
    public static ChildJvm start(Path logDirectory, String name, Map<String, String> environment, String... args)
            throws IOException {
        return startIn(Path.of(System.getProperty("user.dir")), logDirectory, name, environment, args);
    }

    /**
     * Starts {@code stancegraph ARGS} in {@code workingDirectory}, which receives what the command
     * writes relative to it (run/...); the project's data files are found through STANCEGRAPH_HOME.
     */
    public static ChildJvm startIn(Path workingDirectory, Path logDirectory, String name, Map<String, String> environment,
                                   String... args) throws IOException {
        return startMainIn(workingDirectory, logDirectory, name, environment, "org.stancegraph.cli.Main", args);
    }

    /** Starts the {@code main} of {@code mainClass} (main or test code) in the project root, as {@link #start} does. */
    public static ChildJvm startMain(Path logDirectory, String name, Map<String, String> environment, String mainClass,
                                     String... args) throws IOException {
        return startMainIn(Path.of(System.getProperty("user.dir")), logDirectory, name, environment, mainClass, args);
    }

    private static final String STAX_FACTORY = "javax.xml.stream.XMLInputFactory";

    private static ChildJvm startMainIn(Path workingDirectory, Path logDirectory, String name, Map<String, String> environment,
                                        String mainClass, String... args) throws IOException {
        Files.createDirectories(logDirectory);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC"));
        // The test class path holds Spark's Hadoop jars, whose StAX parser Jena cannot configure; the pom
        // gives the tests the JDK's parser, and the child gets the same.
        String staxFactory = System.getProperty(STAX_FACTORY);
        if (staxFactory != null) {
            command.add("-D" + STAX_FACTORY + "=" + staxFactory);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        Path out = logDirectory.resolve(name + ".out");
        Path err = logDirectory.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().put("STANCEGRAPH_HOME", System.getProperty("user.dir"));
        builder.environment().putAll(environment);
        return new ChildJvm(builder.start(), out, err);
    }

    /** Waits until the child's standard output or error satisfies {@code ready}; false if it exits or time runs out first. */
    public boolean awaitOutput(Predicate<String> ready, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ready.test(output())) {
                return true;
            }
            if (!process.isAlive()) {
                return ready.test(output());
            }
            Thread.sleep(10);
        }
        return false;
    }

    /** Everything the child wrote so far, standard output then standard error. */
    public String output() {
        try {
            return Files.readString(stdout, StandardCharsets.UTF_8) + Files.readString(stderr, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hooks, no flushing, no closing of the database. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** The exit code, waiting at most {@code timeout}; the child is killed and -1 returned if it is still running then. */
    public int waitFor(Duration timeout) throws InterruptedException {
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return process.exitValue();
        }
        kill();
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
