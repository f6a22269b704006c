package org.agentworkspace.core.domain;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What an API key may do (API.md › "Keys and scopes"). Writes need the matching write scope,
 * reads the read scope or the write scope of the same kind; {@code webhooks:manage} covers every
 * webhook route. A key created without scopes has all of them.
 */
public enum Scope {
    EVENTS_READ("events:read", false),
    EVENTS_WRITE("events:write", true),
    DOCS_READ("docs:read", false),
    DOCS_WRITE("docs:write", true),
    WEBHOOKS_MANAGE("webhooks:manage", true);

    private static final Set<Scope> ALL = Collections.unmodifiableSet(EnumSet.allOf(Scope.class));

    private final String wireName;
    private final boolean write;

    Scope(String wireName, boolean write) {
        this.wireName = wireName;
        this.write = write;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether a route needing this scope changes data, so a {@code read_only} agent may not use it. */
    public boolean writes() {
        return write;
    }

    /** Every scope: what a key created without {@code scopes} holds, and what an owner may do. */
    public static Set<Scope> all() {
        return ALL;
    }

    /** Whether a key holding {@code held} may use a route that needs this scope. */
    public boolean grantedBy(Set<Scope> held) {
        return held.contains(this)
                || (this == EVENTS_READ && held.contains(EVENTS_WRITE))
                || (this == DOCS_READ && held.contains(DOCS_WRITE));
    }

    public static Optional<Scope> fromWire(String text) {
        for (Scope scope : values()) {
            if (scope.wireName.equals(text)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
