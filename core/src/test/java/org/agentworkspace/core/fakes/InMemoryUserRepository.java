package org.agentworkspace.core.fakes;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.agentworkspace.core.domain.Agent;
import org.agentworkspace.core.domain.User;
import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.domain.UserProfile;
import org.agentworkspace.core.port.out.UserRepository;

public final class InMemoryUserRepository implements UserRepository {
    private final InMemoryDatabase db;

    public InMemoryUserRepository(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<User> find(UserId id) {
        return Optional.ofNullable(db.users.get(id));
    }

    @Override
    public Optional<UserId> ownerOfAgent(org.agentworkspace.core.domain.AgentId agentId) {
        return Optional.ofNullable(db.agents.get(agentId)).map(org.agentworkspace.core.domain.Agent::owner);
    }

    @Override
    public Optional<User> provision(UserProfile profile, Instant now) {
        if (db.tombstones.contains(profile.id())) {
            return Optional.empty();
        }
        return Optional.of(db.users.computeIfAbsent(profile.id(), id -> new User(id, profile.email(),
                profile.firstName(), profile.lastName(), profile.imageUrl(), now, now)));
    }

    @Override
    public User upsert(UserProfile profile, Instant now) {
        db.tombstones.remove(profile.id());
        User existing = db.users.get(profile.id());
        User user = new User(profile.id(), profile.email(), profile.firstName(), profile.lastName(),
                profile.imageUrl(), existing == null ? now : existing.createdAt(), now);
        db.users.put(user.id(), user);
        return user;
    }

    @Override
    public boolean delete(UserId id, Instant now) {
        db.tombstones.add(id);
        List<Agent> owned = db.agents.values().stream().filter(a -> a.owner().equals(id)).toList();
        owned.forEach(a -> db.deleteAgentCascade(a.id()));
        return db.users.remove(id) != null;
    }

    @Override
    public boolean isTombstoned(UserId id) {
        return db.tombstones.contains(id);
    }
}
