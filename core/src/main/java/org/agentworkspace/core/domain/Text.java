package org.agentworkspace.core.domain;

/**
 * The one rule every stored text shares, whatever entry point it came through (REST bodies and
 * query values, Clerk webhooks, session subjects, the command line): no U+0000. PostgreSQL's
 * {@code text} cannot hold it, so letting it through turned a caller's mistake into a 500 inside
 * the transaction (issue 15) — and, for a webhook, into a delivery Svix retries forever.
 */
public final class Text {
    private Text() {
    }

    public static boolean containsNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    /** What the caller is told: the field and what to fix. */
    public static String nulMessage(String path) {
        return path + " must not contain the NUL character (U+0000)";
    }

    /** Records an issue for {@code path} when {@code text} contains U+0000; {@code null} passes. */
    public static void checkNoNul(String text, String path, Issues issues) {
        if (containsNul(text)) {
            issues.add(path, nulMessage(path));
        }
    }

    /**
     * The profile's first field that contains U+0000 (by the API's names), or {@code null}.
     * The id cannot: {@link UserId} refuses it.
     */
    public static String nulFieldOf(UserProfile profile) {
        if (containsNul(profile.email())) {
            return "email";
        }
        if (containsNul(profile.firstName())) {
            return "firstName";
        }
        if (containsNul(profile.lastName())) {
            return "lastName";
        }
        return containsNul(profile.imageUrl()) ? "imageUrl" : null;
    }
}
