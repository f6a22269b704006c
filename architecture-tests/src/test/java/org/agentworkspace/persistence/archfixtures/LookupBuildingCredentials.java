package org.agentworkspace.persistence.archfixtures;

import java.util.Optional;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.AgentStatus;
import org.agentworkspace.core.domain.FeedDetail;
import org.agentworkspace.core.domain.FeedToken;
import org.agentworkspace.core.domain.KeyDigest;
import org.agentworkspace.core.domain.SubscriptionId;
import org.agentworkspace.core.ownership.AgentCredential;
import org.agentworkspace.core.ownership.FeedCredential;
import org.agentworkspace.core.port.out.CredentialLookup;

/** Keeps "only credential lookups build credentials": a lookup building what it found. */
public class LookupBuildingCredentials implements CredentialLookup {
    @Override
    public Optional<AgentCredential> agentByKeyDigest(KeyDigest digest) {
        return Optional.of(new AgentCredential(AgentId.random(), AgentStatus.ACTIVE));
    }

    @Override
    public Optional<FeedCredential> feedByToken(FeedToken token) {
        return Optional.of(new FeedCredential(SubscriptionId.random(), AgentId.random(), token, FeedDetail.FULL));
    }

    @Override
    public boolean recordKeyUse(org.agentworkspace.core.domain.ApiKeyId keyId, java.time.Instant at,
                                java.time.Instant staleBefore) {
        return false;
    }
}
