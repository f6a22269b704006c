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
 * the RS256 key pair that signs dashboard sessions, created once, and the digest of the current
 * sign-in secret. The secret itself exists only in the printed URL's fragment, which browsers
 * never send in a request line.
 */
final class LocalSignIn {
    static final String LOCAL_OWNER_ID = "local_owner";
    private static final String KEY_FILE = "signing-key.pem";
    private static final String SECRET_FILE = "sign-in-secret.sha256";

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

    /** Replaces the sign-in secret and returns the URL that carries the new one. */
    String renew(String publicUrl) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try {
            writePrivately(dir.resolve(SECRET_FILE), HexFormat.of().formatHex(sha256(secret.getBytes(StandardCharsets.US_ASCII))));
        } catch (IOException e) {
            throw new IllegalStateException("Could not store the sign-in secret in " + dir + ": " + e.getMessage(), e);
        }
        return publicUrl + "/login#token=" + secret;
    }

    /**
     * Whether {@code presented} is the current secret. Read from disk on every call, so a
     * {@code login} run by another process takes effect at once. Constant-time comparison.
     */
    boolean accepts(String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > 256) {
            return false;
        }
        try {
            Path file = dir.resolve(SECRET_FILE);
            if (!Files.exists(file)) {
                return false;
            }
            byte[] expected = HexFormat.of().parseHex(Files.readString(file, StandardCharsets.US_ASCII).trim());
            return MessageDigest.isEqual(expected, sha256(presented.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
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
