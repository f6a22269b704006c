package org.agentworkspace.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A started jar's output, copied to a log file as it comes (flushed per line, so the log shows what
 * a killed process wrote until then) and watched for the line that names the address it serves on.
 */
public final class ServerOutput {
    private static final Pattern SERVING = Pattern.compile("AgentWorkspace is serving on (http://\\S+)");

    private ServerOutput() {
    }

    /**
     * Follows {@code process}'s output on a daemon thread named {@code threadName}; the future
     * completes with the serving address, or exceptionally once the output ends without one.
     */
    public static CompletableFuture<URI> follow(Process process, Path log, String threadName) {
        CompletableFuture<URI> serving = new CompletableFuture<>();
        Thread pump = new Thread(() -> copy(process, log, serving), threadName);
        pump.setDaemon(true);
        pump.start();
        return serving;
    }

    private static void copy(Process process, Path log, CompletableFuture<URI> serving) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line);
                out.newLine();
                out.flush();
                Matcher m = SERVING.matcher(line);
                if (m.find()) {
                    serving.complete(URI.create(m.group(1)));
                }
            }
        } catch (IOException e) {
            // The process is gone (killed, perhaps on purpose); its log holds what it wrote.
        }
        serving.completeExceptionally(new IllegalStateException("the process exited before serving; see " + log));
    }
}
