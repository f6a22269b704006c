/**
 * Test-only access to the app's package-private wiring: the route catalog reads the real
 * ResourceConfig so the isolation matrix covers every registered route. Depends on the app and Jersey's model.
 */
package org.agentworkspace.app;
