/**
 * Rate limits: the {@link org.agentworkspace.http.limits.RateLimiter} port the HTTP filters ask,
 * its Bucket4j adapter whose buckets live in PostgreSQL (so every instance shares them) and are
 * drawn from a lease at a time, and the client-address rules that decide whom a failed
 * authentication is charged to. Depends on Bucket4j and {@code javax.sql}; never on core's ports
 * or another adapter.
 */
package org.agentworkspace.http.limits;
