package org.agentworkspace.http.limits;

/**
 * Grants or refuses one unit of quota to a subject of a partition. Implementations share their
 * counts between every instance of the server, so a limit is a limit of the deployment.
 */
public interface RateLimiter {

    /** The quota of a partition, as announced in {@code RateLimit-Policy}. */
    RateLimitPolicy policy(Partition partition);

    /**
     * Takes one unit from {@code subject}'s bucket in {@code partition}.
     *
     * @param subject names the bucket; must never be a secret (hash it first)
     * @throws RateLimiterUnavailable when the shared state cannot be reached
     */
    RateDecision consume(Partition partition, String subject);
}
