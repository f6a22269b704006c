/**
 * Outbound webhooks: the JDK HTTP client that sends signed deliveries and the address guard that
 * refuses loopback, private, link-local and metadata targets. Depends on core only (and the JDK).
 */
package org.agentworkspace.webhooks;
