package org.agentworkspace.core.fakes;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.agentworkspace.core.domain.Event;
import org.agentworkspace.core.port.out.FeedHeader;
import org.agentworkspace.core.port.out.FeedRenderer;

/** Writes a plain-text listing of everything it is given, so tests can see what reached the renderer. */
public final class TextFeedRenderer implements FeedRenderer {

    @Override
    public String contentType() {
        return "text/plain; charset=utf-8";
    }

    @Override
    public void render(FeedHeader header, Consumer<Consumer<Event>> events, OutputStream out) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append("calendar ").append(header.agent().name()).append(' ').append(header.agent().timezone())
                .append(" detail=").append(header.detail().wireName())
                .append(" generated=").append(header.generatedAt())
                .append(" refresh=").append(header.refreshInterval())
                .append(" zones=").append(header.zones().stream().map(Object::toString).sorted()
                        .reduce((a, b) -> a + "," + b).orElse(""))
                .append('\n');
        events.accept(e -> text.append("event ").append(e.id()).append(' ').append(e.data().title())
                .append(" v").append(e.version()).append('\n'));
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }

}
