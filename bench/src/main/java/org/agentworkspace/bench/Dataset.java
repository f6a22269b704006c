package org.agentworkspace.bench;

import java.util.List;

/**
 * What the seeder created and the scenarios use: every agent (id, key, feed URL), the agent with
 * 10,000 events and the ids of its events, the agent with 1,000 events and its event ids.
 */
record Dataset(List<SeededAgent> agents, SeededAgent big, List<String> bigEventIds, SeededAgent thousand,
               List<String> thousandEventIds, long totalEvents, int documents) {

    record SeededAgent(String id, String apiKey, String feedUrl) {
    }
}
