package org.agentworkspace.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Turns the rows of one run into the Markdown table and the JSON file, with every product
 * scenario's throughput as a ratio to the ceiling measured in the same run (the mean of the
 * before and after windows at the same concurrency), and the targets checked.
 */
final class Report {
    /** Scenario → the ceiling it is compared with and the required ratio (0 = informative only). */
    private static final Map<String, Object[]> TARGETS = Map.ofEntries(
            Map.entry("get-event", new Object[] {"/row", 0.70}),
            Map.entry("list-week", new Object[] {"/row", 0.60}),
            Map.entry("create-event", new Object[] {"/row", 0.40}),
            Map.entry("update-event", new Object[] {"/row", 0.0}),
            Map.entry("feed-1k-200", new Object[] {"/row", 0.0}),
            Map.entry("feed-10k-200", new Object[] {"/row", 0.0}),
            Map.entry("feed-1k-304", new Object[] {"/hello", 0.80}),
            Map.entry("feed-10k-304", new Object[] {"/hello", 0.80}),
            Map.entry("dashboard-agents", new Object[] {"/row", 0.0}),
            Map.entry("failed-auth", new Object[] {"/hello", 0.90}));

    private final List<Row> rows;
    private final Map<String, Object> facts;

    Report(List<Row> rows, Map<String, Object> facts) {
        this.rows = rows;
        this.facts = facts;
    }

    OptionalDouble ceiling(String path, int connections) {
        return rows.stream().filter(r -> r.phase().startsWith("ceiling") && r.m().mode().equals("closed")
                        && r.m().scenario().equals("ceiling" + path) && r.m().connections() == connections)
                .mapToDouble(r -> r.m().throughput()).average();
    }

    String markdown() {
        StringBuilder s = new StringBuilder();
        s.append("| phase | scenario | mode | conns | req/s | p50 ms | p99 ms | p99.9 ms | errors | vs ceiling | ratio | target | alloc/req | load |\n");
        s.append("|---|---|---|---:|---:|---:|---:|---:|---:|---|---:|---|---:|---:|\n");
        for (Row r : rows) {
            var m = r.m();
            String versus = "";
            String ratio = "";
            String target = "";
            Object[] t = TARGETS.get(m.scenario());
            if (t != null && m.mode().equals("closed")) {
                OptionalDouble c = ceiling((String) t[0], m.connections());
                if (c.isPresent()) {
                    double q = m.throughput() / c.getAsDouble();
                    versus = (String) t[0];
                    ratio = f("%.0f %%", q * 100);
                    double need = (double) t[1];
                    target = need > 0 ? f("≥ %.0f %% %s", need * 100, q >= need ? "held" : "MISSED") : "";
                }
            }
            if (m.scenario().equals("feed-10k-200") && m.connections() == 8) {
                target = f("p99 < 150 ms %s", m.p99Millis() < 150 ? "held" : "MISSED");
            }
            String mode = m.mode().equals("open") ? f("open %.0f/s", m.targetRate()) : "closed";
            s.append(f("| %s | %s | %s | %d | %.0f | %.2f | %.2f | %.2f | %d | %s | %s | %s | %s | %.2f |\n",
                    r.phase(), m.scenario(), mode, m.connections(), m.throughput(), m.p50Millis(), m.p99Millis(),
                    m.p999Millis(), m.errors(), versus, ratio, target,
                    r.allocPerRequest() < 0 ? "" : f("%.0f KB", r.allocPerRequest() / 1024), r.loadAverage()));
        }
        s.append('\n');
        for (Map.Entry<String, Object> e : facts.entrySet()) {
            s.append("- ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        return s.toString();
    }

    void write(Path markdownFile, Path jsonFile) throws IOException {
        Files.writeString(markdownFile, markdown());
        ObjectNode root = Api.JSON.createObjectNode();
        ObjectNode f = root.putObject("facts");
        facts.forEach((k, v) -> f.put(k, String.valueOf(v)));
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
            o.put("bytesPerResponse", m.requests() + m.errors() == 0 ? 0 : m.bodyBytes() / (m.requests() + m.errors()));
            o.put("allocatedBytesPerRequest", r.allocPerRequest());
            o.put("loadAverage1m", r.loadAverage());
            Object[] t = TARGETS.get(m.scenario());
            if (t != null && m.mode().equals("closed")) {
                OptionalDouble c = ceiling((String) t[0], m.connections());
                if (c.isPresent()) {
                    o.put("ceiling", (String) t[0]);
                    o.put("ceilingRequestsPerSecond", c.getAsDouble());
                    o.put("ratioToCeiling", m.throughput() / c.getAsDouble());
                    o.put("targetRatio", (double) t[1]);
                }
            }
        }
        Api.JSON.writerWithDefaultPrettyPrinter().writeValue(jsonFile.toFile(), root);
    }


    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
