package org.agentworkspace.core.usecase;

import org.agentworkspace.core.domain.EventDraft;
import org.agentworkspace.core.port.in.EventInput;

/** The inbound event body as the domain's draft; the two differ only in the package they live in. */
final class EventDrafts {
    private EventDrafts() {
    }

    static EventDraft of(EventInput in) {
        return new EventDraft(in.title(), in.start(), in.end(), in.allDay(), in.description(), in.location(),
                in.rrule(), in.timezone(), in.color());
    }
}
