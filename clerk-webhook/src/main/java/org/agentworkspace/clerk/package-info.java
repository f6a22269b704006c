/**
 * The Clerk adapter: RS256 session-token verification (Clerk's key, its JWKS, or the local-mode
 * key), local session issuing, and the Svix-verified user webhook with its JAX-RS resource.
 * Depends on core's ports and domain, nimbus-jose-jwt, the Svix webhook verifier, Jackson and the
 * JAX-RS API only; never on Jersey or another adapter.
 */
package org.agentworkspace.clerk;
