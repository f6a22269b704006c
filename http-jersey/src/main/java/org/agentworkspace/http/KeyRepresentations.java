package org.agentworkspace.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumSet;
import java.util.Set;
import org.agentworkspace.core.domain.AgentKey;
import org.agentworkspace.core.domain.IssuedKey;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.AgentPrincipal;

/** API keys as API.md › "Keys and scopes" shows them: never the secret, except once in {@link #issued}. */
final class KeyRepresentations {
    private KeyRepresentations() {
    }

    /** A key in the owner's list: {@code id, label, scopes, prefix, expiresAt, createdAt, lastUsedAt}. */
    static ObjectNode key(AgentKey key) {
        ObjectNode json = Json.object();
        json.put("id", key.id().toString());
        json.put("label", key.label());
        json.set("scopes", scopes(key.scopes()));
        json.put("prefix", key.prefix());
        json.put("expiresAt", Json.instant(key.expiresAt()));
        json.put("createdAt", Json.instant(key.createdAt()));
        json.put("lastUsedAt", Json.instant(key.lastUsedAt()));
        return json;
    }

    /** {@code {"key": {...}, "apiKey": "ak_…"}}: the one response that shows a secret. */
    static ObjectNode issued(IssuedKey issued) {
        ObjectNode json = Json.object();
        json.set("key", key(issued.key()));
        json.put("apiKey", issued.secret().reveal());
        return json;
    }

    /** The calling key as {@code /api/v1/me} shows it: {@code id, label, scopes, expiresAt}. */
    static ObjectNode callingKey(AgentPrincipal agent) {
        ObjectNode json = Json.object();
        json.put("id", agent.keyId().toString());
        json.put("label", agent.keyLabel());
        json.set("scopes", scopes(agent.scopes()));
        json.put("expiresAt", Json.instant(agent.keyExpiresAt()));
        return json;
    }

    private static ArrayNode scopes(Set<Scope> scopes) {
        ArrayNode array = Json.array();
        // The contract's order, whatever order they were granted in.
        for (Scope scope : scopes.isEmpty() ? EnumSet.noneOf(Scope.class) : EnumSet.copyOf(scopes)) {
            array.add(scope.wireName());
        }
        return array;
    }
}
