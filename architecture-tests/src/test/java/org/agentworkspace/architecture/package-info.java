/**
 * The ArchUnit rules of DESIGN.md, applied to every module's production classes, and the proofs
 * that each rule fails on a fixture that breaks it. Depends on core and ArchUnit.
 */
package org.agentworkspace.architecture;
