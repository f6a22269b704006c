package org.agentworkspace.core.usecase;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.agentworkspace.core.domain.Scope;

/** How audit entries name a key's scopes: wire names, in the contract's order. */
final class KeyDescriptions {
    private KeyDescriptions() {
    }

    static String scopes(Set<Scope> scopes) {
        return EnumSet.copyOf(scopes).stream().map(Scope::wireName).collect(Collectors.joining(","));
    }
}
