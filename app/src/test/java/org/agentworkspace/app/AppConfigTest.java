package org.agentworkspace.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AppConfigTest {

    @Test
    void defaultsFollowTheContract() {
        AppConfig config = AppConfig.fromEnvironment(Map.of());

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.embeddedDatabase()).isTrue();
        assertThat(config.dataDir().toString()).endsWith(".agentworkspace");
        assertThat(config.publicUrl()).isEqualTo("http://127.0.0.1:8080");
        assertThat(config.localMode()).isTrue();
        assertThat(config.clerkWebhookSecret()).isEmpty();
    }

    @Test
    void publicUrlDefaultsToHostAndPortAndLosesATrailingSlash() {
        assertThat(AppConfig.fromEnvironment(Map.of("PORT", "9000")).publicUrl()).isEqualTo("http://127.0.0.1:9000");
        assertThat(AppConfig.fromEnvironment(Map.of("AW_PUBLIC_URL", "https://cal.example.com/")).publicUrl())
                .isEqualTo("https://cal.example.com");
    }

    @Test
    void badValuesNameTheVariable() {
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("PORT", "eighty")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PORT must be a whole number");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("PORT", "70000")))
                .hasMessageContaining("PORT must be between 0 and 65535");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("AW_PUBLIC_URL", "cal.example.com")))
                .hasMessageContaining("AW_PUBLIC_URL");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("CLERK_WEBHOOK_SIGNING_SECRET", "secret")))
                .hasMessageContaining("whsec_").hasMessageNotContaining("secret)");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("DATABASE_MIGRATION_URL", "postgres://a@b/c")))
                .hasMessageContaining("DATABASE_URL is not");
    }

    @Test
    void localModeOffLoopbackIsRefusedUnlessExplicitlyAllowed() {
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("HOST", "0.0.0.0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("AW_LOCAL_LOGIN=true");

        assertThat(AppConfig.fromEnvironment(Map.of("HOST", "0.0.0.0", "AW_LOCAL_LOGIN", "true")).localMode()).isTrue();
        assertThat(AppConfig.fromEnvironment(Map.of("HOST", "0.0.0.0", "CLERK_JWT_KEY", "-----BEGIN PUBLIC KEY-----"))
                .localMode()).isFalse();
        assertThat(AppConfig.fromEnvironment(Map.of("HOST", "localhost")).localMode()).isTrue();
        assertThat(AppConfig.fromEnvironment(Map.of("HOST", "::1")).publicUrl()).isEqualTo("http://[::1]:8080");
    }

    @Test
    void toStringHidesSecrets() {
        AppConfig config = AppConfig.fromEnvironment(Map.of(
                "DATABASE_URL", "postgres://u:hunter2@db/aw?sslmode=require",
                "CLERK_WEBHOOK_SIGNING_SECRET", "whsec_c2VjcmV0",
                "CLERK_JWT_KEY", "-----BEGIN PUBLIC KEY-----abc"));

        assertThat(config.toString()).doesNotContain("hunter2").doesNotContain("whsec_c2VjcmV0");
    }

    @Test
    void aDatabaseAcrossTheNetworkWithoutTlsIsRefusedUnlessExplicitlyAllowed() {
        for (String url : new String[] {"postgres://u:hunter2@db.example.com/aw", "postgres://u:p@10.0.0.5:5432/aw?sslmode=prefer",
                "jdbc:postgresql://db.example.com/aw?sslmode=disable&password=hunter2",
                "jdbc:postgresql://localhost,db.example.com/aw?sslmode=allow"}) {
            assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("DATABASE_URL", url)))
                    .as(url).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("DATABASE_URL names a host that is not loopback")
                    .hasMessageContaining("sslmode=verify-full").hasMessageContaining("AW_ALLOW_INSECURE_DATABASE=true")
                    .hasMessageNotContaining("hunter2");
        }
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("DATABASE_URL", "postgres://u:p@localhost/aw",
                "DATABASE_MIGRATION_URL", "postgres://o:p@db.example.com/aw")))
                .hasMessageContaining("DATABASE_MIGRATION_URL names a host that is not loopback");

        for (String url : new String[] {"postgres://u:p@db.example.com/aw?sslmode=require",
                "postgres://u:p@db.example.com/aw?sslmode=verify-full&sslrootcert=/etc/ca.pem",
                "jdbc:postgresql://db.example.com/aw?ssl=true", "postgres://u:p@localhost:5432/aw",
                "jdbc:postgresql://127.0.0.1:5432/aw", "postgres://u:p@[::1]:5432/aw", "jdbc:postgresql:aw"}) {
            assertThat(AppConfig.fromEnvironment(Map.of("DATABASE_URL", url)).database()).as(url).isPresent();
        }
        assertThat(AppConfig.fromEnvironment(Map.of("DATABASE_URL", "postgres://u:p@db.example.com/aw",
                "AW_ALLOW_INSECURE_DATABASE", "true")).database()).isPresent();
    }
}
