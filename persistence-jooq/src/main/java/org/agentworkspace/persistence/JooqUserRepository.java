package org.agentworkspace.persistence;

import static org.agentworkspace.persistence.generated.Tables.USERS;
import static org.agentworkspace.persistence.generated.Tables.USER_TOMBSTONES;

import java.time.Instant;
import java.util.Optional;
import org.agentworkspace.core.domain.User;
import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.domain.UserProfile;
import org.agentworkspace.core.port.out.UserRepository;
import org.agentworkspace.persistence.generated.tables.records.UsersRecord;

/** Users and tombstones; a user row's deletion cascades to everything the user owns. */
public final class JooqUserRepository implements UserRepository {
    private final JooqTransactions tx;

    public JooqUserRepository(JooqTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<User> find(UserId id) {
        return tx.dsl().selectFrom(USERS).where(USERS.ID.eq(id.value())).fetchOptional(JooqUserRepository::toUser);
    }

    @Override
    public Optional<User> provision(UserProfile profile, Instant now) {
        if (isTombstoned(profile.id())) {
            return Optional.empty();
        }
        tx.dsl().insertInto(USERS)
                .set(USERS.ID, profile.id().value())
                .set(USERS.EMAIL, profile.email())
                .set(USERS.FIRST_NAME, profile.firstName())
                .set(USERS.LAST_NAME, profile.lastName())
                .set(USERS.IMAGE_URL, profile.imageUrl())
                .set(USERS.CREATED_AT, now)
                .set(USERS.UPDATED_AT, now)
                .onConflict(USERS.ID).doNothing()
                .execute();
        return find(profile.id());
    }

    @Override
    public User upsert(UserProfile profile, Instant now) {
        tx.dsl().deleteFrom(USER_TOMBSTONES).where(USER_TOMBSTONES.ID.eq(profile.id().value())).execute();
        return tx.dsl().insertInto(USERS)
                .set(USERS.ID, profile.id().value())
                .set(USERS.EMAIL, profile.email())
                .set(USERS.FIRST_NAME, profile.firstName())
                .set(USERS.LAST_NAME, profile.lastName())
                .set(USERS.IMAGE_URL, profile.imageUrl())
                .set(USERS.CREATED_AT, now)
                .set(USERS.UPDATED_AT, now)
                .onConflict(USERS.ID).doUpdate()
                .set(USERS.EMAIL, profile.email())
                .set(USERS.FIRST_NAME, profile.firstName())
                .set(USERS.LAST_NAME, profile.lastName())
                .set(USERS.IMAGE_URL, profile.imageUrl())
                .set(USERS.UPDATED_AT, now)
                .returning()
                .fetchOne(JooqUserRepository::toUser);
    }

    @Override
    public boolean delete(UserId id, Instant now) {
        tx.dsl().insertInto(USER_TOMBSTONES)
                .set(USER_TOMBSTONES.ID, id.value())
                .set(USER_TOMBSTONES.DELETED_AT, now)
                .onConflict(USER_TOMBSTONES.ID).doNothing()
                .execute();
        return tx.dsl().deleteFrom(USERS).where(USERS.ID.eq(id.value())).execute() == 1;
    }

    @Override
    public boolean isTombstoned(UserId id) {
        return tx.dsl().fetchExists(USER_TOMBSTONES, USER_TOMBSTONES.ID.eq(id.value()));
    }

    private static User toUser(UsersRecord r) {
        return new User(new UserId(r.getId()), r.getEmail(), r.getFirstName(), r.getLastName(), r.getImageUrl(),
                r.getCreatedAt(), r.getUpdatedAt());
    }
}
