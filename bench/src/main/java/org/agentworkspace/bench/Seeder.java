package org.agentworkspace.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the realistic dataset. Everything a scenario reads is created through the public HTTP
 * API (agents, keys, feeds, the 10,000- and 1,000-event calendars, documents), so it is exactly
 * what the product would store. The background bulk — 20 to 200 events for each of the other
 * 998 agents, about 110,000 rows that only give the tables and indexes their realistic size — is
 * inserted with one SQL statement, because through the API it alone would take minutes of the
 * 15-minute budget.
 */
final class Seeder {
    static final Instant YEAR_START = Instant.parse("2026-01-05T00:00:00Z");
    private static final Logger LOG = LoggerFactory.getLogger(Seeder.class);
    private static final String[] RULES = {"FREQ=WEEKLY;COUNT=10", "FREQ=MONTHLY;COUNT=12", "FREQ=DAILY;COUNT=5",
        "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=8", "FREQ=YEARLY;COUNT=3"};
    private static final String[] ZONES = {"Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC"};

    private final Api api;
    private final String session;
    private final ExecutorService pool = Executors.newFixedThreadPool(16, r -> {
        Thread t = new Thread(r, "seeder");
        t.setDaemon(true);
        return t;
    });

    Seeder(Api api, String session) {
        this.api = api;
        this.session = session;
    }

    /**
     * @param writers how many connections write at most: create-event gets agents
     *                {@code FIRST_WRITER ..} and update-event the same number after them, one event each
     */
    Dataset seed(int agents, int bigEvents, int thousandEvents, int writers, String jdbcUrl) throws Exception {
        if (Dataset.FIRST_WRITER + 2 * writers > agents) {
            throw new IllegalArgumentException("At most " + (agents - Dataset.FIRST_WRITER) / 2 + " writing connections");
        }
        long t0 = System.nanoTime();
        List<Future<Dataset.SeededAgent>> created = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            int n = i;
            created.add(pool.submit(() -> createAgent(n)));
        }
        List<Dataset.SeededAgent> all = new ArrayList<>();
        for (Future<Dataset.SeededAgent> f : created) {
            all.add(f.get());
        }
        LOG.info("{} agents in {} s", agents, secondsSince(t0));
        Dataset.SeededAgent big = all.get(0);
        Dataset.SeededAgent thousand = all.get(1);
        long t1 = System.nanoTime();
        List<String> bigIds = createEvents(big, bigEvents);
        List<String> thousandIds = createEvents(thousand, thousandEvents);
        List<Dataset.UpdateTarget> targets = new ArrayList<>();
        List<Future<String>> targetEvents = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            Dataset.SeededAgent agent = all.get(Dataset.FIRST_WRITER + writers + i);
            Map<String, Object> body = eventBody(i, YEAR_START.plus(Duration.ofDays(i)));
            targetEvents.add(pool.submit(() -> api.send("POST", "/api/v1/events", agent.apiKey(), body, 201)
                    .path("event").path("id").asText()));
        }
        for (int i = 0; i < writers; i++) {
            targets.add(new Dataset.UpdateTarget(all.get(Dataset.FIRST_WRITER + writers + i), targetEvents.get(i).get()));
        }
        LOG.info("{} events through the API in {} s", bigEvents + thousandEvents + writers, secondsSince(t1));
        int documents = createDocuments(all.subList(0, Math.min(100, all.size())), 3);
        long bulk = bulkEvents(jdbcUrl, List.of(big.id(), thousand.id()));
        LOG.info("{} background events by SQL; seeding took {} s", bulk, secondsSince(t0));
        pool.shutdown();
        return new Dataset(all, big, bigIds, thousand, thousandIds, List.copyOf(targets),
                bulk + bigEvents + thousandEvents + writers, documents);
    }

    private Dataset.SeededAgent createAgent(int n) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Agent " + n);
        body.put("description", "Benchmark agent number " + n);
        body.put("timezone", ZONES[n % ZONES.length]);
        JsonNode r = api.send("POST", "/api/dashboard/agents", session, body, 201);
        return new Dataset.SeededAgent(r.path("agent").path("id").asText(), r.path("apiKey").asText(),
                r.path("subscription").path("url").asText());
    }

    /** {@code count} events over one year from {@link #YEAR_START}; every tenth one recurs. */
    private List<String> createEvents(Dataset.SeededAgent agent, int count) throws Exception {
        Duration spacing = Duration.ofDays(364).dividedBy(count);
        List<Future<String>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> body = eventBody(i, YEAR_START.plus(spacing.multipliedBy(i)));
            futures.add(pool.submit(() -> api.send("POST", "/api/v1/events", agent.apiKey(), body, 201)
                    .path("event").path("id").asText()));
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> f : futures) {
            ids.add(f.get());
        }
        return Collections.unmodifiableList(ids);
    }

    static Map<String, Object> eventBody(int i, Instant start) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Meeting " + i + " with the team about the quarterly plan");
        body.put("start", start.toString());
        body.put("end", start.plus(Duration.ofMinutes(30 + (i % 4) * 15)).toString());
        body.put("description", "Agenda: review, decisions, next steps. Item " + i + ".");
        if (i % 3 == 0) {
            body.put("location", "Room " + (i % 17));
        }
        if (i % 10 == 0) {
            body.put("rrule", RULES[(i / 10) % RULES.length]);
            body.put("timezone", ZONES[i % ZONES.length]);
        }
        if (i % 5 == 0) {
            body.put("color", "#3366cc");
        }
        return body;
    }

    private int createDocuments(List<Dataset.SeededAgent> agents, int each) throws Exception {
        List<Future<JsonNode>> futures = new ArrayList<>();
        String content = "# Notes\n\n" + "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(40);
        for (Dataset.SeededAgent agent : agents) {
            for (int i = 0; i < each; i++) {
                Map<String, Object> body = Map.of("title", "Notes " + i, "content", content);
                futures.add(pool.submit(() -> api.send("POST", "/api/v1/docs", agent.apiKey(), body, 201)));
            }
        }
        for (Future<JsonNode> f : futures) {
            f.get();
        }
        return futures.size();
    }

    private static long bulkEvents(String jdbcUrl, List<String> exclude) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
             PreparedStatement s = c.prepareStatement("""
                     insert into events (id, calendar_id, agent_id, title, start_at, end_at, all_day, description,
                                         location, rrule, timezone, color, version, created_at, updated_at)
                     select gen_random_uuid(), c.id, c.agent_id, 'Background event ' || g,
                            timestamptz '2026-01-05' + g * interval '41 hours',
                            timestamptz '2026-01-05' + g * interval '41 hours' + interval '45 minutes',
                            false, 'Seeded in bulk', null,
                            case when g % 10 = 0 then 'FREQ=WEEKLY;COUNT=10' end, null, null, 1, now(), now()
                     from calendars c
                     cross join lateral generate_series(1, 20 + abs(hashtext(c.agent_id::text)) % 181) g
                     where c.agent_id::text <> all (?)
                     """)) {
            s.setArray(1, c.createArrayOf("text", exclude.toArray()));
            long n = s.executeUpdate();
            try (var a = c.createStatement()) {
                // Vacuum too, not only analyze: otherwise autovacuum wakes up for the 120,000 fresh
                // rows during the first measured scenario and takes its CPU.
                a.execute("vacuum analyze");
            }
            return n;
        }
    }

    private static String secondsSince(long t0) {
        return String.format("%.1f", (System.nanoTime() - t0) / 1e9);
    }
}
