package org.agentworkspace.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * What a tool answered: the JSON body REST would send, and whether it replays an earlier answer
 * to the same {@code idempotency_key} (REST's {@code Idempotency-Replayed: true}).
 */
record ToolOutput(ObjectNode body, boolean replayed) {
    ToolOutput {
        Objects.requireNonNull(body, "body");
    }

    static ToolOutput of(ObjectNode body) {
        return new ToolOutput(body, false);
    }
}
