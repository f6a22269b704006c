package org.agentworkspace.bench;

import java.net.URI;
import java.util.List;

/**
 * What the seeder created and the scenarios use: every agent (id, key, feed URL), the agent with
 * 10,000 events and the ids of its events, the agent with 1,000 events and its event ids, and
 * the agents whose one event each {@code update-event} connection patches (its own agent, so
 * connections do not queue on one calendar row).
 */
record Dataset(List<SeededAgent> agents, SeededAgent big, List<String> bigEventIds, SeededAgent thousand,
               List<String> thousandEventIds, List<UpdateTarget> updateTargets, long totalEvents, int documents) {

    /** The first agent index that create-event connections write into (one agent per connection). */
    static final int FIRST_WRITER = 2;

    record SeededAgent(String id, String apiKey, String feedUrl) {
        /** The feed token: the last path segment of the feed URL without {@code .ics}. */
        String feedToken() {
            String path = URI.create(feedUrl).getRawPath();
            return path.substring(path.lastIndexOf('/') + 1, path.length() - ".ics".length());
        }
    }

    record UpdateTarget(SeededAgent agent, String eventId) {
    }
}
