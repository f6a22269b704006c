package org.agentworkspace.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.List;
import java.util.Map;
import org.agentworkspace.core.domain.Text;
import org.agentworkspace.core.domain.ValidationFailed;

/**
 * Refuses a query value (or name) containing U+0000, naming the parameter, before any resource
 * reads it: core's text rule ({@link Text}) at the one entry point that bypasses the body parser.
 */
@PreMatching
@Priority(RequestIdFilter.PRIORITY + 20)
final class QueryValuesFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            String name = parameter.getKey();
            if (Text.containsNul(name)) {
                throw ValidationFailed.of("(a query parameter name)", Text.nulMessage("a query parameter name"));
            }
            for (String value : parameter.getValue()) {
                if (Text.containsNul(value)) {
                    throw ValidationFailed.of(name, Text.nulMessage(name));
                }
            }
        }
    }
}
