package org.agentworkspace.persistence;

import org.agentworkspace.testing.TestDatabases;

/** The persistence tests' databases: migrated by the owner role, with grants for the runtime role. */
final class RuntimeRoleDatabases {
    private RuntimeRoleDatabases() {
    }

    static TestDatabases.Database fresh() {
        return TestDatabases.fresh("schema_rls", owner -> FlywayMigrations.migrate(owner, TestDatabases.RUNTIME_ROLE));
    }
}
