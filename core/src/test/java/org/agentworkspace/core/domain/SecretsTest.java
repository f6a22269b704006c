package org.agentworkspace.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SecretsTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void a_generated_key_has_the_contract_shape_and_parses_back() {
        ApiKey key = ApiKey.generate(random);
        String text = key.reveal();
        assertThat(text).hasSize(43).startsWith("ak_").matches("ak_[A-Za-z0-9_-]{34}[0-9A-Za-z]{6}");
        assertThat(ApiKey.parse(text)).contains(key);
    }

    @Test
    void two_generated_keys_differ() {
        assertThat(ApiKey.generate(random).reveal()).isNotEqualTo(ApiKey.generate(random).reveal());
    }

    @Test
    void a_key_with_one_changed_character_fails_its_checksum() {
        String text = ApiKey.generate(random).reveal();
        char c = text.charAt(10);
        String typo = text.substring(0, 10) + (c == 'A' ? 'B' : 'A') + text.substring(11);
        assertThat(ApiKey.parse(typo)).isEmpty();
        String badSum = text.substring(0, 42) + (text.charAt(42) == '0' ? '1' : '0');
        assertThat(ApiKey.parse(badSum)).isEmpty();
    }

    @Test
    void wrong_shapes_are_refused() {
        String good = ApiKey.generate(random).reveal();
        assertThat(ApiKey.parse(null)).isEmpty();
        assertThat(ApiKey.parse("")).isEmpty();
        assertThat(ApiKey.parse(good.substring(0, 42))).isEmpty();
        assertThat(ApiKey.parse(good + "0")).isEmpty();
        assertThat(ApiKey.parse("sk_" + good.substring(3))).isEmpty();
        assertThat(ApiKey.parse(good.substring(0, 5) + "!" + good.substring(6))).isEmpty();
    }

    @Test
    void the_key_never_shows_in_to_string() {
        ApiKey key = ApiKey.generate(random);
        assertThat(key.toString()).doesNotContain(key.reveal().substring(3));
        FeedToken token = FeedToken.generate(random);
        assertThat(token.toString()).doesNotContain(token.reveal());
    }

    @Test
    void the_digest_is_sha256_of_the_key_and_verifies_only_that_key() throws Exception {
        ApiKey key = ApiKey.generate(random);
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(key.reveal().getBytes(StandardCharsets.UTF_8));
        assertThat(key.digest().bytes()).isEqualTo(expected);
        assertThat(key.digest().hex()).isEqualTo(HexFormat.of().formatHex(expected));
        assertThat(KeyDigest.fromBytes(expected)).isEqualTo(key.digest());
        assertThat(ApiKey.generate(random).digest()).isNotEqualTo(key.digest());
        assertThat(key.digest().toString()).doesNotContain(key.digest().hex());
    }

    @Test
    void a_stored_digest_must_have_32_bytes() {
        assertThatThrownBy(() -> KeyDigest.fromBytes(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyDigest.fromBytes(new byte[33])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void feed_tokens_are_32_url_safe_characters() {
        FeedToken token = FeedToken.generate(random);
        assertThat(token.reveal()).hasSize(32).matches("[A-Za-z0-9_-]{32}");
        assertThat(FeedToken.parse(token.reveal())).contains(token);
        assertThat(FeedToken.parse(token.reveal().substring(1))).isEmpty();
        assertThat(FeedToken.parse(token.reveal() + "x")).isEmpty();
        assertThat(FeedToken.parse(token.reveal().substring(1) + "/")).isEmpty();
        assertThat(FeedToken.parse(null)).isEmpty();
        assertThat(FeedToken.generate(random)).isNotEqualTo(token);
    }

    @Test
    void ids_parse_only_canonical_uuids() {
        EventId id = EventId.random();
        assertThat(EventId.parse(id.toString())).contains(id);
        assertThat(EventId.parse("not-a-uuid")).isEmpty();
        assertThat(EventId.parse("1-1-1-1-1")).isEmpty();
        assertThat(EventId.parse(null)).isEmpty();
        assertThat(id.value().version()).isEqualTo(7);
    }
}
