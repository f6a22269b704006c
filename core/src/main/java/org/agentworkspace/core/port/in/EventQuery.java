package org.agentworkspace.core.port.in;

/**
 * List parameters exactly as received in the query string; {@code null} when absent. The use case
 * validates them all at once and reports issues under their parameter names.
 */
public record EventQuery(String startAfter, String startBefore, String limit, String offset, String expand) {

    public static EventQuery defaults() {
        return new EventQuery(null, null, null, null, null);
    }
}
