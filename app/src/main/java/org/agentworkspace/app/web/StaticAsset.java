package org.agentworkspace.app.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One file of the page, read from the classpath folder {@code web/} with its media type and a
 * strong ETag of its bytes.
 *
 * @param bytes     the file's content; callers must not modify it
 * @param mediaType the Content-Type to send
 * @param etag      the entity tag value, without quotes
 */
record StaticAsset(byte[] bytes, String mediaType, String etag) {
    static final String FOLDER = "web/";

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon");

    StaticAsset {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(etag, "etag");
    }

    /** The asset named {@code name} (already whitelisted by the caller), or empty when there is none. */
    static Optional<StaticAsset> load(String name) {
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.get(extension);
        if (type == null) {
            return Optional.empty();
        }
        try (InputStream in = StaticAsset.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(of(in.readAllBytes(), type));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read page asset " + name, e);
        }
    }

    static StaticAsset of(byte[] bytes, String mediaType) {
        return new StaticAsset(bytes, mediaType, tagOf(bytes));
    }

    private static String tagOf(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
