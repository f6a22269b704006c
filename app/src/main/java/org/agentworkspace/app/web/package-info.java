/**
 * The built-in dashboard page: serves the static HTML, CSS and JavaScript modules under
 * {@code web/} on the classpath, with the sign-in mode rendered into the page and strict
 * browser security headers. Depends on JAX-RS and the JDK only; the page itself talks to the
 * dashboard JSON API, never to Java code here.
 */
package org.agentworkspace.app.web;
