/**
 * Test data builders in {@code anEvent().withTitle(…)} style and a {@code Scenario} that sets a
 * workspace up through its own use cases. Test sources only; depends on core and the fakes.
 */
package org.agentworkspace.core.builders;
