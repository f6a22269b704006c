/**
 * The edge in front of Jersey: what Grizzly itself would otherwise answer (illegal request targets,
 * unknown methods, request heads over the limit, bodies that never finish arriving, container
 * failures) is answered here in the contract's JSON error shape with an {@code X-Request-Id}.
 * Depends on Grizzly and Jackson only; never on core, Jersey resources or another adapter.
 */
package org.agentworkspace.http.edge;
