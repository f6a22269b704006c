package org.agentworkspace.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.OptionalLong;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.port.in.OccurrenceInput;
import org.agentworkspace.core.port.in.OverrideOccurrence;
import org.agentworkspace.core.port.in.SplitSeries;

/**
 * {@code update_occurrence}: {@code PATCH /api/v1/events/{id}/occurrences/{originalStart}}, "this
 * occurrence", or with {@code following=true} "this and following" (a new series from here on).
 */
final class UpdateOccurrenceTool extends WriteTool {

    private final OverrideOccurrence overrideOccurrence;
    private final SplitSeries splitSeries;

    UpdateOccurrenceTool(OverrideOccurrence overrideOccurrence, SplitSeries splitSeries, Writes writes) {
        super("update_occurrence", "Update an occurrence", Effect.WRITES, Scope.EVENTS_WRITE,
                "Changes one occurrence of a recurring series, named by id and original_start. By default only "
                        + "this occurrence: any of title, start, end, description, location, color (null gives "
                        + "that field back to the series); moving it keeps its original_start. Answers "
                        + "{\"occurrence\", \"etag\"}. With following=true, this and every later occurrence: the "
                        + "series ends before it and a new series with the old one's fields plus your changes "
                        + "(rrule, timezone and allDay too) starts here; answers the new series as {\"event\", "
                        + "\"etag\"}. if_match takes the series' etag (get_event).",
                EventFields.addTo(EventFields.occurrence(Schema.object()), true)
                        .required("id", "original_start"), true,
                Schema.shape().object("occurrence", Outputs.occurrence()).object("event", Outputs.event())
                        .string("etag", Writes.ETAG).required("etag"),
                writes);
        this.overrideOccurrence = overrideOccurrence;
        this.splitSeries = splitSeries;
    }

    @Override
    ObjectNode write(AgentPrincipal agent, Arguments a) {
        String id = a.required("id");
        String originalStart = a.required("original_start");
        OptionalLong expected = Writes.expectedVersion(a);
        if (a.bool("following").orElse(false)) {
            return McpJson.taggedEvent(splitSeries.split(agent, id, originalStart, EventFields.input(a), expected));
        }
        OccurrenceInput.refuseSeriesFields(a::has);
        OccurrenceInput input = new OccurrenceInput(a.stringField("title"), a.stringField("start"),
                a.stringField("end"), a.stringField("description"), a.stringField("location"), a.stringField("color"));
        Event occurrence = overrideOccurrence.override(agent, id, originalStart, input, expected);
        return McpJson.tagged("occurrence", McpJson.occurrence(occurrence), occurrence.version());
    }
}
