package org.agentworkspace.core.port.in;

import java.util.List;

/** A webhook to create as received: {@code events} null means every type. */
public record WebhookInput(String url, List<String> events) {
}
