package org.agentworkspace.core.domain;

import java.util.List;

/** The request was understood but breaks rules: every issue found, not just the first (400). */
public final class ValidationFailed extends WorkspaceException {
    private final List<Issue> issues;

    public ValidationFailed(List<Issue> issues) {
        super("Validation failed");
        if (issues.isEmpty()) {
            throw new IllegalArgumentException("a validation failure names at least one issue");
        }
        this.issues = List.copyOf(issues);
    }

    public static ValidationFailed of(String path, String message) {
        return new ValidationFailed(List.of(new Issue(path, message)));
    }

    public List<Issue> issues() {
        return issues;
    }
}
