package org.agentworkspace.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.agentworkspace.core.domain.Issues;
import org.agentworkspace.core.port.in.WebhookInput;

/** {@code {url, events?}} as core's input; unknown fields and wrong JSON types are refused here with every issue. */
final class WebhookInputs {
    private static final List<String> FIELDS = List.of("url", "events");

    private WebhookInputs() {
    }

    static WebhookInput of(ObjectNode body) {
        BodyFields.of(body, FIELDS);
        Issues issues = new Issues();
        JsonNode url = body.get("url");
        String urlText = null;
        if (url != null && !url.isNull()) {
            if (url.isTextual()) {
                urlText = url.textValue();
            } else {
                issues.add("url", "url must be a string");
            }
        }
        JsonNode events = body.get("events");
        List<String> names = null;
        if (events != null && !events.isNull()) {
            if (!events.isArray()) {
                issues.add("events", "events must be an array of event types");
            } else {
                names = new ArrayList<>();
                for (JsonNode name : events) {
                    if (name.isTextual()) {
                        names.add(name.textValue());
                    } else {
                        issues.add("events", "events must be an array of strings");
                    }
                }
            }
        }
        issues.throwIfAny();
        return new WebhookInput(urlText, names);
    }
}
