/**
 * Integration tests of the whole HTTP stack: a real Grizzly server on a random port, every real
 * adapter (jOOQ on PostgreSQL, biweekly, nimbus, Svix) wired as the application does.
 * They may depend on every module; nothing in main code depends on them.
 */
package org.agentworkspace.http.it;
