package org.agentworkspace.core.port.out;

import java.net.URI;
import java.util.Optional;

/**
 * Decides whether a webhook URL may be called: its host must resolve, and (unless the operator
 * allowed private targets) only to public addresses, never loopback, private, link-local or
 * metadata ones.
 */
public interface WebhookTargets {

    /** Empty when the URL may be called; otherwise why not, in words fit for the caller. */
    Optional<String> refusal(URI url);

    /** Whether {@code http://} and private addresses are allowed (AW_WEBHOOK_ALLOW_PRIVATE). */
    boolean allowsPrivate();
}
