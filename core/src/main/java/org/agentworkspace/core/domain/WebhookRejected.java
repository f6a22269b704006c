package org.agentworkspace.core.domain;

/** A webhook delivery failed verification or could not be read (400); nothing changed. */
public final class WebhookRejected extends WorkspaceException {
    public WebhookRejected(String message) {
        super(message);
    }
}
