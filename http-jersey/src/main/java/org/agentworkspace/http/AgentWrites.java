package org.agentworkspace.http;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.domain.StoredResponse;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.port.in.IdempotentRequest;
import org.agentworkspace.core.port.in.RunIdempotently;

/**
 * Runs an agent's write, at most once per {@code Idempotency-Key} when one is sent. The write
 * renders its complete response as a {@link StoredResponse}, so a replay answers with the very
 * status, headers and bytes of the first answer.
 */
final class AgentWrites {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotency-Replayed";

    private final RunIdempotently runIdempotently;

    AgentWrites(RunIdempotently runIdempotently) {
        this.runIdempotently = runIdempotently;
    }

    /**
     * @param needed the scope the write needs, which core checks again before replaying a stored answer
     * @param idempotencyKey the header as sent, {@code null} when absent (then the write simply runs)
     * @param rawPath the request path as sent, part of what makes two requests "the same"
     */
    Response perform(AgentPrincipal agent, Scope needed, String idempotencyKey, String method, String rawPath,
                     byte[] body, Supplier<StoredResponse> write) {
        if (idempotencyKey == null) {
            return toResponse(write.get(), false);
        }
        IdempotentRequest request = new IdempotentRequest(idempotencyKey, fingerprint(method, rawPath, body));
        RunIdempotently.Outcome outcome = runIdempotently.run(agent, needed, request, write);
        return toResponse(outcome.response(), outcome.replayed());
    }

    /** SHA-256 over method, path and body bytes, hex. */
    static String fingerprint(String method, String rawPath, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((method + " " + rawPath + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** A JSON response as it will be stored and sent; {@code location} and {@code etag} may be {@code null}. */
    static StoredResponse json(int status, JsonNode body, String location, String etag) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(HttpHeaders.CONTENT_TYPE, JsonResponses.JSON_TEXT);
        if (location != null) {
            headers.put(HttpHeaders.LOCATION, location);
        }
        if (etag != null) {
            headers.put(HttpHeaders.ETAG, etag);
        }
        return new StoredResponse(status, headers, Json.text(body));
    }

    static Response toResponse(StoredResponse stored, boolean replayed) {
        Response.ResponseBuilder response = Response.status(stored.status()).entity(stored.body());
        stored.headers().forEach((name, value) -> {
            if (name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                response.type(value);
            } else {
                response.header(name, value);
            }
        });
        if (replayed) {
            response.header(REPLAYED, "true");
        }
        return response.build();
    }
}
