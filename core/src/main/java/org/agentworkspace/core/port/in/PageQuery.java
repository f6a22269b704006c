package org.agentworkspace.core.port.in;

/** {@code limit} and {@code offset} as received; {@code null} when absent. */
public record PageQuery(String limit, String offset) {

    public static PageQuery defaults() {
        return new PageQuery(null, null);
    }
}
