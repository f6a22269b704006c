/**
 * One contract per storage port, as abstract test classes: the in-memory fakes here and the jOOQ
 * adapters in persistence-jooq subclass each, so a test on the fakes tells the truth about the
 * adapters. Each contract checks its port's behaviour, that scope B cannot see, change or delete
 * A's row, and that a failure rolls the transaction's writes back.
 */
package org.agentworkspace.core.contracts;
