package org.agentworkspace.persistence;

import static org.agentworkspace.persistence.generated.Tables.USERS;

import java.time.Instant;
import java.util.Optional;
import org.agentworkspace.core.domain.User;
import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.domain.UserProfile;
import org.agentworkspace.core.port.out.UserRepository;
import org.agentworkspace.persistence.generated.tables.records.UsersRecord;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Users and tombstones. Sessions and webhooks name a user before any owner scope exists, and
 * row-level security shows the server's role at most its own scope's user row, so every method
 * calls one of the schema owner's {@code SECURITY DEFINER} functions ({@code aw_find_user},
 * {@code aw_provision_user}, {@code aw_upsert_user}, {@code aw_delete_user},
 * {@code aw_is_tombstoned}). A user row's deletion cascades to everything the user owns.
 */
public final class JooqUserRepository implements UserRepository {
    private final JooqTransactions tx;

    public JooqUserRepository(JooqTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<User> find(UserId id) {
        return tx.dsl().select(USERS.fields()).from(usersFrom("aw_find_user({0})", text(id.value())))
                .fetchOptional(r -> toUser(r.into(USERS)));
    }

    @Override
    public Optional<UserId> ownerOfAgent(org.agentworkspace.core.domain.AgentId agentId) {
        return Optional.ofNullable(tx.dsl().select(DSL.field("aw_agent_owner({0})", SQLDataType.CLOB,
                        DSL.val(agentId.value(), SQLDataType.UUID))).fetchOne(0, String.class))
                .map(UserId::new);
    }

    @Override
    public Optional<User> provision(UserProfile profile, Instant now) {
        return tx.dsl().select(USERS.fields())
                .from(usersFrom("aw_provision_user({0}, {1}, {2}, {3}, {4}, {5})", profileArguments(profile, now)))
                .fetchOptional(r -> toUser(r.into(USERS)));
    }

    @Override
    public User upsert(UserProfile profile, Instant now) {
        return tx.dsl().select(USERS.fields())
                .from(usersFrom("aw_upsert_user({0}, {1}, {2}, {3}, {4}, {5})", profileArguments(profile, now)))
                .fetchSingle(r -> toUser(r.into(USERS)));
    }

    @Override
    public boolean delete(UserId id, Instant now) {
        tx.keysChanged();
        return tx.dsl().select(DSL.function("aw_delete_user", SQLDataType.BOOLEAN, text(id.value()),
                        DSL.val(now, SQLDataType.INSTANT)))
                .fetchSingle().value1();
    }

    @Override
    public boolean isTombstoned(UserId id) {
        return tx.dsl().select(DSL.function("aw_is_tombstoned", SQLDataType.BOOLEAN, text(id.value())))
                .fetchSingle().value1();
    }

    /** The set-returning function's rows under the users table's name (it returns {@code setof users}). */
    private static Table<?> usersFrom(String call, Field<?>... arguments) {
        return DSL.table(call, (Object[]) arguments).as(USERS.getName());
    }

    private static Field<?>[] profileArguments(UserProfile profile, Instant now) {
        return new Field<?>[] {text(profile.id().value()), text(profile.email()), text(profile.firstName()),
            text(profile.lastName()), text(profile.imageUrl()), DSL.val(now, SQLDataType.INSTANT)};
    }

    private static Field<String> text(String value) {
        return DSL.val(value, SQLDataType.CLOB);
    }

    private static User toUser(UsersRecord r) {
        return new User(new UserId(r.getId()), r.getEmail(), r.getFirstName(), r.getLastName(), r.getImageUrl(),
                r.getCreatedAt(), r.getUpdatedAt());
    }
}
