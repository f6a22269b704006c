/**
 * Honest in-memory fakes of every outbound port, over one shared {@code InMemoryDatabase}, for core
 * tests and (through core's test-jar) adapter contract tests. Test sources only; depends on core.
 */
package org.agentworkspace.core.fakes;
