package org.agentworkspace.core.usecase;

import org.agentworkspace.core.domain.ApiKey;
import org.agentworkspace.core.domain.Unauthenticated;
import org.agentworkspace.core.ownership.AgentCredential;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.port.in.AuthenticateAgent;

final class AuthenticateAgentService implements AuthenticateAgent {
    private final Chain chain;

    AuthenticateAgentService(Chain chain) {
        this.chain = chain;
    }

    @Override
    public AgentPrincipal authenticate(String presentedKey) {
        // Shape and checksum first: a typo or forgery never reaches the database.
        ApiKey key = ApiKey.parse(presentedKey).orElseThrow(Unauthenticated::new);
        AgentCredential credential = chain.ports.transactions()
                .inSingleStatement(() -> chain.ports.credentials().agentByKeyDigest(key.digest()))
                .orElseThrow(Unauthenticated::new);
        return chain.ownership.agentPrincipal(credential);
    }
}
