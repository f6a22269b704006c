package org.agentworkspace.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A process started by the benchmark with its output (stdout and stderr) written straight to a
 * log file by the operating system, as a deployment would run it: no line of it passes through
 * the benchmark's JVM. {@link #await} reads the file, which only the start-up waits do.
 */
final class ChildProcess implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final long startedNanos;
    private long readOffset;

    private ChildProcess(Process process, Path log, long startedNanos) {
        this.process = process;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    static ChildProcess start(List<String> command, Map<String, String> env, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        long started = System.nanoTime();
        long offset = log.toFile().length();
        ChildProcess child = new ChildProcess(builder.start(), log, started);
        child.readOffset = offset;
        return child;
    }

    long pid() {
        return process.pid();
    }

    /** {@link System#nanoTime()} right before the process was started. */
    long startedNanos() {
        return startedNanos;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The first new line of the log matching {@code test}; fails when the process dies or time runs out. */
    String await(Predicate<String> test, Duration timeout) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        StringBuilder partial = new StringBuilder();
        while (System.nanoTime() < deadline) {
            boolean alive = process.isAlive();
            try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
                if (file.length() > readOffset) {
                    file.seek(readOffset);
                    byte[] chunk = new byte[(int) Math.min(1 << 20, file.length() - readOffset)];
                    file.readFully(chunk);
                    readOffset += chunk.length;
                    partial.append(new String(chunk, StandardCharsets.UTF_8));
                    int newline;
                    while ((newline = partial.indexOf("\n")) >= 0) {
                        String line = partial.substring(0, newline);
                        partial.delete(0, newline + 1);
                        if (test.test(line)) {
                            return line;
                        }
                    }
                    continue;
                }
            }
            if (!alive) {
                throw new IllegalStateException("Child process exited with " + process.exitValue() + "; see " + log);
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("Timed out waiting for the child process; see " + log);
    }

    /** SIGTERM, then waits for the exit (SIGKILL after 60 s); answers the exit code. */
    int stop() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            return process.isAlive() ? -1 : process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return -1;
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }
}
