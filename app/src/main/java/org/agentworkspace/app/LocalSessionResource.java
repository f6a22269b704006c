package org.agentworkspace.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import org.agentworkspace.clerk.LocalSessionIssuer;
import org.agentworkspace.core.domain.Unauthenticated;
import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.domain.ValidationFailed;

/**
 * {@code POST /api/local/session {"token": "<sign-in secret>"}} → {@code {"session", "expiresAt", "token"}}:
 * local mode's exchange of the secret from the printed sign-in URL for a short-lived session
 * token. Registered only in local mode. The secret is one-time: the exchange uses it up, and a
 * second exchange of it, a wrong or a replaced secret is 401. The answer's {@code token} is the
 * one-time secret for the page's next exchange (its renewal).
 */
@Path("api/local/session")
public final class LocalSessionResource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalSignIn signIn;
    private final LocalSessionIssuer issuer;
    private final UserId owner;

    LocalSessionResource(LocalSignIn signIn, LocalSessionIssuer issuer, UserId owner) {
        this.signIn = signIn;
        this.issuer = issuer;
        this.owner = owner;
    }

    @POST
    public Response exchange(byte[] body) {
        String token = tokenOf(body);
        if (!signIn.consume(token, java.time.Instant.now())) {
            throw new Unauthenticated();
        }
        LocalSessionIssuer.IssuedSession session = issuer.issue(owner);
        ObjectNode out = JSON.createObjectNode();
        out.put("session", session.token());
        out.put("expiresAt", session.expiresAt().toString());
        out.put("token", signIn.issueRenewal(java.time.Instant.now()));
        return Response.ok(out.toString(), MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8"))
                .header("Cache-Control", "no-store").build();
    }

    private static String tokenOf(byte[] body) {
        JsonNode node;
        try {
            node = body == null || body.length == 0 ? null : JSON.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            node = null;
        }
        if (node == null || !node.isObject() || !node.path("token").isTextual()) {
            throw ValidationFailed.of("token", "is required: the secret after #token= in the sign-in URL");
        }
        return node.get("token").asText();
    }
}
