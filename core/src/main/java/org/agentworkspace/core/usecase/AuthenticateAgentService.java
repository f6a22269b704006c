package org.agentworkspace.core.usecase;

import org.agentworkspace.core.domain.ApiKey;
import org.agentworkspace.core.domain.Unauthenticated;
import org.agentworkspace.core.ownership.AgentCredential;
import org.agentworkspace.core.ownership.AgentPrincipal;
import org.agentworkspace.core.ownership.Ownership;
import org.agentworkspace.core.port.in.AuthenticateAgent;
import org.agentworkspace.core.port.out.CredentialLookup;
import org.agentworkspace.core.port.out.Transactions;

final class AuthenticateAgentService implements AuthenticateAgent {
    private final Transactions transactions;
    private final CredentialLookup credentials;
    private final Ownership ownership;

    AuthenticateAgentService(Transactions transactions, CredentialLookup credentials, Ownership ownership) {
        this.transactions = transactions;
        this.credentials = credentials;
        this.ownership = ownership;
    }

    @Override
    public AgentPrincipal authenticate(String presentedKey) {
        // Shape and checksum first: a typo or forgery never reaches the database.
        ApiKey key = ApiKey.parse(presentedKey).orElseThrow(Unauthenticated::new);
        AgentCredential credential = transactions
                .inSingleStatement(() -> credentials.agentByKeyDigest(key.digest()))
                .orElseThrow(Unauthenticated::new);
        return ownership.agentPrincipal(credential);
    }
}
