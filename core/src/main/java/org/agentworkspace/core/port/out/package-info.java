/**
 * Outbound ports: what the core needs from the outside (storage, transactions, recurrence,
 * rendering, session verification). Every method on owned data takes a scope from
 * {@code core.ownership}; adapters implement these, the core never sees how.
 */
package org.agentworkspace.core.port.out;
