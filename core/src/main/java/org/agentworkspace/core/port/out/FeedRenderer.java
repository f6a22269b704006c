package org.agentworkspace.core.port.out;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;
import org.agentworkspace.core.domain.Event;

/** Writes an iCalendar feed (RFC 5545) as events arrive, without holding them all. */
public interface FeedRenderer {

    /** The value of the HTTP Content-Type header for what {@link #render} writes. */
    String contentType();

    /**
     * Writes the whole VCALENDAR to {@code out}: header, then each event that {@code events}
     * pushes into the sink it is given, then the end. Does not close {@code out}.
     */
    void render(FeedHeader header, Consumer<Consumer<Event>> events, OutputStream out) throws IOException;
}
