/**
 * Acceptance tests that attack the runnable jar over HTTP on real PostgreSQL: the generated
 * isolation matrix, the bad-input fuzzer, rotation under load, crash durability, database outage
 * and webhook abuse, with the summary table they print. Depends on the jar, JDBC, Jackson, Nimbus
 * and Svix only; the in-process route catalog lives in the app's package next door.
 */
package org.agentworkspace.acceptance;
