package org.agentworkspace.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.agentworkspace.testing.ServerOutput;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as the README starts it ({@code java -jar agentworkspace.jar serve}): the server
 * runs in a child JVM with {@link ServerJvm#FLAGS}, seen from outside (the child's command line and
 * its own {@code /metrics}); a stop of the launcher stops the server and the embedded database
 * cleanly; the first clean stop leaves a class archive that later starts map; the operator's JVM
 * options keep the server in the JVM they started. The tests share one data directory, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServerJvmIT {
    /** Generous bounds so a loaded machine cannot hang the build; nothing here asserts a duration. */
    private static final long START_SECONDS = 180;
    private static final long STOP_SECONDS = 120;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dataDir;

    @Test
    @Order(1)
    void theFirstCleanStopWritesAClassArchive() throws Exception {
        Launched launched = start(List.of());
        ProcessHandle server = onlyJavaChild(launched.process());
        assertThat(server.info().arguments().orElseThrow()).anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit="))
                .noneMatch(a -> a.startsWith("-XX:SharedArchiveFile="));

        launched.process().destroy();

        assertThat(launched.process().waitFor(STOP_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(archives()).hasSize(1);
        try (var files = Files.list(dataDir.resolve("jvm"))) {
            assertThat(files).as("no archive left half-written").allMatch(f -> f.toString().endsWith(".jsa"));
        }
    }

    @Test
    @Order(2)
    void serveRunsInAChildJvmWithTheServerFlagsAndStopsWithItsLauncher() throws Exception {
        Launched launched = start(List.of());
        ProcessHandle server = onlyJavaChild(launched.process());

        assertThat(server.info().arguments().orElseThrow()).contains("-XX:SharedArchiveFile=" + archives().get(0))
                .containsSubsequence(ServerJvm.FLAGS)
                .contains("-Dagentworkspace.server-jvm=" + launched.process().pid()).endsWith("serve");
        String metrics = get(launched.baseUri().resolve("/metrics"));
        // The serial collector's pools, and a heap bounded by -Xmx128m, as the server JVM reports them.
        assertThat(metrics).contains("jvm_memory_max_bytes{area=\"heap\",id=\"Tenured Gen\"}");
        assertThat(heapMaxBytes(metrics)).isPositive().isLessThanOrEqualTo(128L * 1024 * 1024);
        long postgres = postmasterPid();
        assertThat(ProcessHandle.of(postgres)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

        launched.process().destroy();

        assertThat(launched.process().waitFor(STOP_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(launched.process().exitValue()).isEqualTo(143);
        assertThat(server.isAlive()).isFalse();
        assertStoppedCleanly(postgres);
    }

    @Test
    @Order(3)
    void theServerStopsItselfWhenItsLauncherIsKilled() throws Exception {
        Launched launched = start(List.of());
        ProcessHandle server = onlyJavaChild(launched.process());
        long postgres = postmasterPid();

        launched.process().destroyForcibly();

        server.onExit().get(STOP_SECONDS, TimeUnit.SECONDS);
        assertStoppedCleanly(postgres);
    }

    @Test
    @Order(4)
    void theOperatorsJvmOptionsKeepTheServerInTheirJvm() throws Exception {
        Launched launched = start(List.of("-XX:+UseParallelGC", "-Xmx200m"));
        try {
            assertThat(launched.process().children().filter(ServerJvmIT::isJava)).isEmpty();
            String metrics = get(launched.baseUri().resolve("/metrics"));
            assertThat(metrics).contains("id=\"PS Old Gen\"").doesNotContain("Tenured Gen");
        } finally {
            launched.process().destroy();
            assertThat(launched.process().waitFor(STOP_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(launched.process().exitValue()).isEqualTo(143);
    }

    @Test
    @Order(5)
    void theLauncherExitsWithTheServersStatus() throws Exception {
        ProcessBuilder builder = command(List.of()).redirectErrorStream(true);
        builder.environment().put("PORT", "not-a-port");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("Configuration error").contains("PORT");
    }

    private record Launched(Process process, URI baseUri) {
    }

    private static Launched start(List<String> jvmOptions) throws Exception {
        Process process = command(jvmOptions).redirectErrorStream(true).start();
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-" + System.nanoTime() + ".log");
        CompletableFuture<URI> serving = ServerOutput.follow(process, log, "log-server-jvm");
        try {
            return new Launched(process, serving.get(START_SECONDS, TimeUnit.SECONDS));
        } catch (Exception e) {
            process.destroyForcibly();
            throw new AssertionError("The jar did not start: " + Files.readString(log), e);
        }
    }

    /** {@code java [options] -jar target/agentworkspace.jar serve} with none of the JVM options variables of this build. */
    private static ProcessBuilder command(List<String> jvmOptions) {
        Path jar = Path.of("target", "agentworkspace.jar").toAbsolutePath();
        assertThat(jar).as("the shaded jar (mvn package)").isRegularFile();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "serve"));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> ServerJvm.OPERATOR_OPTION_VARIABLES.contains(k) || k.startsWith("CLERK_")
                || k.startsWith("DATABASE_") || k.startsWith("AW_"));
        env.putAll(Map.of("PORT", "0", "HOST", "127.0.0.1", "AW_DATA_DIR", dataDir.toString()));
        return builder;
    }

    private static ProcessHandle onlyJavaChild(Process launcher) {
        List<ProcessHandle> children = launcher.children().filter(ServerJvmIT::isJava).toList();
        assertThat(children).hasSize(1);
        return children.get(0);
    }

    private static boolean isJava(ProcessHandle process) {
        return process.info().command().map(c -> c.endsWith("/java")).orElse(false);
    }

    private static String get(URI uri) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + uri).isEqualTo(200);
        return response.body();
    }

    /** The sum of {@code jvm_memory_max_bytes} over the heap's pools. */
    private static long heapMaxBytes(String metrics) {
        Matcher m = Pattern.compile("(?m)^jvm_memory_max_bytes\\{area=\"heap\",[^}]*} (\\S+)$").matcher(metrics);
        long sum = 0;
        while (m.find()) {
            sum += (long) Double.parseDouble(m.group(1));
        }
        return sum;
    }

    private static List<Path> archives() throws IOException {
        try (var files = Files.list(dataDir.resolve("jvm"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsa")).toList();
        }
    }

    private static long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
    }

    /**
     * PostgreSQL removes its postmaster.pid when it has shut down cleanly (as its last step, so its
     * process may take a moment more to be gone).
     */
    private static void assertStoppedCleanly(long postgres) throws Exception {
        assertThat(dataDir.resolve("postgres/postmaster.pid")).doesNotExist();
        Optional<ProcessHandle> process = ProcessHandle.of(postgres);
        if (process.isPresent()) {
            process.get().onExit().get(STOP_SECONDS, TimeUnit.SECONDS);
        }
    }
}
