package org.agentworkspace.core.usecase;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.FeedDetail;
import org.agentworkspace.core.domain.NotFound;
import org.agentworkspace.core.ownership.AgentScope;
import org.agentworkspace.core.port.in.FeedResponse;
import org.agentworkspace.core.port.out.CalendarFingerprint;
import org.agentworkspace.core.port.out.FeedHeader;

/**
 * A feed found by {@link ServeFeedService}: validators computed from cheap reads, body rendered on
 * demand.
 *
 * <p>The body is a function of the agent (name, description, timezone, updatedAt), the detail
 * level, the refresh hint and the events; the events' state is summarised by the calendar
 * fingerprint. The ETag hashes exactly these, and DTSTAMP ({@link FeedHeader#generatedAt()}) is
 * the latest of the agent's and the events' last change rather than "now", so the same ETag
 * always stands for the same bytes.
 */
final class LazyFeed implements FeedResponse {
    private final FeedReads reads;
    private final AgentScope scope;
    private final FeedDetail detail;
    private final String etag;
    private final Instant lastModified;

    LazyFeed(FeedReads reads, AgentScope scope, FeedDetail detail, Agent agent, CalendarFingerprint fingerprint) {
        this.reads = reads;
        this.scope = scope;
        this.detail = detail;
        this.lastModified = generatedAt(agent, fingerprint);
        this.etag = etagOf(agent, detail, fingerprint, reads);
    }

    static Instant generatedAt(Agent agent, CalendarFingerprint fingerprint) {
        Instant last = fingerprint.lastChange();
        return last != null && last.isAfter(agent.updatedAt()) ? last : agent.updatedAt();
    }

    private static String etagOf(Agent agent, FeedDetail detail, CalendarFingerprint fingerprint, FeedReads reads) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {agent.id().toString(), agent.name(),
                    Objects.toString(agent.description(), ""), agent.timezone().getId(),
                    agent.updatedAt().toString(), detail.wireName(), Long.toString(fingerprint.revision()),
                    Objects.toString(fingerprint.lastChange(), ""), reads.refreshInterval().toString(),
                    reads.renderer().contentType()}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                // Length-prefixed, so ("ab","c") and ("a","bc") hash differently.
                sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) ':');
                sha.update(bytes);
            }
            return "\"" + HexFormat.of().formatHex(sha.digest()) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String etag() {
        return etag;
    }

    @Override
    public Instant lastModified() {
        return lastModified;
    }

    @Override
    public String contentType() {
        return reads.renderer().contentType();
    }

    /**
     * Reads the agent, the zones and the events again in one read transaction, so the body is one
     * consistent snapshot even if the calendar changed since {@link #etag()} was computed.
     */
    @Override
    public void writeTo(OutputStream out) throws IOException {
        try {
            reads.transactions().inTransaction(scope, () -> {
                Agent agent = reads.agents().get(scope).orElseThrow(() -> new NotFound("Feed"));
                CalendarFingerprint fingerprint = reads.events().fingerprint(scope);
                FeedHeader header = new FeedHeader(agent, detail, generatedAt(agent, fingerprint),
                        reads.refreshInterval(), reads.events().zonesInUse(scope));
                try {
                    reads.renderer().render(header, sink -> reads.events().forEach(scope, sink), out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
