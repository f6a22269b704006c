package org.agentworkspace.core.usecase;

import java.time.Duration;
import org.agentworkspace.core.port.out.AgentRepository;
import org.agentworkspace.core.port.out.EventRepository;
import org.agentworkspace.core.port.out.FeedRenderer;
import org.agentworkspace.core.port.out.Transactions;

/**
 * What a feed is read and rendered from, once for its validators ({@link ServeFeedService}) and
 * again for its body ({@link LazyFeed}).
 *
 * @param refreshInterval the refresh hint written into feeds
 */
record FeedReads(Transactions transactions, AgentRepository agents, EventRepository events, FeedRenderer renderer,
                 Duration refreshInterval) {
}
