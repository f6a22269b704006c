/**
 * The load generator: blocking HTTP/1.1 over raw sockets, one thread per connection, in
 * closed-loop (fixed concurrency) and open-loop (constant rate) modes. It depends on the JDK and
 * HdrHistogram only.
 */
package org.agentworkspace.bench.load;
