package org.agentworkspace.core.domain;

import static org.agentworkspace.core.builders.Strings.ofLength;
import static org.agentworkspace.core.domain.ValidationAssertions.issuesOf;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubscriptionRulesTest {
    private static final Field<String> NONE = Field.absent();

    @Test
    void defaults_to_full_detail_without_label_or_email() {
        assertThat(SubscriptionRules.forCreate(NONE, NONE, NONE)).isEqualTo(new SubscriptionData(null, null, FeedDetail.FULL));
    }

    @Test
    void label_up_to_200() {
        assertThat(SubscriptionRules.forCreate(Field.of(ofLength(200)), NONE, NONE).label()).hasSize(200);
        assertThat(issuesOf(() -> SubscriptionRules.forCreate(Field.of(ofLength(201)), NONE, NONE)))
                .containsExactly(new Issue("label", "label must be at most 200 characters"));
    }

    @Test
    void email_up_to_254_and_shaped_like_an_address() {
        String at254 = ofLength(64) + "@" + ofLength(185) + ".com";
        assertThat(at254).hasSize(254);
        assertThat(SubscriptionRules.forCreate(NONE, Field.of(at254), NONE).email()).isEqualTo(at254);
        String at255 = ofLength(64) + "@" + ofLength(186) + ".com";
        assertThat(issuesOf(() -> SubscriptionRules.forCreate(NONE, Field.of(at255), NONE)))
                .containsExactly(new Issue("email", "email must be at most 254 characters"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "a@b", "@b.c", "a@@b.c", "a b@c.d", "a@b.", "a@.b"})
    void malformed_addresses_are_refused(String email) {
        assertThat(issuesOf(() -> SubscriptionRules.forCreate(NONE, Field.of(email), NONE)))
                .containsExactly(new Issue("email", "email must be an address such as name@example.com"));
    }

    @Test
    void detail_is_full_or_busy() {
        assertThat(SubscriptionRules.forCreate(NONE, Field.of("a@b.c"), Field.of("busy")).detail()).isEqualTo(FeedDetail.BUSY);
        assertThat(issuesOf(() -> SubscriptionRules.forCreate(NONE, NONE, Field.of("partial"))))
                .containsExactly(new Issue("detail", "detail must be full or busy"));
    }
}
