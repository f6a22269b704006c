package org.agentworkspace.bench.load;

/** A named request stream; each connection gets its own {@link Session} (and so its own state). */
public interface Scenario {
    String name();

    Session open(int connection);

    /** The requests of one connection, and what counts as success for each response. */
    interface Session {
        byte[] next();

        /** True when {@link #accept} looks at the body, so the connection must keep it. */
        default boolean keepBody() {
            return false;
        }

        /** True when the response is the expected one; anything else is counted as an error. */
        boolean accept(HttpConnection.Response response);
    }
}
