/**
 * Use-case implementations, one package-private class per inbound port, built by the public
 * {@link org.agentworkspace.core.usecase.UseCases} factory that the app and embedders call.
 * Each reads authenticate → scope → load → decide → store; depends on ports, ownership and domain.
 */
package org.agentworkspace.core.usecase;
