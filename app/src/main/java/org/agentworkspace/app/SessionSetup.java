package org.agentworkspace.app;

import java.time.Duration;
import java.util.Optional;
import org.agentworkspace.app.web.DashboardPage;
import org.agentworkspace.app.web.SignInMode;
import org.agentworkspace.clerk.ClerkSettings;
import org.agentworkspace.clerk.ClerkWebhookResource;
import org.agentworkspace.clerk.JwksSessionKeys;
import org.agentworkspace.clerk.LocalSessionIssuer;
import org.agentworkspace.clerk.LocalSessionKeys;
import org.agentworkspace.clerk.NimbusSessionVerifier;
import org.agentworkspace.clerk.PemSessionKeys;
import org.agentworkspace.clerk.SessionKeys;
import org.agentworkspace.clerk.SvixWebhookVerifier;
import org.agentworkspace.core.domain.UserId;
import org.agentworkspace.core.domain.UserProfile;
import org.agentworkspace.core.port.out.SessionVerifier;
import org.agentworkspace.core.usecase.UseCases;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * Who may hold a dashboard session: with Clerk configured, tokens signed by Clerk's key (PEM or
 * JWKS); otherwise local mode, where only the key pair kept in {@code AW_DATA_DIR} signs sessions
 * for the local owner. Also the Clerk webhook and the dashboard page, which depend on the same choice.
 */
final class SessionSetup {
    /** Local sessions are short-lived; the page renews them with the sign-in secret. */
    static final Duration LOCAL_SESSION_TTL = Duration.ofMinutes(15);

    private final AppConfig config;
    private final SessionVerifier verifier;
    private final LocalSignIn localSignIn;
    private final LocalSessionIssuer localIssuer;

    private SessionSetup(AppConfig config, SessionVerifier verifier, LocalSignIn localSignIn, LocalSessionIssuer localIssuer) {
        this.config = config;
        this.verifier = verifier;
        this.localSignIn = localSignIn;
        this.localIssuer = localIssuer;
    }

    static SessionSetup from(AppConfig config) {
        if (config.localMode()) {
            LocalSignIn signIn = LocalSignIn.open(config.dataDir());
            LocalSessionIssuer issuer = new LocalSessionIssuer(signIn.privateKey(),
                    LocalSessionIssuer.keyIdFor(signIn.publicKey()), LOCAL_SESSION_TTL, java.time.Clock.systemUTC());
            SessionVerifier verifier = new NimbusSessionVerifier(new LocalSessionKeys(signIn.publicKey()),
                    ClerkSettings.localMode());
            return new SessionSetup(config, verifier, signIn, issuer);
        }
        SessionKeys keys;
        try {
            keys = config.clerkJwtKey().<SessionKeys>map(PemSessionKeys::new)
                    .orElseGet(() -> new JwksSessionKeys(config.clerkJwksUrl().orElseThrow()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("CLERK_JWT_KEY: " + e.getMessage());
        }
        SessionVerifier verifier = new NimbusSessionVerifier(keys,
                ClerkSettings.of(config.clerkIssuer(), config.clerkAuthorizedParties()));
        return new SessionSetup(config, verifier, null, null);
    }

    SessionVerifier verifier() {
        return verifier;
    }

    /** Local mode's one owner exists before anyone signs in, so {@code agent create --owner local_owner} works. */
    void prepareLocalOwner(UseCases useCases) {
        if (localSignIn != null) {
            useCases.actAsUser().addUser(new UserProfile(new UserId(LocalSignIn.LOCAL_OWNER_ID), null, "Local", "owner", null));
        }
    }

    String renewSignIn(String publicUrl) {
        if (localSignIn == null) {
            throw new ConfigException("Local sign-in is only available without Clerk configuration");
        }
        return localSignIn.renew(publicUrl);
    }

    boolean signInEverIssued() {
        return localSignIn != null && localSignIn.everIssued();
    }

    void registerResources(ResourceConfig resources, UseCases useCases) {
        Optional<SvixWebhookVerifier> webhooks;
        try {
            webhooks = config.clerkWebhookSecret().map(SvixWebhookVerifier::new);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("CLERK_WEBHOOK_SIGNING_SECRET: " + e.getMessage());
        }
        resources.register(new ClerkWebhookResource(webhooks, useCases.syncUsers()));
        resources.register(new DashboardPage(localSignIn != null ? SignInMode.LOCAL : SignInMode.CLERK,
                config.clerkPublishableKey()));
        if (localSignIn != null) {
            resources.register(new LocalSessionResource(localSignIn, localIssuer, new UserId(LocalSignIn.LOCAL_OWNER_ID)));
        }
    }
}
