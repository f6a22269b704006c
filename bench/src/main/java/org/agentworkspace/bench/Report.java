package org.agentworkspace.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the windows of one run into {@code bench-report.md} and {@code bench-report.json}: the
 * targets of issues 21 and 20 held or missed per concurrency, the ladder of ceilings, the product
 * scenarios as ratios to the ceiling measured in the same run (the mean of its before and after
 * windows at the same concurrency), where each request's CPU microseconds go per process, and
 * what PostgreSQL counted per request.
 */
final class Report {
    /** A ratio target: {@code scenario}'s throughput over {@code versus}'s at the same concurrency. */
    record Target(String scenario, String versus, double ratio) {
        String label() {
            return scenario + " ≥ " + Math.round(ratio * 100) + " % of " + versus;
        }
    }

    static final List<Target> TARGETS = List.of(
            new Target("get-event", "ceiling/row", 0.40),
            new Target("get-event", "ceiling/row-authenticated", 0.85),
            new Target("create-event", "ceiling/row", 0.30),
            new Target("update-event", "ceiling/row", 0.25),
            new Target("list-week", "ceiling/row", 0.10),
            new Target("feed-1k-304", "ceiling/hello", 0.30),
            new Target("feed-10k-304", "ceiling/hello", 0.30),
            new Target("feed-1k-304", "ceiling/feed-304", 0.85),
            new Target("feed-10k-304", "ceiling/feed-304", 0.85),
            new Target("feed-10k-200", "ceiling/ics-10k", 0.70),
            new Target("failed-auth", "ceiling/hello", 0.85),
            new Target("mcp-get-event", "get-event", 0.70),
            new Target("create-event-outbox", "create-event", 0.90));
    static final List<String> LADDER = List.of("ceiling/hello", "ceiling/row", "ceiling/row-rls",
            "ceiling/row-authenticated", "ceiling/ics-10k", "ceiling/feed-304");
    static final long RSS_TARGET_MB = 300;
    static final double READY_TARGET_SECONDS = 5;
    private static final String[] GROUPS = {CpuMeter.PRODUCT, CpuMeter.CEILING, CpuMeter.POSTGRES, CpuMeter.LOAD,
        CpuMeter.REST};
    private static final int TOP_STATEMENTS = 6;

    private final List<Row> rows;
    private final Map<String, Object> facts;
    private final int[] connections;

    Report(List<Row> rows, Map<String, Object> facts, int[] connections) {
        this.rows = rows;
        this.facts = facts;
        this.connections = connections;
    }

    /** Closed-loop throughput of a scenario at a concurrency: the mean over its windows (a ceiling's before and after). */
    OptionalDouble throughput(String scenario, int connections) {
        return rows.stream().filter(r -> r.m().mode().equals("closed") && r.m().scenario().equals(scenario)
                        && r.m().connections() == connections)
                .mapToDouble(r -> r.m().throughput()).average();
    }

    OptionalDouble ratio(Target t, int connections) {
        OptionalDouble a = throughput(t.scenario(), connections);
        OptionalDouble b = throughput(t.versus(), connections);
        return a.isPresent() && b.isPresent() && b.getAsDouble() > 0
                ? OptionalDouble.of(a.getAsDouble() / b.getAsDouble()) : OptionalDouble.empty();
    }

    String markdown() {
        StringBuilder s = new StringBuilder();
        targets(s);
        ladder(s);
        scenarios(s);
        microseconds(s);
        statements(s);
        openLoop(s);
        errors(s);
        s.append("\n## Run\n\n");
        for (Map.Entry<String, Object> e : facts.entrySet()) {
            s.append("- ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        return s.toString();
    }

    private void targets(StringBuilder s) {
        s.append("## Targets (issue 21; MCP: issue 20)\n\n| target |");
        for (int c : connections) {
            s.append(" ").append(c).append(" connections |");
        }
        s.append("\n|---|");
        for (int ignored : connections) {
            s.append("---|");
        }
        s.append('\n');
        for (Target t : TARGETS) {
            if (throughput(t.scenario(), connections[0]).isEmpty()) {
                continue;
            }
            s.append("| ").append(t.label()).append(" |");
            for (int c : connections) {
                OptionalDouble q = ratio(t, c);
                s.append(q.isEmpty() ? " (not measured) |"
                        : f(" %.0f %% %s |", q.getAsDouble() * 100, q.getAsDouble() >= t.ratio() ? "held" : "**MISSED**"));
            }
            s.append('\n');
        }
        s.append("| errors: 0 in every scenario |");
        for (int c : connections) {
            Map<String, Long> errors = errorsAt(c);
            long total = errors.values().stream().mapToLong(Long::longValue).sum();
            s.append(total == 0 ? " 0 held |" : f(" %d **MISSED** (%s) |", total, errors.entrySet().stream()
                    .filter(e -> e.getValue() > 0).map(e -> e.getKey() + " " + e.getValue())
                    .reduce((a, b) -> a + ", " + b).orElse("")));
        }
        s.append('\n');
        long rss = Math.round(number(facts, "product RSS, max"));
        double ready = number(facts, "ready time, warm");
        String memory = f("max %d MB %s; ready %.2f s %s", rss, rss >= 0 && rss <= RSS_TARGET_MB ? "held" : "**MISSED**",
                ready, ready >= 0 && ready <= READY_TARGET_SECONDS ? "held" : "**MISSED**");
        s.append("| RSS ≤ ").append(RSS_TARGET_MB).append(" MB through the run / ready ≤ ")
                .append(f("%.0f", READY_TARGET_SECONDS)).append(" s (warm data directory) |");
        for (int ignored : connections) {
            s.append(' ').append(memory).append(" |");
        }
        s.append("\n\nRatios: closed-loop req/s of the scenario over the reference at the same concurrency in this run "
                + "(a ceiling: mean of its before and after windows).\n");
    }

    /** Errors summed over all windows of a scenario at a concurrency. */
    private Map<String, Long> errorsAt(int c) {
        Map<String, Long> errors = new LinkedHashMap<>();
        errorsByScenario().forEach((scenario, byConnections) -> errors.put(scenario, byConnections.getOrDefault(c, 0L)));
        return errors;
    }

    private Map<String, Map<Integer, Long>> errorsByScenario() {
        Map<String, Map<Integer, Long>> errors = new LinkedHashMap<>();
        for (Row r : rows) {
            errors.computeIfAbsent(r.m().scenario(), k -> new LinkedHashMap<>())
                    .merge(r.m().connections(), r.m().errors(), Long::sum);
        }
        return errors;
    }

    private void ladder(StringBuilder s) {
        s.append("\n## Ladder of ceilings (each rung adds one of the product's steps)\n\n");
        s.append("| rung | conns | before req/s | after req/s | mean req/s | vs rung above | p99 ms | ceiling JVM µs/req "
                + "| PostgreSQL µs/req | statements/req | DB µs/req |\n");
        s.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int c : connections) {
            String above = null;
            for (String rung : LADDER) {
                List<Row> windows = closed(rung, c);
                if (windows.isEmpty()) {
                    continue;
                }
                double mean = throughput(rung, c).orElse(0);
                String versus = "";
                if (above != null && !rung.equals("ceiling/ics-10k") && !rung.equals("ceiling/feed-304")) {
                    versus = f("%.0f %%", 100 * mean / throughput(above, c).orElse(Double.NaN));
                }
                s.append(f("| %s | %d | %s | %s | %.0f | %s | %.2f | %.0f | %.0f | %.2f | %.0f |\n", rung, c,
                        phaseThroughput(windows, "ceiling-before"), phaseThroughput(windows, "ceiling-after"), mean, versus,
                        windows.stream().mapToDouble(r -> r.m().p99Millis()).max().orElse(0),
                        mean(windows, r -> r.cpuMicrosPerRequest(CpuMeter.CEILING)),
                        mean(windows, r -> r.cpuMicrosPerRequest(CpuMeter.POSTGRES)),
                        mean(windows, r -> perRequest(r, r.db().topCalls())),
                        mean(windows, r -> perRequest(r, 1000 * (r.db().topExecMs() + r.db().topPlanMs())))));
                if (rung.startsWith("ceiling/row") || rung.equals("ceiling/hello")) {
                    above = rung;
                }
            }
        }
        s.append("\n`/hello`: no work. `/row`: one primary-key SELECT of an event (the product's 14 columns) as the "
                + "superuser, auto-commit. `/row-rls`: as the runtime role with row-level security, `set_config` of the "
                + "scope and the SELECT in one message (one Sync, one implicit transaction). `/row-authenticated`: "
                + "the key's SHA-256 through `aw_agent_by_key_digest` (which also states the scope) and the SELECT in "
                + "one message. `/ics-10k`: a bare streaming iCalendar writer over the 10,000 events (scope, cursor of "
                + "1,000 rows). `/feed-304`: the token through `aw_feed_by_token` (stating the scope) and the calendar's "
                + "revision in one message, 304.\n");
    }

    private static String phaseThroughput(List<Row> windows, String phase) {
        return windows.stream().filter(r -> r.phase().equals(phase)).mapToDouble(r -> r.m().throughput()).average()
                .stream().mapToObj(v -> f("%.0f", v)).findFirst().orElse("");
    }

    private void scenarios(StringBuilder s) {
        s.append("\n## Product scenarios (closed loop)\n\n");
        s.append("| scenario | conns | req/s | p50 ms | p99 ms | p99.9 ms | errors | vs /row | vs /hello | alloc/req |\n");
        s.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            if (!r.phase().equals("product") || !r.m().mode().equals("closed")) {
                continue;
            }
            var m = r.m();
            s.append(f("| %s | %d | %.0f | %.2f | %.2f | %.2f | %d | %s | %s | %s |\n", m.scenario(), m.connections(),
                    m.throughput(), m.p50Millis(), m.p99Millis(), m.p999Millis(), m.errors(),
                    percentOf(m.throughput(), "ceiling/row", m.connections()),
                    percentOf(m.throughput(), "ceiling/hello", m.connections()),
                    r.allocPerRequest() < 0 ? "" : f("%.0f KB", r.allocPerRequest() / 1024)));
        }
    }

    private String percentOf(double value, String ceiling, int c) {
        OptionalDouble v = throughput(ceiling, c);
        return v.isPresent() ? f("%.0f %%", 100 * value / v.getAsDouble()) : "";
    }

    private void microseconds(StringBuilder s) {
        s.append("\n## Where each request's microseconds go (CPU per process, database per request)\n\n");
        s.append("| phase | scenario | conns | req/s | product JVM | ceiling JVM | PostgreSQL | load gen | rest of machine "
                + "| machine total | statements/req | nested/req | DB exec µs/req | DB plan µs/req | function calls/req |\n");
        s.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            if (!r.m().mode().equals("closed")) {
                continue;
            }
            s.append(f("| %s | %s | %d | %.0f |", r.phase(), r.m().scenario(), r.m().connections(), r.m().throughput()));
            for (String g : GROUPS) {
                s.append(f(" %.0f |", r.cpuMicrosPerRequest(g)));
            }
            s.append(f(" %.0f | %.2f | %.2f | %.0f | %.0f | %.2f |\n", r.cpuMicrosPerRequest(CpuMeter.MACHINE),
                    perRequest(r, r.db().topCalls()), perRequest(r, r.db().nestedCalls()),
                    perRequest(r, 1000 * r.db().topExecMs()), perRequest(r, 1000 * r.db().topPlanMs()),
                    perRequest(r, r.db().functionCalls())));
        }
        s.append("\nCPU µs per request answered in the window. Statements: top-level ones (what clients sent, "
                + "`pg_stat_statements`); nested: run inside functions; DB µs: top-level execution (nested included) "
                + "and planning time as PostgreSQL measured it. Function calls from `pg_stat_user_functions` "
                + "(flushed by backends at most once a second: ± about a second of work per window).\n");
    }

    private void statements(StringBuilder s) {
        s.append("\n## Statements per request, by scenario (").append(connections[0]).append(" connections)\n");
        for (Row r : rows) {
            if (!r.m().mode().equals("closed") || r.m().connections() != connections[0]
                    || r.phase().equals("ceiling-after") || r.answered() == 0) {
                continue;
            }
            s.append("\n**").append(r.m().scenario()).append("**\n\n");
            s.append("| top level | calls/req | exec µs/call | plan µs/call | rows/call | statement |\n");
            s.append("|---|---:|---:|---:|---:|---|\n");
            r.db().statements().stream().filter(q -> perRequest(r, q.calls()) >= 0.01).limit(TOP_STATEMENTS)
                    .forEach(q -> s.append(f("| %s | %.2f | %.1f | %.1f | %.1f | `%s` |\n", q.toplevel() ? "yes" : "no",
                            perRequest(r, q.calls()), 1000 * q.execMs() / q.calls(), 1000 * q.planMs() / q.calls(),
                            (double) q.rows() / q.calls(), q.query().replace("|", "\\|"))));
            r.db().functions().stream().filter(fn -> fn.calls() > 0).limit(TOP_STATEMENTS)
                    .forEach(fn -> s.append(f("| function | %.2f | %.1f (self %.1f) | | | `%s` |\n",
                            perRequest(r, fn.calls()), 1000 * fn.totalMs() / fn.calls(), 1000 * fn.selfMs() / fn.calls(),
                            fn.name())));
        }
    }

    private void openLoop(StringBuilder s) {
        s.append("\n## Open loop (fixed rate: half the closed-loop capacity at ").append(connections[0])
                .append(" connections; latency from the intended send time)\n\n");
        s.append("| scenario | rate/s | req/s | p50 ms | p99 ms | p99.9 ms | max ms | errors |\n");
        s.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            if (r.m().mode().equals("open")) {
                var m = r.m();
                s.append(f("| %s | %.0f | %.0f | %.2f | %.2f | %.2f | %.2f | %d |\n", m.scenario(), m.targetRate(),
                        m.throughput(), m.p50Millis(), m.p99Millis(), m.p999Millis(), m.maxMillis(), m.errors()));
            }
        }
    }

    /** Every scenario and rung with its errors summed over its windows (closed and open loop) per concurrency. */
    private void errors(StringBuilder s) {
        s.append("\n## Errors per scenario (all windows: closed and open loop, before and after)\n\n| scenario |");
        for (int c : connections) {
            s.append(' ').append(c).append(" connections |");
        }
        s.append("\n|---|");
        for (int ignored : connections) {
            s.append("---:|");
        }
        s.append('\n');
        errorsByScenario().forEach((scenario, byConnections) -> {
            s.append("| ").append(scenario).append(" |");
            for (int c : connections) {
                Long n = byConnections.get(c);
                s.append(n == null ? " |" : " " + n + " |");
            }
            s.append('\n');
        });
    }

    private List<Row> closed(String scenario, int c) {
        return rows.stream().filter(r -> r.m().mode().equals("closed") && r.m().scenario().equals(scenario)
                && r.m().connections() == c).toList();
    }

    private static double mean(List<Row> windows, java.util.function.ToDoubleFunction<Row> f) {
        return windows.stream().mapToDouble(f).average().orElse(0);
    }

    private static double perRequest(Row r, double amount) {
        return r.answered() == 0 ? 0 : amount / r.answered();
    }

    /** The leading number of the first fact whose name starts with {@code prefix}; -1 when absent. */
    private static double number(Map<String, Object> facts, String prefix) {
        Pattern p = Pattern.compile("^\\s*([0-9.]+)");
        for (Map.Entry<String, Object> e : facts.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                Matcher m = p.matcher(String.valueOf(e.getValue()));
                if (m.find()) {
                    return Double.parseDouble(m.group(1));
                }
            }
        }
        return -1;
    }

    void write(Path markdownFile, Path jsonFile) throws IOException {
        Files.writeString(markdownFile, markdown());
        ObjectNode root = Api.JSON.createObjectNode();
        ObjectNode f = root.putObject("facts");
        facts.forEach((k, v) -> f.put(k, String.valueOf(v)));
        ArrayNode targets = root.putArray("targets");
        for (Target t : TARGETS) {
            for (int c : connections) {
                OptionalDouble q = ratio(t, c);
                if (q.isPresent()) {
                    targets.addObject().put("target", t.label()).put("connections", c).put("ratio", q.getAsDouble())
                            .put("required", t.ratio()).put("held", q.getAsDouble() >= t.ratio());
                }
            }
        }
        ArrayNode list = root.putArray("results");
        for (Row r : rows) {
            var m = r.m();
            ObjectNode o = list.addObject();
            o.put("phase", r.phase());
            o.put("scenario", m.scenario());
            o.put("mode", m.mode());
            o.put("connections", m.connections());
            o.put("targetRate", m.targetRate());
            o.put("requests", m.requests());
            o.put("errors", m.errors());
            o.put("seconds", m.seconds());
            o.put("requestsPerSecond", m.throughput());
            o.put("p50Ms", m.p50Millis());
            o.put("p99Ms", m.p99Millis());
            o.put("p999Ms", m.p999Millis());
            o.put("maxMs", m.maxMillis());
            o.put("bytesPerResponse", r.answered() == 0 ? 0 : m.bodyBytes() / r.answered());
            o.put("allocatedBytesPerRequest", r.allocPerRequest());
            o.put("loadAverage1m", r.loadAverage());
            ObjectNode cpu = o.putObject("cpuSeconds");
            r.cpuSeconds().forEach(cpu::put);
            ObjectNode perRequest = o.putObject("cpuMicrosPerRequest");
            r.cpuSeconds().keySet().forEach(g -> perRequest.put(g, r.cpuMicrosPerRequest(g)));
            ObjectNode db = o.putObject("database");
            db.put("statementsPerRequest", perRequest(r, r.db().topCalls()));
            db.put("nestedStatementsPerRequest", perRequest(r, r.db().nestedCalls()));
            db.put("execMicrosPerRequest", perRequest(r, 1000 * r.db().topExecMs()));
            db.put("planMicrosPerRequest", perRequest(r, 1000 * r.db().topPlanMs()));
            db.put("functionCallsPerRequest", perRequest(r, r.db().functionCalls()));
            ArrayNode statements = db.putArray("statements");
            r.db().statements().forEach(q -> statements.addObject().put("toplevel", q.toplevel()).put("calls", q.calls())
                    .put("execMs", q.execMs()).put("planMs", q.planMs()).put("rows", q.rows()).put("query", q.query()));
            ArrayNode functions = db.putArray("functions");
            r.db().functions().forEach(fn -> functions.addObject().put("name", fn.name()).put("calls", fn.calls())
                    .put("totalMs", fn.totalMs()).put("selfMs", fn.selfMs()));
        }
        Api.JSON.writerWithDefaultPrettyPrinter().writeValue(jsonFile.toFile(), root);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
