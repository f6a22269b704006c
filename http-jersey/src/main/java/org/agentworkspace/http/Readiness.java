package org.agentworkspace.http;

/** Answers {@code /readyz}: implemented by the app, which knows how to ask the database. */
@FunctionalInterface
public interface Readiness {

    /** {@code true} when the database answered just now; must not throw, but a throw counts as no. */
    boolean databaseAnswers();
}
