package org.agentworkspace.core.domain;

import java.util.Objects;

/**
 * One validation problem: the JSON path of the offending field ({@code title}, {@code start_after},
 * {@code content[3]}) and a message an agent can act on, e.g. {@code end must not be before start}.
 */
public record Issue(String path, String message) {
    public Issue {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }
}
