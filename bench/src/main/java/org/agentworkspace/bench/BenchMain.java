package org.agentworkspace.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.agentworkspace.bench.load.LoadGenerator;
import org.agentworkspace.bench.load.Measurement;
import org.agentworkspace.bench.load.Scenario;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code BenchMain <agentworkspace.jar> <output dir>}: the whole load benchmark in one run —
 * product server on a fresh embedded database, seed, ceiling before, every product scenario at
 * every concurrency, open-loop latency, ceiling after, report.
 *
 * <p>Environment: {@code BENCH_CONNECTIONS} (default {@code 8,32,64}), {@code BENCH_WARMUP_SECONDS}
 * (5; the first concurrency of a scenario, later ones get 2), {@code BENCH_MEASURE_SECONDS} (8),
 * {@code BENCH_JVM_OPTS} (JVM flags for both servers; default none, i.e. the product's defaults),
 * {@code BENCH_RATE_LIMITS} (per-minute value for every rate limit of the product; default
 * 1000000, the maximum; {@code default} keeps the product's),
 * {@code BENCH_SCENARIOS} (comma-separated product scenario names to run, e.g. {@code get-event};
 * default all), {@code BENCH_PROFILE} (when set, the product records JFR into {@code product.jfr}; not for the
 * figures, the recording costs a few percent).
 */
public final class BenchMain {
    private static final Logger LOG = LoggerFactory.getLogger(BenchMain.class);
    private final Path jar;
    private final Path out;
    private final int[] connections;
    private final Duration warmup;
    private final Duration shortWarmup = Duration.ofSeconds(2);
    private final Duration measure;
    private final java.util.Set<String> only;
    private final List<String> jvmFlags;
    private final List<Row> rows = new ArrayList<>();

    private BenchMain(Path jar, Path out) {
        this.jar = jar;
        this.out = out;
        this.connections = Arrays.stream(env("BENCH_CONNECTIONS", "8,32,64").split(",")).map(String::trim)
                .mapToInt(Integer::parseInt).toArray();
        this.warmup = Duration.ofSeconds(Long.parseLong(env("BENCH_WARMUP_SECONDS", "5")));
        this.measure = Duration.ofSeconds(Long.parseLong(env("BENCH_MEASURE_SECONDS", "8")));
        this.only = Arrays.stream(env("BENCH_SCENARIOS", "").split(",")).map(String::trim).filter(n -> !n.isEmpty())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        String opts = env("BENCH_JVM_OPTS", "").trim();
        this.jvmFlags = opts.isEmpty() ? List.of() : List.of(opts.split("\\s+"));
    }

    public static void main(String[] args) throws Exception {
        new BenchMain(Path.of(args[0]).toAbsolutePath(), Path.of(args[1]).toAbsolutePath()).run();
        System.exit(0);
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        Path dataDir = out.resolve("aw-data");
        deleteRecursively(dataDir);
        Files.createDirectories(out);
        int port = freePort();
        Map<String, String> env = new LinkedHashMap<>(Map.of("PORT", Integer.toString(port), "HOST", "127.0.0.1",
                "AW_DATA_DIR", dataDir.toString()));
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
        List<String> serve = new ArrayList<>(List.of(javaBinary()));
        serve.addAll(jvmFlags);
        if (!env("BENCH_PROFILE", "").isEmpty()) {
            // Profile runs only: a JFR recording of the product, dumped when it is stopped.
            serve.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + out.resolve("product.jfr"));
        }
        serve.addAll(List.of("-jar", jar.toString(), "serve"));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("load average at start", loadAverage());
        try (ChildProcess server = ChildProcess.start(serve, env, out.resolve("server.log"))) {
            String signIn = server.await(l -> l.contains("/login#token="), Duration.ofMinutes(3));
            LOG.info("Product server up (pid {})", server.pid());
            Api api = new Api("http://127.0.0.1:" + port);
            String session = session(api, signIn);
            int pgPort = Integer.parseInt(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(3).trim());
            // The embedded database asks every role for its password (issue 15); the URL's wins over the driver's arguments.
            String jdbc = "jdbc:postgresql://localhost:" + pgPort + "/agentworkspace?password="
                    + Files.readString(dataDir.resolve("superuser.password")).trim();
            Dataset data = new Seeder(api, session).seed(1000, 10_000, 1_000, jdbc);
            facts.put("dataset", data.agents().size() + " agents, " + data.totalEvents() + " events, "
                    + data.documents() + " documents");

            int ceilingPort = freePort();
            List<String> ceilingCommand = new ArrayList<>(List.of(javaBinary()));
            ceilingCommand.addAll(jvmFlags);
            ceilingCommand.addAll(List.of("-cp", System.getProperty("java.class.path"),
                    "org.agentworkspace.bench.ceiling.CeilingServer", Integer.toString(ceilingPort), jdbc, "postgres", "10"));
            try (ChildProcess ceiling = ChildProcess.start(ceilingCommand, Map.of(), out.resolve("ceiling.log"));
                 AllocationProbe productAlloc = AllocationProbe.attach(server.pid())) {
                ceiling.await(l -> l.contains("Ceiling listening"), Duration.ofMinutes(1));
                AllocationProbe ceilingAlloc = AllocationProbe.attach(ceiling.pid());
                LoadGenerator ceilingLoad = new LoadGenerator(new InetSocketAddress("127.0.0.1", ceilingPort));
                String ceilingHost = "127.0.0.1:" + ceilingPort;
                Scenario hello = ProductScenarios.ceiling(ceilingHost, "/hello");
                Scenario row = ProductScenarios.ceiling(ceilingHost, "/row");

                // The ceiling JVM starts cold while the product JVM was warmed by seeding: even that out.
                ceilingLoad.closed(hello, connections[0], Duration.ZERO, warmup.multipliedBy(2));
                ceilingLoad.closed(row, connections[0], Duration.ZERO, warmup.multipliedBy(2));
                closedAll("ceiling-before", ceilingLoad, ceilingAlloc, hello);
                closedAll("ceiling-before", ceilingLoad, ceilingAlloc, row);

                LoadGenerator load = new LoadGenerator(new InetSocketAddress("127.0.0.1", port));
                ProductScenarios product = new ProductScenarios("127.0.0.1:" + port, data);
                // Each scenario: closed loop at every concurrency, then open loop right away, while
                // the state it depends on (a feed's ETag, an event's ETag) is still current.
                measure(load, productAlloc, product.getEvent());
                measure(load, productAlloc, product.listWeek());
                measure(load, productAlloc, product.feed("feed-1k-200", data.thousand()));
                measure(load, productAlloc, product.feedNotModified("feed-1k-304", data.thousand(),
                        feedEtag(api, data.thousand())));
                measure(load, productAlloc, product.feed("feed-10k-200", data.big()));
                measure(load, productAlloc, product.feedNotModified("feed-10k-304", data.big(),
                        feedEtag(api, data.big())));
                String freshSession = session(api, renewSignIn(env));
                measure(load, productAlloc, product.dashboardAgents(freshSession));
                measure(load, productAlloc, product.failedAuth());
                measure(load, productAlloc, product.createEvent());
                String[] etags = new String[64];
                for (int i = 0; i < etags.length; i++) {
                    etags[i] = api.raw("GET", "/api/v1/events/" + data.thousandEventIds().get(i), data.thousand().apiKey(), null)
                            .headers().firstValue("ETag").orElseThrow();
                }
                measure(load, productAlloc, product.updateEvent(etags));
                openHalf("ceiling-after", ceilingLoad, ceilingAlloc, row);

                closedAll("ceiling-after", ceilingLoad, ceilingAlloc, hello);
                closedAll("ceiling-after", ceilingLoad, ceilingAlloc, row);

                facts.put("product server peak RSS (VmHWM)", server.statusKb("VmHWM") / 1024 + " MB");
                facts.put("product server RSS at end (VmRSS)", server.statusKb("VmRSS") / 1024 + " MB");
                facts.put("ceiling server peak RSS (VmHWM)", ceiling.statusKb("VmHWM") / 1024 + " MB");
                ceilingAlloc.close();
            }
        }
        facts.put("load average at end", loadAverage());
        facts.put("JVM flags of both servers", jvmFlags.isEmpty() ? "(none: JVM defaults)" : String.join(" ", jvmFlags));
        facts.put("allocation per request", "sum of ThreadMXBean.getThreadAllocatedBytes over the server's threads, "
                + "read over JMX before and after each measured window, divided by the requests in it");
        facts.put("total run time", String.format("%.1f min", (System.nanoTime() - started) / 6e10));
        Report report = new Report(rows, facts);
        report.write(out.resolve("bench-report.md"), out.resolve("bench-report.json"));
        LOG.info("Report written to {}", out.resolve("bench-report.md"));
    }

    private Scenario closedAll(String phase, LoadGenerator load, AllocationProbe alloc, Scenario scenario) {
        boolean first = true;
        for (int c : connections) {
            load.closed(scenario, c, Duration.ZERO, first ? warmup : shortWarmup);
            first = false;
            long before = alloc.allocatedBytes();
            Measurement m = load.closed(scenario, c, Duration.ZERO, measure);
            long after = alloc.allocatedBytes();
            record(phase, m, after - before);
        }
        return scenario;
    }

    private void measure(LoadGenerator load, AllocationProbe alloc, Scenario scenario) {
        if (!only.isEmpty() && !only.contains(scenario.name())) {
            return;
        }
        closedAll("product", load, alloc, scenario);
        openHalf("product", load, alloc, scenario);
    }

    private void openHalf(String phase, LoadGenerator load, AllocationProbe alloc, Scenario scenario) {
        int c = connections[0];
        double capacity = rows.stream().filter(r -> r.m().scenario().equals(scenario.name())
                        && r.m().mode().equals("closed") && r.m().connections() == c)
                .mapToDouble(r -> r.m().throughput()).max().orElse(10);
        double rate = Math.max(1, Math.round(capacity / 2));
        long before = alloc.allocatedBytes();
        Measurement m = load.open(scenario, c, rate, shortWarmup, measure);
        long after = alloc.allocatedBytes();
        // Allocation here spans warmup and window; the closed-loop rows carry the precise figure.
        record(phase, m, -1);
        if (after < before) {
            LOG.warn("Allocation counter went backwards for {}", scenario.name());
        }
    }

    private void record(String phase, Measurement m, long allocated) {
        long total = m.requests() + m.errors();
        Row row = new Row(phase, m, total == 0 || allocated < 0 ? -1 : (double) allocated / total, loadAverage());
        rows.add(row);
        LOG.info(String.format(java.util.Locale.ROOT,
                "%-14s %-18s %-6s c=%-3d %8.0f req/s  p50 %7.2f ms  p99 %7.2f ms  p99.9 %7.2f ms  errors %d  alloc %s",
                phase, m.scenario(), m.mode(), m.connections(), m.throughput(), m.p50Millis(), m.p99Millis(),
                m.p999Millis(), m.errors(), row.allocPerRequest() < 0 ? "-" : Math.round(row.allocPerRequest() / 1024) + " KB"));
    }

    private static String session(Api api, String signInLine) throws Exception {
        String secret = signInLine.substring(signInLine.indexOf("#token=") + 7).trim();
        JsonNode r = api.send("POST", "/api/local/session", null, Map.of("token", secret), 200);
        return r.path("session").asText();
    }

    /** Local sessions live 15 minutes: a fresh sign-in URL from the jar's own {@code login} command. */
    private String renewSignIn(Map<String, String> env) throws Exception {
        try (ChildProcess login = ChildProcess.start(List.of(javaBinary(), "-jar", jar.toString(), "login"), env,
                out.resolve("login.log"))) {
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
