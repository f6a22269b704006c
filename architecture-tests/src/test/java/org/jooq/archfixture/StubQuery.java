package org.jooq.archfixture;

/** Stands in for a jOOQ type in fixtures; jOOQ itself is not on this module's classpath. */
public interface StubQuery {
    int execute();
}
