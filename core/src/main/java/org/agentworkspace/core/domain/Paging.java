package org.agentworkspace.core.domain;

/** A validated page: {@code limit} items after skipping {@code offset}. */
public record Paging(int limit, int offset) {
}
