package org.agentworkspace.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database connection's TLS, proven rather than promised (issue 15): PostgreSQL with
 * {@code ssl=on}, a certificate for {@code localhost} issued by a CA made for this test, and a
 * {@code pg_hba.conf} that admits TLS connections only. {@code sslmode=verify-full} with that
 * CA connects, and so does the application itself; another CA, or a host name the certificate
 * does not name, is refused.
 */
class DatabaseTlsTest {
    @TempDir
    static Path dir;
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgresWithTls() throws Exception {
        Path certs = Files.createDirectories(dir.resolve("certs"));
        authority(certs, "ca");
        authority(certs, "other-ca");
        openssl(certs, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
                "-subj", "/CN=localhost");
        Files.writeString(certs.resolve("san.cnf"), "subjectAltName=DNS:localhost\n", StandardCharsets.US_ASCII);
        openssl(certs, "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server.crt", "-days", "2", "-extfile", "san.cnf");
        Files.setPosixFilePermissions(certs.resolve("server.key"), PosixFilePermissions.fromString("rw-------"));

        postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(true)
                .setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", certs.resolve("server.crt").toString())
                .setServerConfig("ssl_key_file", certs.resolve("server.key").toString())
                .start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database tls_test");
            Files.writeString(dir.resolve("pg/pg_hba.conf"), "hostssl all all 127.0.0.1/32 trust\n"
                    + "hostssl all all ::1/128 trust\n", StandardCharsets.US_ASCII);
            s.execute("select pg_reload_conf()");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void verifyFullWithTheIssuingAuthorityConnectsOverTls() throws Exception {
        try (Connection c = DriverManager.getConnection(url("localhost", "verify-full", "ca.crt"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select ssl, version from pg_stat_ssl where pid = pg_backend_pid()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).as("encrypted").isTrue();
            assertThat(rs.getString(2)).startsWith("TLS");
        }
        assertThatThrownBy(() -> DriverManager.getConnection(url("localhost", "disable", null)).close())
                .as("the server admits TLS connections only").isInstanceOf(SQLException.class);
    }

    @Test
    void aCertificateFromAnotherAuthorityIsRefused() {
        assertThatThrownBy(() -> DriverManager.getConnection(url("localhost", "verify-full", "other-ca.crt")).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("SSL");
        assertThatThrownBy(() -> DriverManager.getConnection(url("localhost", "verify-ca", "other-ca.crt")).close())
                .isInstanceOf(SQLException.class);
    }

    @Test
    void aHostNameTheCertificateDoesNotNameIsRefused() {
        assertThatThrownBy(() -> DriverManager.getConnection(url("127.0.0.1", "verify-full", "ca.crt")).close())
                .isInstanceOf(SQLException.class);
        // verify-ca checks the chain only, so the same address passes: the refusal above is the host name's.
        assertThatCode(() -> DriverManager.getConnection(url("127.0.0.1", "verify-ca", "ca.crt")).close());
    }

    @Test
    void theApplicationRunsOnTheDatabaseThroughVerifiedTls() {
        String databaseUrl = "postgres://postgres@localhost:" + postgres.getPort() + "/tls_test?sslmode=verify-full&sslrootcert="
                + dir.resolve("certs/ca.crt");
        try (Application app = Application.open(AppConfig.fromEnvironment(Map.of("DATABASE_URL", databaseUrl,
                "AW_DATA_DIR", dir.resolve("data").toString(), "PORT", "0",
                // The library's bootstrap superuser is all this server has; the roles have their own test.
                "AW_ALLOW_PRIVILEGED_DATABASE_ROLE", "true")))) {
            assertThat(app.schemaVersion()).matches("[1-9][0-9]*");
        }
    }

    private static void assertThatCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        org.assertj.core.api.Assertions.assertThatCode(call).doesNotThrowAnyException();
    }

    private static String url(String host, String sslMode, String rootCert) {
        return "jdbc:postgresql://" + host + ":" + postgres.getPort() + "/tls_test?user=postgres&sslmode=" + sslMode
                + (rootCert == null ? "" : "&sslrootcert=" + dir.resolve("certs").resolve(rootCert));
    }

    private static void authority(Path certs, String name) throws Exception {
        openssl(certs, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".crt",
                "-days", "2", "-subj", "/CN=AgentWorkspace test " + name,
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
    }

    private static void openssl(Path workDir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("openssl %s: %s", String.join(" ", args), output).isZero();
    }
}
