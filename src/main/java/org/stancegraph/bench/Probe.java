package org.stancegraph.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Watches the memory of the JVM it runs in: the peak heap in use, sampled every 20 ms (the
 * JMX pool peaks would add up peaks of different moments), and the peak resident set size
 * the kernel recorded ({@code VmHWM} in {@code /proc/self/status}).
 */
final class Probe implements AutoCloseable {

    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long peakHeap;

    Probe() {
        sampler = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "stancegraph-memory-probe");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        if (used > peakHeap) {
            peakHeap = used;
        }
    }

    long peakHeapBytes() {
        sample();
        return peakHeap;
    }

    /** Peak resident set size in bytes, or -1 where /proc is not available. */
    static long peakRssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
