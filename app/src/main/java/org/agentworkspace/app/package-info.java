/**
 * The runnable application: configuration from the environment, the embedded PostgreSQL default,
 * wiring of every adapter into the core's use cases, the HTTP server and the command line.
 * The only package allowed to see every module; nothing depends on it.
 */
package org.agentworkspace.app;
