package org.agentworkspace.bench;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import org.agentworkspace.bench.load.HttpConnection;
import org.agentworkspace.bench.load.Requests;
import org.agentworkspace.bench.load.Scenario;

/** The product's hot paths as request streams over the seeded {@link Dataset}. */
final class ProductScenarios {
    private static final String ALPHABET = "useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict";
    private final String host;
    private final Dataset data;

    ProductScenarios(String host, Dataset data) {
        this.host = host;
        this.data = data;
    }

    /** Round-robin over prepared requests; each connection starts at its own offset. */
    static Scenario fixed(String name, List<byte[]> requests, IntPredicate ok) {
        return fixed(name, requests, false, r -> ok.test(r.status()));
    }

    /** The same, with a check of the whole response; {@code keepBody} when the check reads the body. */
    static Scenario fixed(String name, List<byte[]> requests, boolean keepBody, Predicate<HttpConnection.Response> ok) {
        return new Scenario() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Session open(int connection) {
                return new Session() {
                    int next = (int) ((long) connection * requests.size() / 64);

                    @Override
                    public byte[] next() {
                        byte[] r = requests.get(next);
                        next = (next + 1) % requests.size();
                        return r;
                    }

                    @Override
                    public boolean keepBody() {
                        return keepBody;
                    }

                    @Override
                    public boolean accept(HttpConnection.Response response) {
                        return ok.test(response);
                    }
                };
            }
        };
    }

    Scenario getEvent() {
        List<byte[]> requests = new ArrayList<>();
        for (String id : data.bigEventIds()) {
            requests.add(Requests.build("GET", host, "/api/v1/events/" + id, null,
                    "Authorization", "Bearer " + data.big().apiKey()));
        }
        return fixed("get-event", requests, s -> s == 200);
    }

    /** One week of the 10,000-event calendar, recurring series expanded, as a calendar client asks. */
    Scenario listWeek() {
        List<byte[]> requests = new ArrayList<>();
        for (int week = 0; week < 50; week++) {
            Instant from = Seeder.YEAR_START.plus(Duration.ofDays(7L * week));
            requests.add(Requests.build("GET", host, "/api/v1/events?start_after=" + from + "&start_before="
                    + from.plus(Duration.ofDays(7)) + "&expand=true&limit=500", null,
                    "Authorization", "Bearer " + data.big().apiKey()));
        }
        return fixed("list-week", requests, s -> s == 200);
    }

    Scenario feed(String name, Dataset.SeededAgent agent) {
        return fixed(name, List.of(Requests.build("GET", host, URI.create(agent.feedUrl()).getRawPath(), null)),
                s -> s == 200);
    }

    Scenario feedNotModified(String name, Dataset.SeededAgent agent, String etag) {
        return fixed(name, List.of(Requests.build("GET", host, URI.create(agent.feedUrl()).getRawPath(), null,
                "If-None-Match", etag)), s -> s == 304);
    }

    Scenario dashboardAgents(String session) {
        return fixed("dashboard-agents", List.of(Requests.build("GET", host, "/api/dashboard/agents", null,
                "Authorization", "Bearer " + session)), s -> s == 200);
    }

    /** Well-formed-looking keys with wrong checksums: refused before any database work. */
    Scenario failedAuth() {
        SecureRandom random = new SecureRandom();
        List<byte[]> requests = new ArrayList<>();
        for (int i = 0; i < 4096; i++) {
            StringBuilder key = new StringBuilder("ak_");
            for (int j = 0; j < 40; j++) {
                key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            requests.add(Requests.build("GET", host, "/api/v1/me", null, "Authorization", "Bearer " + key));
        }
        return fixed("failed-auth", requests, s -> s == 401);
    }

    /** Each connection writes into its own agent (from {@link Dataset#FIRST_WRITER}), as independent agents would. */
    Scenario createEvent() {
        return createEvent("create-event");
    }

    /**
     * The same creates after {@code BenchMain} gave every writing agent a webhook endpoint: each
     * create then also queues a webhook message in its transaction (the sender is off in the
     * bench, so only the outbox write is added).
     */
    Scenario createEventWithOutbox() {
        return createEvent("create-event-outbox");
    }

    private Scenario createEvent(String name) {
        return new Scenario() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Session open(int connection) {
                Dataset.SeededAgent agent = data.agents().get(Dataset.FIRST_WRITER
                        + connection % data.updateTargets().size());
                return new Session() {
                    int n;

                    @Override
                    public byte[] next() {
                        n++;
                        Map<String, Object> body = Seeder.eventBody(n, Seeder.YEAR_START.plus(Duration.ofHours(n)));
                        return Requests.build("POST", host, "/api/v1/events", json(body),
                                "Authorization", "Bearer " + agent.apiKey());
                    }

                    @Override
                    public boolean accept(HttpConnection.Response response) {
                        return response.status() == 201;
                    }
                };
            }
        };
    }

    /**
     * Each connection patches the one event of its own agent with {@code If-Match} set to the ETag
     * of its previous answer, so a 412 would be a real lost update; own agents, because every
     * event write also bumps its calendar's row (the feed's validators), and connections sharing
     * one calendar would queue on that row lock.
     */
    Scenario updateEvent(String[] etags) {
        return new Scenario() {
            @Override
            public String name() {
                return "update-event";
            }

            @Override
            public Session open(int connection) {
                Dataset.UpdateTarget target = data.updateTargets().get(connection % data.updateTargets().size());
                int slot = connection % etags.length;
                return new Session() {
                    int n;

                    @Override
                    public byte[] next() {
                        n++;
                        return Requests.build("PATCH", host, "/api/v1/events/" + target.eventId(),
                                json(Map.of("title", "Renamed " + n, "location", "Room " + (n % 9))),
                                "Authorization", "Bearer " + target.agent().apiKey(), "If-Match", etags[slot]);
                    }

                    @Override
                    public boolean accept(HttpConnection.Response response) {
                        if (response.status() == 200 && response.etag() != null) {
                            etags[slot] = response.etag();
                            return true;
                        }
                        return false;
                    }
                };
            }
        };
    }

    /**
     * {@code tools/call get_event} over the MCP endpoint (stateless Streamable HTTP: one JSON-RPC
     * request per POST, answered with {@code application/json}), the same ids and key as
     * {@link #getEvent()}; a result with {@code isError} counts as an error.
     */
    Scenario mcpGetEvent() {
        List<byte[]> requests = new ArrayList<>();
        int n = 0;
        for (String id : data.bigEventIds()) {
            String body = "{\"jsonrpc\":\"2.0\",\"id\":" + (++n) + ",\"method\":\"tools/call\",\"params\":"
                    + "{\"name\":\"get_event\",\"arguments\":{\"id\":\"" + id + "\"}}}";
            requests.add(Requests.build("POST", host, "/mcp", body, "Authorization", "Bearer " + data.big().apiKey(),
                    "Accept", "application/json, text/event-stream", "MCP-Protocol-Version", "2025-06-18"));
        }
        return fixed("mcp-get-event", requests, true, r -> r.status() == 200
                && r.bodyContains("\"isError\":false") && r.bodyContains("\"result\""));
    }

    private static String json(Object body) {
        try {
            return Api.JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ladder of the ceiling server (see {@code CeilingResource}) over the same data as the product's scenarios. */
    static final class Ceiling {
        private final String host;
        private final Dataset data;

        Ceiling(String host, Dataset data) {
            this.host = host;
            this.data = data;
        }

        Scenario hello() {
            return fixed("ceiling/hello", List.of(Requests.build("GET", host, "/hello", null)), s -> s == 200);
        }

        Scenario row() {
            return perEvent("ceiling/row", id -> "/row/" + id);
        }

        Scenario rowRls() {
            return perEvent("ceiling/row-rls", id -> "/row-rls/" + data.big().id() + "/" + id);
        }

        Scenario rowAuthenticated() {
            return perEvent("ceiling/row-authenticated", id -> "/row-authenticated/" + id);
        }

        Scenario ics() {
            return fixed("ceiling/ics-10k", List.of(Requests.build("GET", host, "/ics/" + data.big().id(), null)),
                    s -> s == 200);
        }

        String feedPath() {
            return "/feed-304/" + data.big().id() + "/" + data.big().feedToken();
        }

        Scenario feedNotModified(String etag) {
            return fixed("ceiling/feed-304", List.of(Requests.build("GET", host, feedPath(), null,
                    "If-None-Match", etag)), s -> s == 304);
        }

        /** The same ids as {@code get-event}; the key is sent to every rung (only the last reads it). */
        private Scenario perEvent(String name, java.util.function.Function<String, String> path) {
            List<byte[]> requests = new ArrayList<>();
            for (String id : data.bigEventIds()) {
                requests.add(Requests.build("GET", host, path.apply(id), null,
                        "Authorization", "Bearer " + data.big().apiKey()));
            }
            return fixed(name, requests, s -> s == 200);
        }
    }
}
