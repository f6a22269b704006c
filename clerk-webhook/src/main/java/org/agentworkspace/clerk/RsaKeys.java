package org.agentworkspace.clerk;

import java.security.interfaces.RSAKey;

/** The one rule every configured RSA key obeys. */
final class RsaKeys {

    // RFC 7518 §3.3: RS256 keys are 2048 bits or more.
    static final int MIN_BITS = 2048;

    private RsaKeys() {
    }

    static <K extends RSAKey> K requireStrong(K key) {
        if (key.getModulus().bitLength() < MIN_BITS) {
            throw new IllegalArgumentException("RSA key must be at least " + MIN_BITS + " bits");
        }
        return key;
    }
}
