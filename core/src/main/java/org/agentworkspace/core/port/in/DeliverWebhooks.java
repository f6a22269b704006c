package org.agentworkspace.core.port.in;

/**
 * The sender's step: claims the due messages (one instance per message and attempt), signs and
 * sends each, and records the outcome with the next attempt per the contract's backoff. Run by
 * the app's scheduler; safe to run on any number of threads and instances at once.
 */
public interface DeliverWebhooks {

    /** What one step did. */
    record Report(int attempted, int succeeded, int failed, int disabledEndpoints) {
    }

    Report deliverDue();

    /** Messages waiting to be sent, for metrics. */
    long queueDepth();

    /** Removes finished messages and change-log tombstones past their retention; answers how many. */
    int purgeExpired();
}
