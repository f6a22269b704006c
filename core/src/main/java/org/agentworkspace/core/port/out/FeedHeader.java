package org.agentworkspace.core.port.out;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.FeedDetail;

/**
 * Everything a feed renderer needs besides the events: the agent (name, timezone), the detail
 * level, when the feed is generated (DTSTAMP), the refresh hint, and every zone the events use
 * (the renderer emits a VTIMEZONE for each, plus the agent's own).
 */
public record FeedHeader(Agent agent, FeedDetail detail, Instant generatedAt, Duration refreshInterval,
                         Set<ZoneId> zones) {
    public FeedHeader {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(refreshInterval, "refreshInterval");
        zones = Set.copyOf(zones);
    }
}
