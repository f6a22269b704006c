package org.agentworkspace.core.usecase;

import java.util.OptionalLong;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.port.in.EndSeries;

/** Deletes "this and following": UNTIL before the occurrence and the later exceptions gone, or the whole series from its first. */
final class EndSeriesService implements EndSeries {
    private final SeriesWrites series;

    EndSeriesService(SeriesWrites series) {
        this.series = series;
    }

    @Override
    public void endBefore(AgentPrincipal agent, String eventId, String originalStart, OptionalLong expectedVersion) {
        series.writeOccurrence(agent, eventId, originalStart, expectedVersion,
                (scope, target) -> series.endBefore(scope, target) ? Boolean.TRUE : null);
    }
}
