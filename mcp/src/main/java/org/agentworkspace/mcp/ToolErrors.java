package org.agentworkspace.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.agentworkspace.core.domain.Unauthenticated;
import org.agentworkspace.core.domain.ValidationFailed;
import org.agentworkspace.core.domain.WorkspaceException;

/**
 * Core's failures as the body REST sends for them (API.md, Conventions), so a model reads the same
 * {@code {"error", "issues"}} on both and can correct itself. Someone else's id and an unknown one give
 * the same "not found", as on REST.
 */
final class ToolErrors {
    private ToolErrors() {
    }

    static ObjectNode body(WorkspaceException failure) {
        if (failure instanceof ValidationFailed invalid) {
            return McpJson.validation(invalid.issues());
        }
        if (failure instanceof Unauthenticated) {
            return McpJson.error("Unauthorized");
        }
        return McpJson.error(failure.getMessage());
    }
}
