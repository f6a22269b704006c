package org.agentworkspace.core.port.in;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;

/**
 * A feed that was found and may be sent: its validators, known before rendering so a conditional
 * request costs no rendering, and the body written on demand as a stream.
 */
public interface FeedResponse {

    /** A strong entity tag, quoted, that changes whenever any byte of the body would. */
    String etag();

    Instant lastModified();

    String contentType();

    /** Renders the feed into {@code out} in its own read transaction. */
    void writeTo(OutputStream out) throws IOException;
}
