package org.agentworkspace.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This instance's memory of client addresses whose failed-authentication bucket in PostgreSQL was
 * found empty, until that bucket refills. It lets a flood of bad credentials from one address be
 * refused without a credential lookup and without a database round trip per request; the shared
 * bucket stays the authority (another instance learns of the block on its first failure from that
 * address). Bounded, so a flood from many addresses cannot grow it without limit; when full it
 * stops remembering, and the database bucket still refuses.
 */
final class BlockedAddresses {
    static final int MAX_ENTRIES = 10_000;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final Map<String, Long> blockedUntil = new ConcurrentHashMap<>();

    void block(String address, long seconds) {
        long now = System.nanoTime();
        if (blockedUntil.size() >= MAX_ENTRIES) {
            blockedUntil.values().removeIf(until -> until - now <= 0);
            if (blockedUntil.size() >= MAX_ENTRIES) {
                return;
            }
        }
        blockedUntil.put(address, now + seconds * NANOS_PER_SECOND);
    }

    /** Whether no address is remembered as blocked (expired entries may still count). */
    boolean isEmpty() {
        return blockedUntil.isEmpty();
    }

    /** Seconds the address stays blocked (at least 1), or 0 when it is not blocked. */
    long secondsBlocked(String address) {
        Long until = blockedUntil.get(address);
        if (until == null) {
            return 0;
        }
        long left = until - System.nanoTime();
        if (left <= 0) {
            blockedUntil.remove(address, until);
            return 0;
        }
        return Math.max(1, (left + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
    }
}
