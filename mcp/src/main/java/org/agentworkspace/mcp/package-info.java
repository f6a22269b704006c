/**
 * The MCP server: one JAX-RS resource at {@code /mcp} hands each JSON-RPC message to the MCP Java
 * SDK's stateless server, whose tools are thin calls of core's inbound use cases. Depends on core,
 * the MCP SDK, Jackson and the JAX-RS API only; never on another adapter.
 */
package org.agentworkspace.mcp;
