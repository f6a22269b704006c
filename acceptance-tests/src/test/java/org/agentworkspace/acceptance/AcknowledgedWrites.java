package org.agentworkspace.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The checks after a fault: acknowledged events present and identical, retries create no duplicates. */
final class AcknowledgedWrites {
    private AcknowledgedWrites() {
    }

    /** @return the problems found; counts the writes checked and lost on the scoreboard */
    static List<String> verify(Api api, String apiKey, List<EventWriter.Write> writes) {
        Scoreboard.ACKNOWLEDGED_WRITES_CHECKED.addAndGet(writes.stream().filter(w -> w.acknowledged() != null).count());
        List<String> problems = lost(api, apiKey, writes);
        Scoreboard.WRITES_LOST.addAndGet(problems.size());
        return problems;
    }

    /** One line per acknowledged write that is gone or changed; the scoreboard is left alone. */
    static List<String> lost(Api api, String apiKey, List<EventWriter.Write> writes) {
        List<String> problems = new ArrayList<>();
        for (EventWriter.Write w : writes) {
            if (w.acknowledged() == null) {
                continue;
            }
            Api.Reply read = afterAnyRateLimit(() -> api.get("/api/v1/events/" + w.acknowledged().path("id").asText(), apiKey));
            if (read.status() != 200 || !read.json().path("event").equals(w.acknowledged())) {
                problems.add("acknowledged " + w.acknowledged() + " now reads " + read);
            }
        }
        return problems;
    }

    /** Retries every unanswered create with its key and body; each must end in exactly one event. */
    static List<String> retryUnanswered(Api api, String apiKey, List<EventWriter.Write> writes) {
        List<String> problems = new ArrayList<>();
        for (EventWriter.Write w : writes) {
            if (w.acknowledged() != null || (w.status() >= 400 && w.status() < 500)) {
                continue;
            }
            Api.Reply retry = afterAnyRateLimit(() -> api.send("POST", "/api/v1/events",
                    EventWriter.headers(apiKey, w.key()), w.body().getBytes(StandardCharsets.UTF_8)));
            if (retry.status() != 201) {
                problems.add("retry of " + w.key() + " → " + retry);
            }
        }
        Map<String, Integer> perTitle = new HashMap<>();
        for (JsonNode event : allEvents(api, apiKey)) {
            perTitle.merge(event.path("title").asText(), 1, Integer::sum);
        }
        perTitle.forEach((title, count) -> {
            if (count > 1 && title.startsWith("durable ")) {
                problems.add(count + " events for one idempotency key: " + title);
            }
        });
        return problems;
    }

    static List<JsonNode> allEvents(Api api, String apiKey) {
        List<JsonNode> all = new ArrayList<>();
        // Bounded: a server that kept answering full pages would otherwise keep this loop going.
        for (int offset = 0; offset < 1_000_000; offset += 500) {
            int from = offset;
            Api.Reply page = afterAnyRateLimit(() -> api.get("/api/v1/events?limit=500&offset=" + from, apiKey));
            assertThat(page.status()).as("list: %s", page).isEqualTo(200);
            JsonNode events = page.json().path("events");
            events.forEach(all::add);
            if (events.size() < 500) {
                return all;
            }
        }
        throw new AssertionError("More than a million events listed: the paging does not end");
    }

    /**
     * The reply once the key's quota allows it: at the default limits the load before the check may
     * have spent the key's window, and the check must wait it out as a client honouring
     * {@code Retry-After} would, not count a 429 as a lost write. Bounded by a deadline.
     */
    private static Api.Reply afterAnyRateLimit(java.util.function.Supplier<Api.Reply> request) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(3);
        Api.Reply reply = request.get();
        while (reply.status() == 429 && System.nanoTime() < deadline) {
            long seconds = reply.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
            try {
                Thread.sleep(java.util.concurrent.TimeUnit.SECONDS.toMillis(Math.max(1, Math.min(seconds, 61))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            reply = request.get();
        }
        return reply;
    }
}
