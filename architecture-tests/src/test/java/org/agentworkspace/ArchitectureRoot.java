package org.agentworkspace;

/** Marks the root package, so the rules scan every module's classes via {@code packagesOf}. */
public interface ArchitectureRoot {
}
