package org.agentworkspace.core.domain;

/** The calling key is valid but lacks the scope the route needs (403, naming the scope). */
public final class ScopeMissing extends WorkspaceException {
    private final Scope scope;

    public ScopeMissing(Scope scope) {
        super("This key lacks the scope " + scope.wireName());
        this.scope = scope;
    }

    public Scope scope() {
        return scope;
    }
}
