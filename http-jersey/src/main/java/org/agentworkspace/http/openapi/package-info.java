/**
 * The OpenAPI 3.1 description of the HTTP contract: the hand-written document (docs/openapi.json,
 * copied onto the classpath by the build), the resource that serves it, and the inventory of
 * registered JAX-RS routes that the drift tests compare it with.
 * Depends on Jersey's resource model and Jackson; never on core.
 */
package org.agentworkspace.http.openapi;
