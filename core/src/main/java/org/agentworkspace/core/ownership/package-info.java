/**
 * The ownership chain as types: principals (who is calling), scopes (what they may touch) and
 * {@link org.agentworkspace.core.ownership.Ownership}, the one class that mints them. Depends on
 * the domain only; every data port takes one of these scopes.
 */
package org.agentworkspace.core.ownership;
