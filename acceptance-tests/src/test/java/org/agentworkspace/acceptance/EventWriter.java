package org.agentworkspace.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writers creating events as fast as the server takes them, each create with its own
 * {@code Idempotency-Key}; it remembers which creates were acknowledged (with the event as answered)
 * and which were sent without an answer, so a test can check the first survived and retry the second.
 */
final class EventWriter {
    /** One create: the key and body sent, and the event as the server acknowledged it (null when it did not). */
    record Write(String key, String body, JsonNode acknowledged, int status, long startedNanos, long endedNanos) {
    }

    private final List<Write> writes = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final ExecutorService pool;

    private EventWriter(ExecutorService pool) {
        this.pool = pool;
    }

    static EventWriter start(Api api, String apiKey, int threads) {
        EventWriter writer = new EventWriter(Executors.newFixedThreadPool(threads));
        for (int t = 0; t < threads; t++) {
            writer.pool.submit(() -> writer.loop(api, apiKey));
        }
        return writer;
    }

    private void loop(Api api, String apiKey) {
        while (!stop.get()) {
            String key = UUID.randomUUID().toString();
            String body = body(key);
            long started = System.nanoTime();
            try {
                Api.Reply reply = api.send("POST", "/api/v1/events", headers(apiKey, key), body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                JsonNode event = reply.status() == 201 ? reply.json().path("event") : null;
                writes.add(new Write(key, body, event, reply.status(), started, System.nanoTime()));
                if (event != null) {
                    acknowledged.incrementAndGet();
                }
            } catch (UncheckedIOException e) {
                writes.add(new Write(key, body, null, -1, started, System.nanoTime()));
            }
        }
    }

    static String body(String key) {
        return "{\"title\":\"durable " + key + "\",\"start\":\"2026-07-01T09:00:00Z\",\"end\":\"2026-07-01T10:00:00Z\","
                + "\"description\":\"written under fire\",\"color\":\"#abcdef\"}";
    }

    static Map<String, String> headers(String apiKey, String idempotencyKey) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Authorization", "Bearer " + apiKey);
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("Idempotency-Key", idempotencyKey);
        return headers;
    }

    int acknowledged() {
        return acknowledged.get();
    }

    /** Sends no further creates; those in flight finish. */
    void halt() {
        stop.set(true);
    }

    List<Write> stop() {
        halt();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(120, TimeUnit.SECONDS)) {
                throw new AssertionError("Writers still running 120 s after they were told to stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while stopping the writers", e);
        }
        return List.copyOf(writes);
    }
}
