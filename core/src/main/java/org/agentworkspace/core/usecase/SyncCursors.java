package org.agentworkspace.core.usecase;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.agentworkspace.core.domain.AgentId;
import org.agentworkspace.core.domain.ChangePosition;

/**
 * Opaque sync cursors: the position, the full sync's horizon and the issue time, sealed with
 * AES-GCM under the deployment's key with the agent's id as associated data. Another agent's
 * cursor, a tampered or a made-up one fails authentication and reads as unknown; the content
 * (transaction ids, which count writes across all agents) is never readable by anyone.
 */
final class SyncCursors {
    private static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int PAYLOAD_BYTES = 1 + 8 + 8 + 8 + 8;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** What a cursor carries. */
    record Cursor(ChangePosition position, long deletionsFrom, Instant issuedAt) {
    }

    private final SecretKeySpec key;
    private final SecureRandom random;
    private final Duration lifetime;

    SyncCursors(byte[] key, SecureRandom random, Duration lifetime) {
        this.key = new SecretKeySpec(key, "AES");
        this.random = random;
        this.lifetime = lifetime;
    }

    String seal(AgentId agent, Cursor cursor) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_BYTES).put(VERSION)
                .putLong(cursor.position().txid()).putLong(cursor.position().seq())
                .putLong(cursor.deletionsFrom()).putLong(cursor.issuedAt().getEpochSecond());
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(agent.value().toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(payload.array());
            return ENCODER.encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** Empty for anything but a live cursor this deployment issued to this agent. */
    Optional<Cursor> open(AgentId agent, String text, Instant now) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length != IV_BYTES + PAYLOAD_BYTES + TAG_BITS / 8) {
            return Optional.empty();
        }
        byte[] payload;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, IV_BYTES));
            cipher.updateAAD(agent.value().toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            payload = cipher.doFinal(raw, IV_BYTES, raw.length - IV_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
        ByteBuffer b = ByteBuffer.wrap(payload);
        if (b.get() != VERSION) {
            return Optional.empty();
        }
        Cursor cursor = new Cursor(new ChangePosition(b.getLong(), b.getLong()), b.getLong(),
                Instant.ofEpochSecond(b.getLong()));
        if (cursor.issuedAt().isBefore(now.minus(lifetime)) || cursor.issuedAt().isAfter(now.plus(lifetime))) {
            return Optional.empty();
        }
        return Optional.of(cursor);
    }
}
