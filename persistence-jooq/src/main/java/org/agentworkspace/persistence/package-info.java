/**
 * PostgreSQL adapters of the core's outbound ports, on jOOQ classes generated from the Flyway
 * migrations. Every query on owned data carries its scope's key; depends on core, jOOQ, Flyway,
 * HikariCP and the PostgreSQL driver.
 */
package org.agentworkspace.persistence;
