package org.agentworkspace.core.usecase;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Tunables of the change log and the webhook sender.
 *
 * @param cursorKey 32 bytes that seal sync cursors, the same on every instance (stored in the database)
 * @param cursorLifetime a cursor older than this is refused (410); shorter than the tombstone retention
 * @param tombstoneRetention deletions are kept in the change log at least this long
 * @param messageRetention finished webhook messages (the delivery log) are kept this long
 * @param retryDelays the delay before each retry after a failed attempt; when they run out the message fails
 * @param lease how long a claimed message is reserved for the instance that sends it
 * @param disableAfter an endpoint failing this long is disabled
 * @param batchSize messages claimed per step
 */
public record SyncSettings(byte[] cursorKey, Duration cursorLifetime, Duration tombstoneRetention,
                           Duration messageRetention, List<Duration> retryDelays, Duration lease,
                           Duration disableAfter, int batchSize) {
    /** API.md: "about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h". */
    public static final List<Duration> CONTRACT_RETRY_DELAYS = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
            Duration.ofHours(10));

    public SyncSettings {
        Objects.requireNonNull(cursorKey, "cursorKey");
        if (cursorKey.length != 32) {
            throw new IllegalArgumentException("the cursor key has 32 bytes");
        }
        cursorKey = cursorKey.clone();
        Objects.requireNonNull(cursorLifetime, "cursorLifetime");
        Objects.requireNonNull(tombstoneRetention, "tombstoneRetention");
        if (cursorLifetime.compareTo(tombstoneRetention) >= 0) {
            throw new IllegalArgumentException("cursors must expire before the tombstones they rely on");
        }
        Objects.requireNonNull(messageRetention, "messageRetention");
        retryDelays = List.copyOf(retryDelays);
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(disableAfter, "disableAfter");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
    }

    /**
     * The contract's figures: cursors live 30 days, tombstones stay 31 (a day's margin for a
     * transaction that committed its deletion late), deliveries are logged 30 days, a message is
     * leased for 60 s (a send is bounded by 10 s of reading plus connecting).
     */
    public static SyncSettings defaults(byte[] cursorKey) {
        return new SyncSettings(cursorKey, Duration.ofDays(30), Duration.ofDays(31), Duration.ofDays(30),
                CONTRACT_RETRY_DELAYS, Duration.ofSeconds(60), Duration.ofDays(5), 20);
    }

    @Override
    public byte[] cursorKey() {
        return cursorKey.clone();
    }
}
