package org.agentworkspace.core.domain;

import java.security.SecureRandom;

/** Random strings over the nanoid URL-safe alphabet, drawn from the JDK's CSPRNG. */
final class SecretAlphabet {
    static final String URL_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    private SecretAlphabet() {
    }

    /** 64 symbols: the low six bits of a random byte pick one without bias. */
    static String random(SecureRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = URL_SAFE.charAt(bytes[i] & 63);
        }
        return new String(out);
    }

    static boolean allUrlSafe(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
