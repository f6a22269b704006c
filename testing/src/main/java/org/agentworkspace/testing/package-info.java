/**
 * Test fixture shared by every module's integration tests: real PostgreSQL, one server per test
 * JVM, a fresh database per caller. Depends on the PostgreSQL driver and server binaries only.
 */
package org.agentworkspace.testing;
