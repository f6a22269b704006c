package org.agentworkspace.clerk.archfixtures;

import jakarta.ws.rs.Path;
import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.port.out.UserRepository;

/** Breaks "no resource touches a repository or ActAsUser": a webhook route writing users itself. */
@Path("webhooks/elsewhere")
public class WebhookResourceReachingARepository {
    private final UserRepository users;

    public WebhookResourceReachingARepository(UserRepository users) {
        this.users = users;
    }

    public boolean tombstoned(String id) {
        return users.isTombstoned(new UserId(id));
    }
}
