/**
 * The ceiling: the product's HTTP stack (Jersey on Grizzly) and pool (HikariCP) with no
 * application in between, so every scenario can be read as a fraction of what the stack allows.
 * It may depend on Jersey, Grizzly, HikariCP, the PostgreSQL driver and Jackson.
 */
package org.agentworkspace.bench.ceiling;
