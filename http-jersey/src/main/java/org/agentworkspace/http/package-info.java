/**
 * The HTTP adapter: JAX-RS resources, authentication filters, hand-written JSON reading and
 * writing, and the mapping of core's failures to the status codes and bodies of API.md.
 * Depends on core's inbound ports, domain and ownership types, Jersey and Jackson; never on
 * outbound ports or another adapter.
 */
package org.agentworkspace.http;
