package org.agentworkspace.core.port.in;

/** Applies verified user webhooks, each delivery at most once. */
public interface SyncUsers {

    enum Outcome { APPLIED, DUPLICATE, IGNORED }

    /** Marks {@code deliveryId} processed and applies {@code change} in one transaction. */
    Outcome apply(String deliveryId, UserChange change);
}
