package org.agentworkspace.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.agentworkspace.bench.load.LoadGenerator;
import org.agentworkspace.bench.load.Measurement;
import org.agentworkspace.bench.load.Scenario;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code BenchMain <output dir> <serve command ...>}: the whole load benchmark in one run.
 *
 * <ol>
 *   <li>The product is started with the given command (the README's, e.g. {@code java -jar
 *       app/target/agentworkspace.jar serve}) on a fresh {@code AW_DATA_DIR}, its output going
 *       to {@code server.log} as in a deployment; once ready, {@code pg_stat_statements} and
 *       {@code track_functions} are switched on with {@code ALTER SYSTEM} and it is stopped.</li>
 *   <li>It is started again on that warm data directory: the time from process start to
 *       {@code /readyz} 200 is the ready time; its resident memory is sampled from then to the
 *       end ({@link MemorySampler}).</li>
 *   <li>Seed; start the ceiling ladder ({@code CeilingServer}) on the same database; every rung,
 *       then every product scenario, then every rung again, at every concurrency (closed loop),
 *       each product scenario also in an open loop. Per window: throughput, latency, errors,
 *       allocation, CPU seconds per process ({@link CpuMeter}) and PostgreSQL's own counts
 *       ({@link DbStats}).</li>
 *   <li>The report ({@link Report}).</li>
 * </ol>
 *
 * <p>Environment: {@code BENCH_CONNECTIONS} (default {@code 8,32}, the two),
 * {@code BENCH_WARMUP_SECONDS} (5; the first concurrency of a scenario, later ones get 2),
 * {@code BENCH_MEASURE_SECONDS} (8), {@code BENCH_JVM_OPTS} (JVM flags for the product, inserted
 * after {@code java} when the command starts with it, else passed as {@code JAVA_TOOL_OPTIONS};
 * default none; the ceiling always gets the serving JVM's own options), {@code BENCH_RATE_LIMITS} (per-minute value for every rate limit of the product;
 * default 1000000, the maximum; {@code default} keeps the product's), {@code BENCH_SCENARIOS}
 * (comma-separated scenario names, product or ceiling, e.g. {@code get-event,ceiling/row}; default
 * all), {@code BENCH_PROFILE} (JFR in the serving JVM from after seeding to the end, started over JMX,
 * into {@code product.jfr}; not for figures).
 */
public final class BenchMain {
    private static final Logger LOG = LoggerFactory.getLogger(BenchMain.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Path out;
    private final List<String> serveCommand;
    private final int[] connections;
    private final Duration warmup;
    private final Duration shortWarmup = Duration.ofSeconds(2);
    private final Duration measure;
    private final Set<String> only;
    private final Set<String> rungsOnly;
    private final List<String> jvmFlags;
    private final List<Row> rows = new ArrayList<>();
    private CpuMeter cpu;
    private DbStats db;

    private BenchMain(Path out, List<String> serveCommand) {
        this.out = out;
        this.serveCommand = serveCommand;
        this.connections = Arrays.stream(env("BENCH_CONNECTIONS", "8,32").split(",")).map(String::trim)
                .mapToInt(Integer::parseInt).toArray();
        this.warmup = Duration.ofSeconds(Long.parseLong(env("BENCH_WARMUP_SECONDS", "5")));
        this.measure = Duration.ofSeconds(Long.parseLong(env("BENCH_MEASURE_SECONDS", "8")));
        this.only = names("BENCH_SCENARIOS");
        this.rungsOnly = names("BENCH_CEILINGS");
        String opts = env("BENCH_JVM_OPTS", "").trim();
        this.jvmFlags = opts.isEmpty() ? List.of() : List.of(opts.split("\\s+"));
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || !args[args.length - 1].equals("serve")) {
            System.err.println("usage: BenchMain <output dir> <serve command ending in 'serve'>");
            System.exit(2);
        }
        try {
            new BenchMain(Path.of(args[0]).toAbsolutePath(), List.of(args).subList(1, args.length)).run();
        } catch (Exception | Error e) {
            LOG.error("The benchmark failed", e);
            System.exit(1);
        }
        System.exit(0);
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        Path dataDir = out.resolve("aw-data");
        deleteRecursively(dataDir);
        Files.createDirectories(out);
        Files.deleteIfExists(out.resolve("server.log"));
        int port = freePort();
        Map<String, String> env = new LinkedHashMap<>(Map.of("PORT", Integer.toString(port), "HOST", "127.0.0.1",
                "AW_DATA_DIR", dataDir.toString(),
                // create-event-outbox measures the outbox write alone: endpoints on loopback, nothing sent.
                "AW_WEBHOOK_ALLOW_PRIVATE", "true", "AW_WEBHOOK_SENDER", "false"));
        // The default limits (600/min per key, 30 failures/min per address) would answer most
        // scenarios with 429: raise them to the maximum so the paths themselves are measured,
        // buckets included. BENCH_RATE_LIMITS=default keeps the product's defaults.
        String limit = env("BENCH_RATE_LIMITS", "1000000");
        if (!limit.equals("default")) {
            for (String name : List.of("AW_RATE_LIMIT_KEY_PER_MINUTE", "AW_RATE_LIMIT_FEED_PER_MINUTE",
                    "AW_RATE_LIMIT_USER_PER_MINUTE", "AW_RATE_LIMIT_AUTH_FAILURES_PER_MINUTE")) {
                env.put(name, limit);
            }
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("serve command", String.join(" ", serveCommand));
        facts.put("load average at start", loadAverage());
        Path log = out.resolve("server.log");

        // 1. A fresh data directory: initdb, migrations; then the statistics settings, which need a restart.
        try (ChildProcess first = ChildProcess.start(serve(), serveEnv(env), log)) {
            Duration fresh = awaitReady(first, port, Duration.ofMinutes(3));
            facts.put("ready time, fresh data directory (initdb + migrations)", seconds(fresh));
            DbStats.configure(superuserUrl(dataDir, "agentworkspace"));
            first.stop();
        }
        awaitPostgresStopped(dataDir);

        // 2. The measured server: started again on the warm data directory.
        try (ChildProcess server = ChildProcess.start(serve(), serveEnv(env), log)) {
            Duration ready = awaitReady(server, port, Duration.ofMinutes(2));
            LOG.info("Product server ready in {} on a warm data directory (pid {})", seconds(ready), server.pid());
            facts.put("ready time, warm data directory (process start → /readyz 200)", seconds(ready));
            long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
            int pgPort = Integer.parseInt(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(3).trim());
            cpu = new CpuMeter(server.pid(), postmaster);
            try (MemorySampler memory = new MemorySampler(cpu);
                 DbStats stats = DbStats.open(pgPort, password(dataDir))) {
                db = stats;
                measureAll(server, env, dataDir, port, pgPort, facts);
                facts.put("product RSS, max through the run (sum of VmRSS of its processes, sampled every 200 ms)",
                        memory.maxProductMb() + " MB");
                facts.put("product RSS at end", memory.lastProductMb() + " MB");
                facts.put("server JVM alone, RSS max through the run (the largest product process)",
                        memory.maxLargestProcessMb() + " MB");
                facts.put("product peak RSS by the kernel (VmHWM)", memory.productHighWaterMb() + " MB");
                facts.put("PostgreSQL PSS, max / at end (all its processes, shared buffers split among them)",
                        memory.maxPostgresPssMb() + " MB / " + memory.lastPostgresPssMb() + " MB");
                facts.put("product processes", Procs.describe(Procs.all(), cpu.productProcesses()));
            }
            server.stop();
        }
        facts.put("server.log size", Files.size(log) / 1024 + " KB (the product's output, written by the OS to a file)");
        facts.put("load average at end", loadAverage());
        facts.put("BENCH_JVM_OPTS", jvmFlags.isEmpty() ? "(none: the serve command as it is)" : String.join(" ", jvmFlags));
        facts.put("allocation per request", "sum of ThreadMXBean.getThreadAllocatedBytes over the server's threads, "
                + "read over JMX before and after each measured window, divided by the requests in it");
        facts.put("CPU per process", "utime + stime from /proc/<pid>/stat over each window (PostgreSQL: the "
                + "postmaster's tree plus its reaped children), divided by the requests answered in it; "
                + "rest of machine = busy time of /proc/stat minus the four");
        facts.put("total run time", String.format(Locale.ROOT, "%.1f min", (System.nanoTime() - started) / 6e10));
        Report report = new Report(rows, facts, connections);
        report.write(out.resolve("bench-report.md"), out.resolve("bench-report.json"));
        LOG.info("Report written to {}", out.resolve("bench-report.md"));
    }

    private void measureAll(ChildProcess server, Map<String, String> env, Path dataDir, int port, int pgPort,
                            Map<String, Object> facts) throws Exception {
        Api api = new Api("http://127.0.0.1:" + port);
        String session = session(api, renewSignIn(env));
        int writers = Arrays.stream(connections).max().orElse(8);
        String seedUrl = superuserUrl(dataDir, "agentworkspace");
        Dataset data = new Seeder(api, session).seed(1000, 10_000, 1_000, Math.max(64, writers), seedUrl);
        facts.put("dataset", data.agents().size() + " agents, " + data.totalEvents() + " events, "
                + data.documents() + " documents");
        long jvm = cpu.servingJvm();
        try (JvmProbe productAlloc = JvmProbe.attach(jvm)) {
            int pool = productPoolSize(api);
            int workers = env.containsKey("AW_HTTP_WORKER_THREADS") ? Integer.parseInt(env.get("AW_HTTP_WORKER_THREADS"))
                    : productAlloc.threadsNamed("grizzly-http-server");
            if (workers <= 0) {
                workers = Math.max(16, 2 * pool);
            }
            facts.put("product pool / Grizzly worker threads (the ceiling gets the same)", pool + " / " + workers);
            // The ceiling runs with the serving JVM's own options (a launcher may have chosen them)
            // and its malloc arena limit, so the JVM's settings are no part of the ratio.
            List<String> serverFlags = productAlloc.inputArguments().stream()
                    .filter(a -> a.startsWith("-X") && !a.startsWith("-XX:StartFlightRecording")).toList();
            Map<String, String> ceilingEnv = new LinkedHashMap<>();
            Procs.environment(jvm, "MALLOC_ARENA_MAX").ifPresent(v -> ceilingEnv.put("MALLOC_ARENA_MAX", v));
            facts.put("serving JVM's options (the ceiling gets the same)", (serverFlags.isEmpty() ? "(none: JVM defaults)"
                    : String.join(" ", serverFlags)) + (ceilingEnv.isEmpty() ? "" : "; environment " + ceilingEnv));
            if (!env("BENCH_PROFILE", "").isEmpty()) {
                // Started over JMX in the serving JVM itself, so a launcher's child is profiled with its own options.
                LOG.info("JFR: {}", productAlloc.jfr("jfrStart", "name=bench", "settings=profile"));
            }
            int ceilingPort = freePort();
            List<String> ceilingCommand = new ArrayList<>(List.of(javaBinary()));
            ceilingCommand.addAll(serverFlags);
            ceilingCommand.addAll(List.of("-cp", System.getProperty("java.class.path"),
                    "org.agentworkspace.bench.ceiling.CeilingServer", Integer.toString(ceilingPort),
                    Integer.toString(pgPort), dataDir.toString(), Integer.toString(pool), Integer.toString(workers)));
            try (ChildProcess ceiling = ChildProcess.start(ceilingCommand, ceilingEnv, out.resolve("ceiling.log"));
                 JvmProbe ceilingAlloc = attachWhenUp(ceiling)) {
                cpu.ceiling(ceiling.pid());
                LoadGenerator ceilingLoad = new LoadGenerator(new InetSocketAddress("127.0.0.1", ceilingPort));
                ProductScenarios.Ceiling ladder = new ProductScenarios.Ceiling("127.0.0.1:" + ceilingPort, data);
                Api ceilingApi = new Api("http://127.0.0.1:" + ceilingPort);
                String bareEtag = ceilingApi.raw("GET", ladder.feedPath(), null, null).headers().firstValue("ETag")
                        .orElseThrow(() -> new IllegalStateException("The ceiling's feed check answered no ETag"));
                List<Scenario> rungs = List.of(ladder.hello(), ladder.row(), ladder.rowRls(), ladder.rowAuthenticated(),
                        ladder.ics(), ladder.feedNotModified(bareEtag)).stream()
                        .filter(r -> rungsOnly.isEmpty() || rungsOnly.contains(r.name().substring("ceiling/".length())))
                        .toList();

                // The ceiling JVM starts cold while the product JVM was warmed by seeding: even that out.
                for (Scenario rung : rungs) {
                    ceilingLoad.closed(rung, connections[0], Duration.ZERO, shortWarmup.plusSeconds(1));
                }
                for (Scenario rung : rungs) {
                    closedAll("ceiling-before", ceilingLoad, ceilingAlloc, rung, warmup);
                }

                LoadGenerator load = new LoadGenerator(new InetSocketAddress("127.0.0.1", port));
                ProductScenarios product = new ProductScenarios("127.0.0.1:" + port, data);
                // Each scenario: closed loop at every concurrency, then open loop right away, while
                // the state it depends on (a feed's ETag, an event's ETag) is still current.
                measure(load, productAlloc, product.getEvent());
                measure(load, productAlloc, product.mcpGetEvent());
                measure(load, productAlloc, product.listWeek());
                measure(load, productAlloc, product.feed("feed-1k-200", data.thousand()));
                measure(load, productAlloc, product.feedNotModified("feed-1k-304", data.thousand(),
                        feedEtag(api, data.thousand())));
                measure(load, productAlloc, product.feed("feed-10k-200", data.big()));
                measure(load, productAlloc, product.feedNotModified("feed-10k-304", data.big(),
                        feedEtag(api, data.big())));
                if (selected(product.dashboardAgents("").name())) {
                    // Local sessions live 15 minutes: a fresh one for the dashboard scenario.
                    measure(load, productAlloc, product.dashboardAgents(session(api, renewSignIn(env))));
                }
                measure(load, productAlloc, product.failedAuth());
                measure(load, productAlloc, product.createEvent());
                if (selected(product.createEventWithOutbox().name())) {
                    giveWritersAWebhook(api, data, data.updateTargets().size());
                    measure(load, productAlloc, product.createEventWithOutbox());
                }
                String[] etags = new String[data.updateTargets().size()];
                for (int i = 0; i < etags.length; i++) {
                    Dataset.UpdateTarget t = data.updateTargets().get(i);
                    etags[i] = api.raw("GET", "/api/v1/events/" + t.eventId(), t.agent().apiKey(), null)
                            .headers().firstValue("ETag").orElseThrow();
                }
                measure(load, productAlloc, product.updateEvent(etags));

                for (Scenario rung : rungs) {
                    // Warm by now: the short warmup suffices at every concurrency.
                    closedAll("ceiling-after", ceilingLoad, ceilingAlloc, rung, shortWarmup);
                }
                facts.put("ceiling peak RSS (VmHWM)", Procs.statusKb(ceiling.pid(), "VmHWM") / 1024 + " MB");
            }
            if (!env("BENCH_PROFILE", "").isEmpty()) {
                LOG.info("JFR: {}", productAlloc.jfr("jfrStop", "name=bench", "filename=" + out.resolve("product.jfr")));
            }
        }
        if (!server.isAlive()) {
            throw new IllegalStateException("The product server died during the run; see server.log");
        }
    }

    /**
     * One endpoint per writing agent, so that every create also writes the outbox. The product
     * runs with its sender off ({@code AW_WEBHOOK_SENDER=false}) and private targets allowed: the
     * messages stay queued and the figure is the outbox write alone.
     */
    private static void giveWritersAWebhook(Api api, Dataset data, int writers) throws Exception {
        for (int i = 0; i < writers; i++) {
            Dataset.SeededAgent agent = data.agents().get(Dataset.FIRST_WRITER + i);
            HttpResponse<String> created = api.raw("POST", "/api/v1/webhooks", agent.apiKey(),
                    Map.of("url", "http://127.0.0.1:9/bench-hook"));
            if (created.statusCode() != 201) {
                throw new IllegalStateException("webhook for a writer: " + created.statusCode() + " " + created.body());
            }
        }
    }

    private static Set<String> names(String variable) {
        return Arrays.stream(env(variable, "").split(",")).map(String::trim).filter(n -> !n.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    private boolean selected(Scenario scenario) {
        return selected(scenario.name());
    }

    private boolean selected(String name) {
        return only.isEmpty() || only.contains(name);
    }

    /** Every concurrency in turn, each after its warmup ({@code firstWarmup} for the first, then the short one). */
    private void closedAll(String phase, LoadGenerator load, JvmProbe alloc, Scenario scenario,
                           Duration firstWarmup) throws Exception {
        boolean first = true;
        for (int c : connections) {
            load.closed(scenario, c, Duration.ZERO, first ? firstWarmup : shortWarmup);
            first = false;
            Window w = Window.open(this, alloc);
            Measurement m = load.closed(scenario, c, Duration.ZERO, measure);
            w.close(phase, m);
        }
    }

    private void measure(LoadGenerator load, JvmProbe alloc, Scenario scenario) throws Exception {
        if (!selected(scenario)) {
            return;
        }
        closedAll("product", load, alloc, scenario, warmup);
        int c = connections[0];
        double capacity = rows.stream().filter(r -> r.m().scenario().equals(scenario.name())
                        && r.m().mode().equals("closed") && r.m().connections() == c)
                .mapToDouble(r -> r.m().throughput()).max().orElse(10);
        double rate = Math.max(1, Math.round(capacity / 2));
        load.open(scenario, c, rate, Duration.ZERO, shortWarmup);
        Window w = Window.open(this, alloc);
        Measurement m = load.open(scenario, c, rate, Duration.ZERO, measure);
        w.close("product", m);
    }

    /** The counters of one window, taken right before it and read right after. */
    private record Window(BenchMain bench, JvmProbe alloc, long allocated, Map<String, Long> cpu) {
        static Window open(BenchMain bench, JvmProbe alloc) throws Exception {
            bench.db.reset();
            return new Window(bench, alloc, alloc.allocatedBytes(), bench.cpu.sample());
        }

        void close(String phase, Measurement m) throws Exception {
            Map<String, Long> cpuAfter = bench.cpu.sample();
            long allocatedAfter = alloc.allocatedBytes();
            DbStats.Window counted = bench.db.read();
            long total = m.requests() + m.errors();
            double perRequest = total == 0 ? -1 : (double) (allocatedAfter - allocated) / total;
            Row row = new Row(phase, m, perRequest, loadAverage(), CpuMeter.seconds(cpu, cpuAfter), counted);
            bench.rows.add(row);
            LOG.info(String.format(Locale.ROOT,
                    "%-14s %-25s %-6s c=%-3d %8.0f req/s  p99 %7.2f ms  errors %d  alloc %s  CPU µs/req: product %.0f,"
                            + " PostgreSQL %.0f, ceiling %.0f, load %.0f, rest %.0f  statements/req %.2f",
                    phase, m.scenario(), m.mode(), m.connections(), m.throughput(), m.p99Millis(), m.errors(),
                    perRequest < 0 ? "-" : Math.round(perRequest / 1024) + " KB",
                    row.cpuMicrosPerRequest(CpuMeter.PRODUCT), row.cpuMicrosPerRequest(CpuMeter.POSTGRES),
                    row.cpuMicrosPerRequest(CpuMeter.CEILING), row.cpuMicrosPerRequest(CpuMeter.LOAD),
                    row.cpuMicrosPerRequest(CpuMeter.REST), total == 0 ? 0 : (double) counted.topCalls() / total));
        }
    }

    /** The serve command with the JVM flags of this run ({@code BENCH_JVM_OPTS}) after {@code java}. */
    private List<String> serve() {
        List<String> command = new ArrayList<>(serveCommand);
        if (command.get(0).equals("java")) {
            command.set(0, javaBinary());
            command.addAll(1, jvmFlags);
        }
        return command;
    }

    private Map<String, String> serveEnv(Map<String, String> env) {
        Map<String, String> result = new LinkedHashMap<>(env);
        if (!serveCommand.get(0).equals("java") && !jvmFlags.isEmpty()) {
            // A launcher script: JAVA_TOOL_OPTIONS reaches every JVM it starts.
            result.put("JAVA_TOOL_OPTIONS", String.join(" ", jvmFlags));
        }
        return result;
    }

    /** Polls {@code /readyz} every 20 ms: the time from the process's start to the first 200. */
    private static Duration awaitReady(ChildProcess process, int port, Duration timeout) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - process.startedNanos());
                }
            } catch (ConnectException | java.net.http.HttpConnectTimeoutException e) {
                // not listening yet
            } catch (IOException e) {
                // the listener is coming up
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("The product exited before it was ready; see server.log");
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("The product was not ready within " + timeout + "; see server.log");
    }

    /** The embedded PostgreSQL is stopped by the product's shutdown; wait until its postmaster is gone. */
    private static void awaitPostgresStopped(Path dataDir) throws InterruptedException, IOException {
        Path pid = dataDir.resolve("postgres/postmaster.pid");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (Files.exists(pid) && System.nanoTime() < deadline) {
            List<String> lines = Files.readAllLines(pid);
            if (!lines.isEmpty() && ProcessHandle.of(Long.parseLong(lines.get(0).trim())).map(p -> !p.isAlive()).orElse(true)) {
                return;
            }
            Thread.sleep(100);
        }
    }

    private JvmProbe attachWhenUp(ChildProcess ceiling) throws Exception {
        ceiling.await(l -> l.contains("Ceiling listening"), Duration.ofMinutes(1));
        return JvmProbe.attach(ceiling.pid());
    }

    /** The product's pool size from its own metrics (Hikari's, through Micrometer); 10 (the default) when absent. */
    private static int productPoolSize(Api api) {
        try {
            String metrics = api.raw("GET", "/metrics", null, null).body();
            for (String line : metrics.split("\n")) {
                if (line.startsWith("hikaricp_connections_max{") && line.contains("pool=\"agentworkspace\"")) {
                    return (int) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not read the product's pool size from /metrics: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Integer.parseInt(System.getenv().getOrDefault("AW_DB_POOL_SIZE", "10"));
    }

    private static String superuserUrl(Path dataDir, String database) throws IOException {
        int pgPort = Integer.parseInt(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(3).trim());
        // The embedded database asks every role for its password (issue 15).
        return "jdbc:postgresql://localhost:" + pgPort + "/" + database + "?user=postgres&password=" + password(dataDir);
    }

    private static String password(Path dataDir) throws IOException {
        return Files.readString(dataDir.resolve("superuser.password")).trim();
    }

    private static String session(Api api, String signInLine) throws Exception {
        String secret = signInLine.substring(signInLine.indexOf("#token=") + 7).trim();
        JsonNode r = api.send("POST", "/api/local/session", null, Map.of("token", secret), 200);
        return r.path("session").asText();
    }

    /** A fresh sign-in URL from the product's own {@code login} command (the serve command with {@code login}). */
    private String renewSignIn(Map<String, String> env) throws Exception {
        List<String> command = new ArrayList<>(serveCommand);
        command.set(command.size() - 1, "login");
        if (command.get(0).equals("java")) {
            command.set(0, javaBinary());
        }
        try (ChildProcess login = ChildProcess.start(command, env, out.resolve("login.log"))) {
            return login.await(l -> l.contains("/login#token="), Duration.ofMinutes(2));
        }
    }

    private static String feedEtag(Api api, Dataset.SeededAgent agent) throws Exception {
        HttpResponse<String> r = api.raw("GET", agent.feedUrl(), null, null);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("Feed answered " + r.statusCode());
        }
        return r.headers().firstValue("ETag").orElseThrow(() -> new IllegalStateException("Feed without ETag"));
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f s", d.toNanos() / 1e9);
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
