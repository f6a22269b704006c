/**
 * The domain: immutable records, identifiers, secrets and the validation rules of the contract.
 * Depends on the JDK only; nothing here knows about HTTP, SQL or any framework.
 */
package org.agentworkspace.core.domain;
