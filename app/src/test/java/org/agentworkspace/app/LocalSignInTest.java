package org.agentworkspace.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSignInTest {

    @TempDir
    Path dataDir;

    @Test
    void theKeyPairIsCreatedOnceAndKeptAcrossRestarts() {
        LocalSignIn first = LocalSignIn.open(dataDir);
        LocalSignIn second = LocalSignIn.open(dataDir);

        assertThat(second.publicKey()).isEqualTo(first.publicKey());
    }

    @Test
    void onlyTheLatestSecretIsAccepted() {
        LocalSignIn signIn = LocalSignIn.open(dataDir);
        String firstUrl = signIn.renew("http://127.0.0.1:8080");
        String first = firstUrl.substring(firstUrl.indexOf("#token=") + 7);

        assertThat(firstUrl).startsWith("http://127.0.0.1:8080/login#token=");
        assertThat(signIn.accepts(first)).isTrue();
        assertThat(signIn.accepts(first + "x")).isFalse();
        assertThat(signIn.accepts("")).isFalse();
        assertThat(signIn.accepts(null)).isFalse();

        String secondUrl = signIn.renew("http://127.0.0.1:8080");
        String second = secondUrl.substring(secondUrl.indexOf("#token=") + 7);

        assertThat(signIn.accepts(first)).isFalse();
        assertThat(signIn.accepts(second)).isTrue();
        // Another process (the login command) renewing is seen at once.
        assertThat(LocalSignIn.open(dataDir).accepts(second)).isTrue();
    }

    @Test
    void secretsNeverTouchTheDiskAndFilesAreOwnerOnly() throws Exception {
        LocalSignIn signIn = LocalSignIn.open(dataDir);
        String url = signIn.renew("http://localhost:8080");
        String secret = url.substring(url.indexOf("#token=") + 7);
        Path dir = dataDir.resolve("local-sign-in");

        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                assertThat(Files.readString(file)).doesNotContain(secret);
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            }
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    }
}
