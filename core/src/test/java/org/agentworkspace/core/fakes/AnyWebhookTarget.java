package org.agentworkspace.core.fakes;

import java.net.URI;
import java.util.Optional;
import org.agentworkspace.core.port.out.WebhookTargets;

/**
 * Every webhook address may be called, {@code http://} and private ones too: for stacks that never
 * send, or send only to a local receiver. The real check is the webhook-sender's address guard.
 */
public final class AnyWebhookTarget implements WebhookTargets {

    @Override
    public Optional<String> refusal(URI url) {
        return Optional.empty();
    }

    @Override
    public boolean allowsPrivate() {
        return true;
    }
}
