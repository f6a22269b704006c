package org.agentworkspace.http.archfixtures;

import org.agentworkspace.core.port.out.EventRepository;

/** Breaks "repositories are never used by http classes". */
public class ResourceReachingARepository {
    private final EventRepository events;

    public ResourceReachingARepository(EventRepository events) {
        this.events = events;
    }

    public EventRepository events() {
        return events;
    }
}
