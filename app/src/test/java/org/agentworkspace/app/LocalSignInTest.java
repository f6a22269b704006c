package org.agentworkspace.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSignInTest {
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void theKeyPairIsCreatedOnceAndKeptAcrossRestarts() {
        LocalSignIn first = LocalSignIn.open(dataDir);
        LocalSignIn second = LocalSignIn.open(dataDir);

        assertThat(second.publicKey()).isEqualTo(first.publicKey());
    }

    @Test
    void aSignInSecretWorksOnceInThisProcessAndInAnyOtherSharingTheDataDirectory() {
        LocalSignIn signIn = LocalSignIn.open(dataDir);
        String url = signIn.renew("http://127.0.0.1:8080");
        assertThat(url).startsWith("http://127.0.0.1:8080/login#token=");
        String secret = secretOf(url);

        assertThat(signIn.consume(secret + "x", NOW)).isFalse();
        assertThat(signIn.consume("", NOW)).isFalse();
        assertThat(signIn.consume(null, NOW)).isFalse();
        assertThat(signIn.consume("../" + secret, NOW)).isFalse();
        assertThat(signIn.consume(secret, NOW)).isTrue();
        assertThat(signIn.consume(secret, NOW)).as("a second exchange").isFalse();
        assertThat(LocalSignIn.open(dataDir).consume(secret, NOW)).as("in another instance").isFalse();
    }

    @Test
    void ofConcurrentExchangesOfOneSecretByInstancesSharingTheDataDirectoryExactlyOneWins() throws Exception {
        String secret = secretOf(LocalSignIn.open(dataDir).renew("http://127.0.0.1:8080"));
        int instances = 8;
        List<LocalSignIn> each = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            each.add(LocalSignIn.open(dataDir));
        }
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (LocalSignIn instance : each) {
                Callable<Boolean> exchange = () -> {
                    start.await();
                    return instance.consume(secret, NOW);
                };
                outcomes.add(pool.submit(exchange));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> outcome : outcomes) {
                won += outcome.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRenewalSecretIsOneTimeAndExpires() {
        LocalSignIn signIn = LocalSignIn.open(dataDir);
        String renewal = signIn.issueRenewal(NOW);
        assertThat(signIn.consume(renewal, NOW.plusSeconds(60))).isTrue();
        assertThat(signIn.consume(renewal, NOW.plusSeconds(61))).isFalse();

        String late = signIn.issueRenewal(NOW);
        assertThat(signIn.consume(late, NOW.plus(LocalSignIn.RENEWAL_TTL))).as("at its expiry").isFalse();
    }

    @Test
    void loginReplacesEverySecretIssuedBefore() {
        LocalSignIn signIn = LocalSignIn.open(dataDir);
        String first = secretOf(signIn.renew("http://127.0.0.1:8080"));
        String heldByAPage = signIn.issueRenewal(NOW);

        String second = secretOf(LocalSignIn.open(dataDir).renew("http://127.0.0.1:8080"));

        assertThat(signIn.consume(first, NOW)).isFalse();
        assertThat(signIn.consume(heldByAPage, NOW)).isFalse();
        assertThat(signIn.consume(second, NOW)).isTrue();
    }

    @Test
    void theFirstStartIsToldApartFromLaterOnesAndTheReusableSecretOfEarlierVersionsStopsWorking() throws Exception {
        assertThat(LocalSignIn.open(dataDir).everIssued()).isFalse();
        LocalSignIn.open(dataDir).renew("http://127.0.0.1:8080");
        assertThat(LocalSignIn.open(dataDir).everIssued()).isTrue();

        Path earlier = Files.createDirectories(dataDir.resolve("earlier"));
        Path legacy = Files.createDirectories(earlier.resolve("local-sign-in")).resolve("sign-in-secret.sha256");
        Files.writeString(legacy, "00".repeat(32));
        assertThat(LocalSignIn.open(earlier).everIssued()).isTrue();
        assertThat(legacy).doesNotExist();
    }

    @Test
    void secretsNeverTouchTheDiskAndFilesAreOwnerOnly() throws Exception {
        LocalSignIn signIn = LocalSignIn.open(dataDir);
        String secret = secretOf(signIn.renew("http://localhost:8080"));
        String renewal = signIn.issueRenewal(Instant.now());
        Path dir = dataDir.resolve("local-sign-in");

        try (var files = Files.walk(dir)) {
            for (Path file : files.toList()) {
                assertThat(file.getFileName().toString()).doesNotContain(secret).doesNotContain(renewal);
                if (Files.isDirectory(file)) {
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                            .isEqualTo("rwx------");
                } else {
                    assertThat(Files.readString(file)).doesNotContain(secret).doesNotContain(renewal);
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                            .isEqualTo("rw-------");
                }
            }
        }
    }

    private static String secretOf(String url) {
        return url.substring(url.indexOf("#token=") + 7);
    }
}
