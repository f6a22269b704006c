package org.agentworkspace.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void hostingProviderFormBecomesJdbcUrlWithSeparateCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("DATABASE_URL",
                "postgres://neondb_owner:s3cr%40t@ep-cool-1.eu-central-1.aws.neon.tech:5432/neondb?sslmode=require");

        assertThat(url.jdbcUrl()).isEqualTo(
                "jdbc:postgresql://ep-cool-1.eu-central-1.aws.neon.tech:5432/neondb?sslmode=require");
        assertThat(url.user()).isEqualTo("neondb_owner");
        assertThat(url.password()).isEqualTo("s3cr@t");
    }

    @Test
    void postgresqlSchemeAndMissingPortAreAccepted() {
        DatabaseUrl url = DatabaseUrl.parse("DATABASE_URL", "postgresql://app@db.internal/aw");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal/aw");
        assertThat(url.user()).isEqualTo("app");
        assertThat(url.password()).isNull();
    }

    @Test
    void jdbcFormPassesThroughUnchanged() {
        DatabaseUrl url = DatabaseUrl.parse("DATABASE_URL", "jdbc:postgresql://localhost:5432/aw?user=a&password=b");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/aw?user=a&password=b");
        assertThat(url.describe()).doesNotContain("password=b").contains("password=***");
    }

    @Test
    void errorsNameTheProblemWithoutEchoingThePassword() {
        assertThatThrownBy(() -> DatabaseUrl.parse("DATABASE_URL", "mysql://root:hunter2@db/aw"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("DATABASE_URL must start with postgres://")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> DatabaseUrl.parse("DATABASE_URL", "postgres://u:hunter2@db.example.com:5432"))
                .hasMessageContaining("names no database")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> DatabaseUrl.parse("DATABASE_URL", "postgres://u:hun ter2@db/aw"))
                .hasMessageContaining("not a valid URL")
                .hasMessageNotContaining("hun ter2");
    }

    @Test
    void toStringNeverShowsThePassword() {
        DatabaseUrl url = DatabaseUrl.parse("DATABASE_URL", "postgres://u:hunter2@db/aw");

        assertThat(url.toString()).doesNotContain("hunter2");
    }
}
