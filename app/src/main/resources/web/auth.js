// Sign-in for the dashboard. Local mode: the one-time secret from /login#token=… is kept in
// sessionStorage only and exchanged for a short-lived session token, held in memory; each exchange
// uses the secret up and answers the one-time secret for the next exchange, which replaces it. Clerk mode:
// Clerk's own script signs in and issues the tokens. API keys and feed tokens never pass here.

const SECRET_KEY = 'aw.localSignInSecret';
const INVALID_LINK = 'This sign-in link is no longer valid; run `java -jar agentworkspace.jar login` for a fresh one.';
const NO_LINK = 'To sign in, run `java -jar agentworkspace.jar login` on the machine that runs the server and open the URL it prints.';

export class SignInError extends Error {}

/**
 * Takes the secret out of the address bar before anything else runs, so it never lands in
 * history, bookmarks or a screenshot. Called once, first thing, by app.js.
 */
export function takeSecretFromAddressBar() {
  const fragment = window.location.hash;
  if (!fragment.startsWith('#token=')) {
    if (window.location.pathname === '/login') window.history.replaceState(null, '', '/');
    return;
  }
  const token = new URLSearchParams(fragment.slice(1)).get('token');
  window.history.replaceState(null, '', '/');
  if (token) keepSecret(token);
}

/** The one place a secret is stored: the sign-in URL's, then each exchange's one-time successor. */
function keepSecret(token) {
  window.sessionStorage.setItem(SECRET_KEY, token);
}

export function authMode() {
  return document.querySelector('meta[name="aw-auth"]')?.content === 'clerk' ? 'clerk' : 'local';
}

/** Local mode: exchanges the stored secret for sessions and renews them before they expire. */
class LocalSession {
  constructor() {
    this.session = null;
    this.expiresAt = 0;
    this.pending = null;
    this.timer = null;
    this.onSignedOut = () => {};
  }

  async start() {
    if (!window.sessionStorage.getItem(SECRET_KEY)) throw new SignInError(NO_LINK);
    await this.renew();
  }

  /** One exchange at a time; concurrent callers share it. */
  renew() {
    this.pending ??= this.exchange().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  async exchange() {
    const secret = window.sessionStorage.getItem(SECRET_KEY);
    if (!secret) throw new SignInError(NO_LINK);
    let response;
    try {
      response = await fetch('/api/local/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ token: secret }),
        cache: 'no-store',
        credentials: 'same-origin',
      });
    } catch {
      throw new SignInError('Cannot reach the server. Is it still running?');
    }
    if (response.status === 401) {
      this.forget();
      throw new SignInError(INVALID_LINK);
    }
    const body = await response.json().catch(() => ({}));
    if (!response.ok || typeof body.session !== 'string') {
      throw new SignInError(body.error || `Sign-in failed (HTTP ${response.status}).`);
    }
    if (typeof body.token === 'string') keepSecret(body.token);
    this.session = body.session;
    this.expiresAt = Date.parse(body.expiresAt) || Date.now() + 60_000;
    this.schedule();
    return this.session;
  }

  schedule() {
    window.clearTimeout(this.timer);
    const lifetime = this.expiresAt - Date.now();
    // Renew a minute early (or at 80% of a shorter lifetime) so no call goes out with a dying token.
    const delay = Math.max(5_000, lifetime - Math.min(60_000, lifetime * 0.2));
    this.timer = window.setTimeout(() => {
      this.renew().catch((error) => this.onSignedOut(error.message));
    }, delay);
  }

  async bearer() {
    if (!this.session || Date.now() >= this.expiresAt - 5_000) await this.renew();
    return this.session;
  }

  forget() {
    window.clearTimeout(this.timer);
    window.sessionStorage.removeItem(SECRET_KEY);
    this.session = null;
    this.expiresAt = 0;
  }

  async signOut() {
    this.forget();
  }
}

/** Clerk mode: loads Clerk's script from the frontend API the publishable key names. */
class ClerkSession {
  constructor(publishableKey) {
    this.publishableKey = publishableKey;
    this.clerk = null;
    this.onSignedOut = () => {};
  }

  static frontendApiHost(publishableKey) {
    const match = /^pk_(test|live)_([A-Za-z0-9+/=_-]+)$/.exec(publishableKey ?? '');
    if (!match) return null;
    let decoded;
    try {
      decoded = window.atob(match[2]);
    } catch {
      return null;
    }
    if (!decoded.endsWith('$')) return null;
    const host = decoded.slice(0, -1).toLowerCase();
    return /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(host) ? host : null;
  }

  loadScript(host) {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = `https://${host}/npm/@clerk/clerk-js@5/dist/clerk.browser.js`;
      script.async = true;
      script.crossOrigin = 'anonymous';
      script.dataset.clerkPublishableKey = this.publishableKey;
      script.addEventListener('load', resolve);
      script.addEventListener('error', () => reject(new SignInError('Could not load Clerk’s sign-in script.')));
      document.head.append(script);
    });
  }

  /** Resolves once signed in; until then Clerk's sign-in form is mounted in `container`. */
  async start(container) {
    const host = ClerkSession.frontendApiHost(this.publishableKey);
    if (!host) {
      throw new SignInError('Sign-in with Clerk is not configured: set CLERK_PUBLISHABLE_KEY on the server.');
    }
    await this.loadScript(host);
    this.clerk = window.Clerk;
    await this.clerk.load();
    if (this.clerk.user) return;
    await new Promise((resolve) => {
      this.clerk.mountSignIn(container);
      const stop = this.clerk.addListener(({ user }) => {
        if (user) {
          this.clerk.unmountSignIn(container);
          if (typeof stop === 'function') stop();
          resolve();
        }
      });
    });
  }

  async renew() {
    return this.bearer();
  }

  async bearer() {
    return (await this.clerk?.session?.getToken()) ?? null;
  }

  async signOut() {
    await this.clerk?.signOut();
  }
}

export function createSession() {
  if (authMode() === 'clerk') {
    const key = document.querySelector('meta[name="aw-clerk-publishable-key"]')?.content;
    return new ClerkSession(key);
  }
  return new LocalSession();
}
