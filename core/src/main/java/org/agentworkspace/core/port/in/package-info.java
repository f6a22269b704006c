/**
 * Inbound ports: one interface per use case, with the command records they take. Adapters (HTTP,
 * webhook, command line) call only these; every method takes a principal, never a trusted raw id
 * of the caller. Depends on the domain and ownership packages only.
 */
package org.agentworkspace.core.port.in;
