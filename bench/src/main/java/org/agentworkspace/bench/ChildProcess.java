package org.agentworkspace.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A JVM started by the benchmark: its output goes to a log file and can be waited on line by
 * line; its peak resident set comes from {@code /proc/<pid>/status}.
 */
final class ChildProcess implements AutoCloseable {
    private final Process process;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private ChildProcess(Process process, Path log) throws IOException {
        this.process = process;
        PrintWriter writer = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true);
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    writer.println(line);
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            } finally {
                writer.close();
            }
        }, "pump-" + log.getFileName());
        pump.setDaemon(true);
        pump.start();
    }

    static ChildProcess start(List<String> command, Map<String, String> env, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        return new ChildProcess(builder.start(), log);
    }

    long pid() {
        return process.pid();
    }

    /** The first output line matching {@code test}; fails when the process dies or time runs out. */
    String await(Predicate<String> test, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && test.test(line)) {
                return line;
            }
            if (line == null && !process.isAlive()) {
                throw new IllegalStateException("Child process exited with " + process.exitValue());
            }
        }
        throw new IllegalStateException("Timed out waiting for the child process");
    }

    /** A field of {@code /proc/<pid>/status} in kB (VmHWM: peak resident set; VmRSS: now). */
    long statusKb(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
            }
        }
        return -1;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
