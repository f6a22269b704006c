/**
 * JMH micro-benchmarks of the inner loops behind the hot paths: key parsing and digest, event
 * validation, feed rendering and recurrence expansion. They depend on core, ics-feed and JMH.
 */
package org.agentworkspace.bench.jmh;
