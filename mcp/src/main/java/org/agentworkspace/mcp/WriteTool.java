package org.agentworkspace.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.agentworkspace.core.domain.Scope;
import org.agentworkspace.core.ownership.AgentPrincipal;

/**
 * A tool that writes: its schema takes {@code idempotency_key} (and {@code if_match} for a write of
 * an existing item), and its write runs through {@link Writes}, at most once per idempotency key.
 */
abstract class WriteTool extends WorkspaceTool {
    private final Writes writes;

    /** @param ofExistingItem whether the write changes or removes an item, so takes {@code if_match} */
    WriteTool(String name, String title, Effect effect, Scope scope, String description, Schema input,
              boolean ofExistingItem, Schema output, Writes writes) {
        super(name, title, effect, List.of(scope), description, Writes.controls(input, ofExistingItem), output);
        this.writes = writes;
    }

    @Override
    final ToolOutput call(AgentPrincipal agent, Arguments arguments) {
        return writes.perform(agent, this, arguments, () -> write(agent, arguments));
    }

    /** The write itself, answering REST's body. */
    abstract ObjectNode write(AgentPrincipal agent, Arguments arguments);
}
