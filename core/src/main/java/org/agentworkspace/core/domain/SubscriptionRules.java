package org.agentworkspace.core.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The contract's rules for a subscription: {@code label} at most 200 characters, {@code email} at
 * most 254 and shaped like an address (it is shown, never mailed), {@code detail} {@code full}
 * (default) or {@code busy}.
 */
public final class SubscriptionRules {
    public static final int LABEL_MAX = 200;
    public static final int EMAIL_MAX = 254;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    private SubscriptionRules() {
    }

    /** @throws ValidationFailed with every issue */
    public static SubscriptionData forCreate(Field<String> label, Field<String> email, Field<String> detail) {
        Issues issues = new Issues();
        String validLabel = Fields.optional(label, "label", issues);
        Fields.maxLength(validLabel, LABEL_MAX, "label", issues);
        String validEmail = Fields.optional(email, "email", issues);
        if (validEmail != null) {
            if (Fields.length(validEmail) > EMAIL_MAX) {
                issues.add("email", "email must be at most " + EMAIL_MAX + " characters");
            } else if (!EMAIL.matcher(validEmail).matches()) {
                issues.add("email", "email must be an address such as name@example.com");
            }
        }
        String detailText = Fields.optional(detail, "detail", issues);
        FeedDetail validDetail = FeedDetail.FULL;
        if (detailText != null) {
            Optional<FeedDetail> parsed = FeedDetail.fromWire(detailText);
            if (parsed.isEmpty()) {
                issues.add("detail", "detail must be full or busy");
            }
            validDetail = parsed.orElse(FeedDetail.FULL);
        }
        issues.throwIfAny();
        return new SubscriptionData(validLabel, validEmail, validDetail);
    }
}
