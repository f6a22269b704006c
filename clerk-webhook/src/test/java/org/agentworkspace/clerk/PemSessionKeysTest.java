package org.agentworkspace.clerk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PemSessionKeysTest {

    private static final String PEM = TestKeys.pem(TestKeys.CLERK);

    @Test
    void readsThePemAsClerkShowsIt() {
        assertThat(new PemSessionKeys(PEM).candidates("any-kid")).containsExactly(TestKeys.publicKey(TestKeys.CLERK));
    }

    @Test
    void readsThePemWithLiteralBackslashNOnOneLine() {
        String oneLine = PEM.strip().replace("\n", "\\n");

        assertThat(oneLine).doesNotContain("\n");
        assertThat(new PemSessionKeys(oneLine).candidates(null)).containsExactly(TestKeys.publicKey(TestKeys.CLERK));
    }

    @Test
    void readsThePemWithoutAnyLineBreaks() {
        String flat = PEM.replace("\n", "");

        assertThat(new PemSessionKeys(flat).candidates(null)).containsExactly(TestKeys.publicKey(TestKeys.CLERK));
    }

    @Test
    void readsThePemWithWindowsLineEndingsAndSurroundingQuotes() {
        String quoted = "\"" + PEM.replace("\n", "\r\n") + "\"";

        assertThat(new PemSessionKeys(quoted).candidates(null)).containsExactly(TestKeys.publicKey(TestKeys.CLERK));
    }

    @Test
    void refusesTextThatIsNotAPemKeyWithoutRepeatingIt() {
        String secretLooking = "sk_live_notakey";

        assertThatThrownBy(() -> new PemSessionKeys(secretLooking))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CLERK_JWT_KEY")
                .hasMessageNotContaining(secretLooking);
    }

    @Test
    void refusesBrokenBase64() {
        assertThatThrownBy(() -> new PemSessionKeys("-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PemSessionKeys("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnEcKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        String ecPem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----";

        assertThatThrownBy(() -> new PemSessionKeys(ecPem)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAWeakRsaKey() {
        String weak = TestKeys.pem(TestKeys.generate(1024));

        assertThatThrownBy(() -> new PemSessionKeys(weak))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2048");
    }
}
