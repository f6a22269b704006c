/**
 * The benchmark driver: starts the product jar and the ceiling server as child processes, seeds
 * data through the product's HTTP API, measures every scenario and writes the report. It may
 * depend on the JDK, HdrHistogram and its sibling packages; never on the product's internals.
 */
package org.agentworkspace.bench;
