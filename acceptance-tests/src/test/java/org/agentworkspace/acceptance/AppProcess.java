package org.agentworkspace.acceptance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.agentworkspace.testing.ServerOutput;

/**
 * {@code java -jar agentworkspace.jar serve} as a child process on a free port, with its output in a
 * log file under {@code target/acceptance}. {@link #kill()} is {@code kill -9}: no shutdown hook runs.
 */
final class AppProcess implements AutoCloseable {
    private final Process process;
    private final URI baseUri;

    private AppProcess(Process process, URI baseUri) {
        this.process = process;
        this.baseUri = baseUri;
    }

    /** Starts the jar and waits until it says where it serves; fails with the log when it exits first. */
    static AppProcess start(String name, Map<String, String> env) {
        return start(name, env, true);
    }

    /** As {@link #start}, but with the rate limits the operator gets by default (unless set in {@code env}). */
    static AppProcess startWithDefaultRateLimits(String name, Map<String, String> env) {
        return start(name, env, false);
    }

    private static AppProcess start(String name, Map<String, String> env, boolean raiseRateLimits) {
        Path log = Knobs.workDir().resolve(name + "-" + System.nanoTime() + ".log");
        try {
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx384m", "-XX:+UseSerialGC",
                    "-jar", Knobs.jar().toString(), "serve"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            Map<String, String> environment = builder.environment();
            environment.keySet().removeIf(k -> k.startsWith("CLERK_") || k.startsWith("DATABASE_") || k.equals("PORT")
                    || (!raiseRateLimits && k.startsWith("AW_RATE_LIMIT_")));
            Map<String, String> all = new HashMap<>(env);
            all.putIfAbsent("PORT", "0");
            all.putIfAbsent("HOST", "127.0.0.1");
            // This suite proves isolation and durability under floods of requests and refused
            // credentials from one address; throttling has its own tests (RateLimitTest). Limits
            // set in the environment still win.
            for (String limit : List.of("AW_RATE_LIMIT_KEY_PER_MINUTE", "AW_RATE_LIMIT_FEED_PER_MINUTE",
                    "AW_RATE_LIMIT_USER_PER_MINUTE", "AW_RATE_LIMIT_AUTH_FAILURES_PER_MINUTE")) {
                if (raiseRateLimits && System.getenv(limit) == null) {
                    all.putIfAbsent(limit, "1000000");
                }
            }
            environment.putAll(all);
            Process process = builder.start();
            CompletableFuture<URI> serving = ServerOutput.follow(process, log, "log-" + name);
            URI uri;
            try {
                uri = serving.get(120, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
                throw new IllegalStateException("The jar did not start; see " + log + ":\n" + tail(log), e);
            }
            return new AppProcess(process, uri);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    URI baseUri() {
        return baseUri;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** {@code kill -9}: the JVM dies mid-request, without a shutdown hook. */
    void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** SIGTERM: the shutdown hook drains requests and stops the embedded database. */
    void stop() {
        process.destroy();
        waitForExit();
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }
}
