package org.agentworkspace.acceptance;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the run tried and found, shared by every test of the module and printed as one table when the
 * run ends ({@link SummaryListener}). Leaks and lost writes are counted here and asserted zero by the test
 * that found them, so a failure is both a red test and a non-zero line in the table.
 */
final class Scoreboard {
    static final Set<String> ROUTES = ConcurrentHashMap.newKeySet();
    static final Set<String> CREDENTIAL_KINDS = ConcurrentHashMap.newKeySet();
    static final Set<String> ATTACKERS = ConcurrentHashMap.newKeySet();
    static final AtomicLong MATRIX_CELLS = new AtomicLong();
    static final AtomicLong FUZZ_CASES = new AtomicLong();
    static final AtomicLong FUZZ_REQUESTS_REJECTED = new AtomicLong();
    static final AtomicLong CONTAINER_REJECTIONS = new AtomicLong();
    static final AtomicLong ROTATION_REQUESTS = new AtomicLong();
    static final AtomicLong FAULTS_INJECTED = new AtomicLong();
    static final AtomicLong ACKNOWLEDGED_WRITES_CHECKED = new AtomicLong();
    static final AtomicLong WEBHOOK_DELIVERIES = new AtomicLong();
    static final AtomicLong OUTAGE_REQUESTS = new AtomicLong();
    static final AtomicLong LEAKS = new AtomicLong();
    static final AtomicLong WRITES_LOST = new AtomicLong();
    static final AtomicLong SERVER_ERRORS = new AtomicLong();

    private Scoreboard() {
    }

    static String table(long elapsedMillis) {
        StringBuilder t = new StringBuilder();
        t.append("| measure | value |\n|---|---|\n");
        row(t, "routes (method × path) covered", ROUTES.size());
        row(t, "credential kinds", CREDENTIAL_KINDS.size() + " " + new java.util.TreeSet<>(CREDENTIAL_KINDS));
        row(t, "routes × credential kinds", ROUTES.size() * CREDENTIAL_KINDS.size());
        row(t, "attackers (each runs the whole matrix)", ATTACKERS.size() + " " + new java.util.TreeSet<>(ATTACKERS));
        row(t, "isolation matrix cells (route × credential × id slot fill)", MATRIX_CELLS.get());
        row(t, "fuzz cases tried", FUZZ_CASES.get() + " (" + FUZZ_REQUESTS_REJECTED.get() + " answered 4xx)");
        row(t, "fuzz cases refused by the HTTP container (request head over 8 KiB, empty 400)", CONTAINER_REJECTIONS.get());
        row(t, "requests during key/token rotation and deletion", ROTATION_REQUESTS.get());
        row(t, "webhook deliveries (forged, replayed, stale, future, oversized, signed hostile payloads)", WEBHOOK_DELIVERIES.get());
        row(t, "requests during database outages", OUTAGE_REQUESTS.get());
        row(t, "faults injected (kill -9, database stops, rotations, deletions)", FAULTS_INJECTED.get());
        row(t, "acknowledged writes checked", ACKNOWLEDGED_WRITES_CHECKED.get());
        row(t, "unexpected 5xx", SERVER_ERRORS.get());
        row(t, "leaks found (must be 0)", LEAKS.get());
        row(t, "writes lost (must be 0)", WRITES_LOST.get());
        row(t, "settings", Knobs.describe());
        row(t, "run time", (elapsedMillis / 1000) + " s");
        return t.toString();
    }

    private static void row(StringBuilder t, String name, Object value) {
        t.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    static void write(String table) {
        try {
            Files.createDirectories(Knobs.workDir());
            Files.writeString(Knobs.workDir().resolve("summary.md"), table);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
