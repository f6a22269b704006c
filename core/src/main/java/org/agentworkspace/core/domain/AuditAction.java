package org.agentworkspace.core.domain;

/** Security-relevant things that happen to an agent, shown to its owner newest first. */
public enum AuditAction {
    AGENT_CREATED("agent.created"),
    AGENT_UPDATED("agent.updated"),
    AGENT_STATUS_CHANGED("agent.status_changed"),
    KEY_ISSUED("key.issued"),
    KEY_REGENERATED("key.regenerated"),
    KEY_CREATED("key.created"),
    KEY_ROTATED("key.rotated"),
    KEY_REVOKED("key.revoked"),
    EXPIRED_KEY_USED("key.expired_used"),
    SUBSCRIPTION_CREATED("subscription.created"),
    SUBSCRIPTION_ROTATED("subscription.rotated"),
    SUBSCRIPTION_REVOKED("subscription.revoked"),
    AUTH_FAILURES("auth.repeated_failures"),
    WEBHOOK_CREATED("webhook.created"),
    WEBHOOK_REMOVED("webhook.removed"),
    /** Written by the database function that disables an endpoint after five days of failures (V16). */
    WEBHOOK_DISABLED("webhook.disabled");

    private final String wireName;

    AuditAction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
