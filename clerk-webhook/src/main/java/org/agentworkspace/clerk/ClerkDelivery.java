package org.agentworkspace.clerk;

import java.util.Objects;
import org.agentworkspace.core.port.in.UserChange;

/**
 * A webhook delivery whose signature checked out.
 *
 * @param deliveryId the signed {@code svix-id}, the same on every redelivery of one message
 * @param change what the event asks for
 */
public record ClerkDelivery(String deliveryId, UserChange change) {
    public ClerkDelivery {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(change, "change");
    }
}
