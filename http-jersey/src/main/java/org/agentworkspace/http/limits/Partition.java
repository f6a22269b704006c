package org.agentworkspace.http.limits;

/**
 * What a limit is counted against. The wire name is the partition name of the IETF
 * {@code RateLimit-Policy} and {@code RateLimit} fields.
 */
public enum Partition {
    /** One agent's API key (the agent id names it; a regenerated key keeps the count). */
    KEY("key"),
    /** One subscription's feed token (its SHA-256 names it). */
    FEED("feed"),
    /** One user on the dashboard API. */
    USER("user"),
    /** One client address, charged only for failed authentication. */
    AUTH("auth");

    private final String wireName;

    Partition(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
