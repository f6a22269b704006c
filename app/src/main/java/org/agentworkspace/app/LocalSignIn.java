package org.agentworkspace.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Local mode's credentials, kept in {@code AW_DATA_DIR/local-sign-in} (owner-only permissions):
 * the RS256 key pair that signs dashboard sessions, created once, and the digests of the sign-in
 * secrets still unused. A secret exists only in the printed URL's fragment (which browsers never
 * send in a request line) or in the page that holds it.
 *
 * <p>Every secret is one-time (issue 15): {@link #consume} deletes its file, and deleting a file
 * succeeds for exactly one caller, so two exchanges of one secret — in one process or in several
 * instances sharing the data directory — cannot both succeed. Each successful exchange hands the
 * page a {@link #issueRenewal renewal secret} for its next exchange, valid {@link #RENEWAL_TTL}.
 */
final class LocalSignIn {
    static final String LOCAL_OWNER_ID = "local_owner";
    private static final String KEY_FILE = "signing-key.pem";
    /** Where earlier versions kept the digest of one reusable secret; removed when seen. */
    private static final String LEGACY_SECRET_FILE = "sign-in-secret.sha256";
    /** Present once a sign-in URL was ever printed for this data directory. */
    private static final String ISSUED_MARKER = "sign-in-issued";
    private static final String SECRETS = "secrets";
    /** How long a page may wait before its next exchange (a sleeping laptop) before {@code login} is needed again. */
    static final java.time.Duration RENEWAL_TTL = java.time.Duration.ofHours(12);
    private static final long NEVER = Long.MAX_VALUE;

    private final Path dir;
    private final RSAPrivateCrtKey privateKey;
    private final RSAPublicKey publicKey;
    private final SecureRandom random = new SecureRandom();

    private LocalSignIn(Path dir, RSAPrivateCrtKey privateKey, RSAPublicKey publicKey) {
        this.dir = dir;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    static LocalSignIn open(Path dataDir) {
        Path dir = dataDir.resolve("local-sign-in");
        try {
            createPrivateDirectory(dir);
            createPrivateDirectory(dir.resolve(SECRETS));
            Path legacy = dir.resolve(LEGACY_SECRET_FILE);
            if (Files.exists(legacy)) {
                // The old secret was reusable and printed at every start: it stops working.
                writePrivately(dir.resolve(ISSUED_MARKER), "");
                Files.deleteIfExists(legacy);
            }
            Path keyFile = dir.resolve(KEY_FILE);
            if (!Files.exists(keyFile)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048, new SecureRandom());
                KeyPair pair = generator.generateKeyPair();
                writePrivately(keyFile, pem(pair.getPrivate().getEncoded()));
            }
            RSAPrivateCrtKey privateKey = readPrivateKey(keyFile);
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new LocalSignIn(dir, privateKey, publicKey);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Could not prepare the local sign-in key in " + dir + ": " + e.getMessage(), e);
        }
    }

    RSAPrivateCrtKey privateKey() {
        return privateKey;
    }

    RSAPublicKey publicKey() {
        return publicKey;
    }

    /**
     * A fresh sign-in secret, and the URL that carries it; every secret issued before (printed or
     * held by a page) stops working, so {@code login} also signs out every open dashboard.
     */
    String renew(String publicUrl) {
        try {
            try (var files = Files.list(dir.resolve(SECRETS))) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            String secret = store(NEVER);
            writePrivately(dir.resolve(ISSUED_MARKER), "");
            return publicUrl + "/login#token=" + secret;
        } catch (IOException e) {
            throw new IllegalStateException("Could not store the sign-in secret in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Whether a sign-in URL was ever printed for this data directory (else the next start prints one). */
    boolean everIssued() {
        return Files.exists(dir.resolve(ISSUED_MARKER));
    }

    /**
     * Uses up {@code presented}: true for exactly one call per secret issued and not yet replaced or
     * expired, across every process sharing the data directory. The secret is found by the
     * SHA-256 of what was presented, so no comparison runs over secret bytes.
     */
    boolean consume(String presented, java.time.Instant now) {
        if (presented == null || presented.isEmpty() || presented.length() > 256
                || !presented.matches("[A-Za-z0-9_-]+")) {
            return false;
        }
        Path file = dir.resolve(SECRETS).resolve(HexFormat.of().formatHex(sha256(presented.getBytes(StandardCharsets.US_ASCII))));
        try {
            long expiresAt = Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim());
            Files.delete(file);
            return now.getEpochSecond() < expiresAt;
        } catch (IOException | NumberFormatException e) {
            // NoSuchFileException: never issued, replaced, or consumed by another exchange first.
            return false;
        }
    }

    /** The secret a page presents at its next exchange; expired ones left by closed pages are removed here. */
    String issueRenewal(java.time.Instant now) {
        try {
            try (var files = Files.list(dir.resolve(SECRETS))) {
                for (Path file : files.toList()) {
                    try {
                        if (Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim()) <= now.getEpochSecond()) {
                            Files.deleteIfExists(file);
                        }
                    } catch (IOException | NumberFormatException e) {
                        // Consumed meanwhile, or a temporary file being written: not ours to judge now.
                    }
                }
            }
            return store(now.plus(RENEWAL_TTL).getEpochSecond());
        } catch (IOException e) {
            throw new IllegalStateException("Could not store a sign-in secret in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A new secret from the CSPRNG; only its digest (as the file name) and expiry reach the disk. */
    private String store(long expiresAtEpochSecond) throws IOException {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        writePrivately(dir.resolve(SECRETS).resolve(HexFormat.of().formatHex(sha256(secret.getBytes(StandardCharsets.US_ASCII)))),
                Long.toString(expiresAtEpochSecond));
        return secret;
    }

    private static RSAPrivateCrtKey readPrivateKey(Path file) throws IOException, GeneralSecurityException {
        String body = Files.readString(file, StandardCharsets.US_ASCII)
                .replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    private static String pem(byte[] der) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END PRIVATE KEY-----\n";
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Written to a temporary file with owner-only permissions, then moved into place atomically. */
    private static void writePrivately(Path file, String content) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), ".tmp", "");
        try {
            if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temp, content, StandardCharsets.US_ASCII);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
