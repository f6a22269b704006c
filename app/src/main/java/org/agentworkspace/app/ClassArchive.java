package org.agentworkspace.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The server's classes as a dynamic CDS archive (JDK 13+), so a start maps them instead of reading,
 * inflating, parsing and verifying each of them from the jar again: about half the CPU time of a
 * start (docs/operations.md, "Start time"). The first {@code serve} of a jar writes it when its JVM
 * exits ({@code -XX:ArchiveClassesAtExit}) into a file of its own, and the launcher keeps it only
 * after a clean exit; every later start maps it ({@code -XX:SharedArchiveFile}). It lives in the
 * data directory, which only its owner can write (a class archive is code), and is named after
 * the jar and the JVM it belongs to, so a new build or JDK writes a new one; the JVM checks the
 * jar's size and time itself as well and ignores an archive that does not match.
 */
final class ClassArchive {
    private static final String PREFIX = "server-classes-";
    private static final String SUFFIX = ".jsa";
    /** Exit statuses after which the JVM has written the archive: a return from main, SIGHUP, SIGINT, SIGTERM. */
    private static final List<Integer> CLEAN_EXITS = List.of(0, 129, 130, 143);

    private final Path archive;
    private final Path written;

    private ClassArchive(Path archive, Path written) {
        this.archive = archive;
        this.written = written;
    }

    /** Empty when the directory cannot be made or written (then the server starts without one). */
    static Optional<ClassArchive> in(Path dataDir, Path jar, Path javaHome) {
        try {
            Path dir = dataDir.resolve("jvm");
            Files.createDirectories(dir);
            String key = key(jar.toAbsolutePath() + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis()
                    + "|" + javaHome + "|" + System.getProperty("java.vm.version") + "|" + ServerJvm.FLAGS);
            Path archive = dir.resolve(PREFIX + key + SUFFIX);
            Path written = dir.resolve(PREFIX + key + "-" + ProcessHandle.current().pid() + ".tmp");
            return Files.isWritable(dir) ? Optional.of(new ClassArchive(archive, written)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The child's options: map the archive, or write it at exit. Its log lines stay off the server's output. */
    List<String> flags() {
        return Files.isRegularFile(archive)
                ? List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off")
                : List.of("-XX:ArchiveClassesAtExit=" + written, "-Xlog:cds*=off");
    }

    /**
     * After the child's exit: a freshly written archive becomes the one later starts map (atomically,
     * so a concurrent start sees the old state or the whole file), and archives of other builds go.
     * Idempotent; a failure only means the next start writes it again.
     */
    synchronized void keepIfWritten(int exitStatus) {
        try {
            if (!Files.isRegularFile(written)) {
                return;
            }
            if (!CLEAN_EXITS.contains(exitStatus) || Files.size(written) == 0) {
                Files.deleteIfExists(written);
                return;
            }
            Files.move(written, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (DirectoryStream<Path> others = Files.newDirectoryStream(archive.getParent(), PREFIX + "*" + SUFFIX)) {
                for (Path other : others) {
                    if (!other.equals(archive)) {
                        Files.deleteIfExists(other);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not keep the class archive " + archive + ": " + e.getMessage());
        }
    }

    private static String key(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
