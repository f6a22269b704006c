package org.agentworkspace.core.port.in;

/** {@code GET /api/cal/{agentId}/{token}.ics}: the token is the credential. */
public interface ServeFeed {

    /**
     * Finds the subscription, records the fetch (at most one write a minute per client), and
     * returns the feed.
     *
     * @throws org.agentworkspace.core.domain.NotFound alike for a wrong agent, a wrong, rotated or
     *     revoked token, and a malformed one
     */
    FeedResponse open(String agentId, String token, String userAgent);
}
