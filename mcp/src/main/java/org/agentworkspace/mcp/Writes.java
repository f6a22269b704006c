package org.agentworkspace.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.agentworkspace.core.domain.PreconditionFailed;
import org.agentworkspace.core.domain.StoredResponse;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.port.in.IdempotentRequest;
import org.agentworkspace.core.port.in.RunIdempotently;

/**
 * The two write controls of the REST API as tool arguments: {@code idempotency_key} runs the write at
 * most once through core's {@link RunIdempotently} (the same store and rules as {@code Idempotency-Key}),
 * and {@code if_match} carries the entity tag a write must find ({@code If-Match}).
 */
final class Writes {
    static final String IDEMPOTENCY_KEY = "idempotency_key";
    static final String IF_MATCH = "if_match";
    /** What a result's {@code etag} is for. */
    static final String ETAG = "The item's version, e.g. \"v3\" (REST's ETag): pass it as if_match to a later "
            + "write so that it is refused if the item changed in between.";
    private static final Pattern TAG = Pattern.compile("\"v(\\d{1,18})\"");
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    private final RunIdempotently runIdempotently;

    Writes(RunIdempotently runIdempotently) {
        this.runIdempotently = runIdempotently;
    }

    /** Adds {@code idempotency_key}, and {@code if_match} for writes of an existing item, to a tool's schema. */
    static Schema controls(Schema schema, boolean withIfMatch) {
        schema.string(IDEMPOTENCY_KEY, "Any unique string up to 255 characters (a UUID is ideal). Send "
                + "the same key when you retry the same call after a timeout or error: the write then "
                + "happens at most once and the retry returns the first result. Never reuse a key for a "
                + "different call.");
        if (withIfMatch) {
            schema.string(IF_MATCH, "The etag from the result that showed you this item, e.g. \"v3\". "
                    + "The write is refused (Precondition failed) if the item changed since, so you never "
                    + "overwrite a change you have not seen: read it again and retry.");
        }
        return schema;
    }

    /**
     * Runs {@code write}, once per key when {@code idempotency_key} is given: the same key with the same
     * arguments replays the first result; with other arguments it is refused (core's
     * {@code IdempotencyMismatch}, REST's 422).
     */
    ToolOutput perform(AgentPrincipal agent, WorkspaceTool tool, Arguments arguments, Supplier<ObjectNode> write) {
        Optional<String> key = arguments.string(IDEMPOTENCY_KEY);
        if (key.isEmpty()) {
            return ToolOutput.of(write.get());
        }
        IdempotentRequest request = new IdempotentRequest(key.get(), fingerprint(tool.name(), arguments));
        // Core checks the tool's scope again before it replays a stored answer; a write tool names one.
        RunIdempotently.Outcome outcome = runIdempotently.run(agent, tool.scopes().get(0), request,
                () -> new StoredResponse(200, JSON, McpJson.text(write.get())));
        return new ToolOutput(McpJson.parse(outcome.response().body()), outcome.replayed());
    }

    /**
     * The version {@code if_match} demands: empty when absent or {@code *}. The tag may be sent as REST's
     * {@code "v3"} or bare {@code v3}; a weak or foreign tag never matches (If-Match compares strongly).
     *
     * @throws PreconditionFailed for a tag that cannot match
     */
    static OptionalLong expectedVersion(Arguments arguments) {
        Optional<String> ifMatch = arguments.string(IF_MATCH).map(String::trim);
        if (ifMatch.isEmpty() || ifMatch.get().isEmpty() || ifMatch.get().equals("*")) {
            return OptionalLong.empty();
        }
        String tag = ifMatch.get().startsWith("\"") || ifMatch.get().startsWith("W/")
                ? ifMatch.get() : "\"" + ifMatch.get() + "\"";
        Matcher m = TAG.matcher(tag);
        if (!m.matches()) {
            throw new PreconditionFailed();
        }
        return OptionalLong.of(Long.parseLong(m.group(1)));
    }

    /** SHA-256 over the tool's name and its arguments (keys sorted, the idempotency key left out), hex. */
    static String fingerprint(String tool, Arguments arguments) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("MCP tools/call " + tool + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(McpJson.text(arguments.without(IDEMPOTENCY_KEY)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
