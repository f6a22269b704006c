package org.agentworkspace.core.port.out;

import java.net.URI;
import java.util.Map;

/**
 * Sends one signed POST. Implementations check the target again before each send (DNS may have
 * changed since creation), follow no redirect, and bound connecting and reading by timeouts.
 */
public interface WebhookTransport {

    /** Never throws for a failed delivery: the outcome says what happened. */
    Outcome send(URI url, Map<String, String> headers, byte[] body);

    /** {@code statusCode} null when no response came; {@code problem} says why, for the log (no secrets). */
    record Outcome(Integer statusCode, String problem) {
        public boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }
}
