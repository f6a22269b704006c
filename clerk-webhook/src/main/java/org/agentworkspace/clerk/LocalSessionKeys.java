package org.agentworkspace.clerk;

import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Objects;

/**
 * Local mode: the one public key of the pair the app keeps in its data directory. Every token is
 * tried against it whatever its {@code kid}; the signature decides.
 */
public final class LocalSessionKeys implements SessionKeys {

    private final List<RSAPublicKey> keys;

    /** @throws IllegalArgumentException when the key is shorter than 2048 bits */
    public LocalSessionKeys(RSAPublicKey publicKey) {
        this.keys = List.of(RsaKeys.requireStrong(Objects.requireNonNull(publicKey, "publicKey")));
    }

    @Override
    public List<RSAPublicKey> candidates(String keyId) {
        return keys;
    }
}
