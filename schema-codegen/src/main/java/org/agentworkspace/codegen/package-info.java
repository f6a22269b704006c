/**
 * Build-time code generation: the Flyway migrations are the one source of the schema, so the
 * jOOQ classes are generated from a real PostgreSQL that ran them. Used only by the build.
 */
package org.agentworkspace.codegen;
