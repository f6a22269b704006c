package org.agentworkspace.core.ownership;

/** What a use case is about to do with an agent's data; decides which statuses may proceed. */
public enum Access {
    READ,
    WRITE
}
