package org.agentworkspace.core.port.out;

import org.agentworkspace.core.domain.WebhookMessage;

/**
 * The JSON body of a webhook message, {@code {"type", "timestamp", "data": {"agentId", "event"|"document"}}}
 * with the same representation the API answers ({@code data.id} alone for deletions, documents
 * without content). The same message always renders to the same bytes.
 */
public interface WebhookBodies {

    String body(WebhookMessage message);
}
