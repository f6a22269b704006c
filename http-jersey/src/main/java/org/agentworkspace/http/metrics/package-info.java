/**
 * Observability of the HTTP layer: Prometheus metrics through Micrometer and the one structured
 * access-log line per request, both labelled by route template, never by raw path.
 * Depends on Jersey's monitoring events, Micrometer and SLF4J; never on core's ports.
 */
package org.agentworkspace.http.metrics;
