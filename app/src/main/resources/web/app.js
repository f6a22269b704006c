// Boot: take the sign-in secret out of the address bar, sign in, then route by the hash.
import { SignInError, authMode, createSession, takeSecretFromAddressBar } from './auth.js';

takeSecretFromAddressBar();

// The rest loads only now, so the secret leaves the address bar after one module fetch, not eleven.
const { api, useSession } = await import('./api.js');
const { h, replaceChildren } = await import('./dom.js');
const { announce } = await import('./status.js');
const { renderAgents, renderCreateAgent } = await import('./view-agents.js');
const { renderAgent } = await import('./view-agent.js');

const main = document.getElementById('main');
const account = document.getElementById('account');
const session = createSession();
let signedIn = false;

function showSignedOut(message) {
  signedIn = false;
  window.removeEventListener('hashchange', route);
  replaceChildren(account);
  const heading = h('h1', { tabindex: '-1' }, 'Sign in');
  const paragraphs = [];
  if (authMode() === 'local') {
    paragraphs.push(h('p', { class: 'signin-message' }, message));
    paragraphs.push(h('p', { class: 'hint' },
      'This server runs in local mode: the sign-in URL it prints carries a one-time secret. ',
      'The page keeps it for this tab only and trades it for short-lived sessions.'));
  } else {
    paragraphs.push(h('p', { class: 'signin-message' }, message));
  }
  replaceChildren(main, h('section', { class: 'signin' }, heading, paragraphs));
  heading.focus();
}

async function renderAccount() {
  const signOut = h('button', { type: 'button', class: 'link' }, 'Sign out');
  signOut.addEventListener('click', async () => {
    await session.signOut();
    showSignedOut(authMode() === 'local'
      ? 'You are signed out. Run `java -jar agentworkspace.jar login` for a new sign-in URL.'
      : 'You are signed out.');
    if (authMode() === 'clerk') window.location.reload();
  });
  replaceChildren(account, signOut);
  try {
    const { user } = await api('GET', '/api/dashboard/me');
    const name = [user.firstName, user.lastName].filter(Boolean).join(' ') || user.email || user.id;
    account.prepend(h('span', { class: 'who' }, name));
  } catch {
    // The account name is decoration; the views report real failures.
  }
}

async function route() {
  if (!signedIn) return;
  const parts = window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  try {
    if (parts.length === 0) {
      await renderAgents(main);
    } else if (parts[0] === 'new' && parts.length === 1) {
      renderCreateAgent(main);
    } else if (parts[0] === 'agents' && parts[1]) {
      await renderAgent(main, parts[1], parts[2]);
    } else {
      const heading = h('h1', { tabindex: '-1' }, 'Not found');
      replaceChildren(main, heading, h('p', {}, h('a', { href: '#/' }, 'Back to your agents')));
      heading.focus();
    }
  } catch (error) {
    if (!signedIn) return;
    const heading = h('h1', { tabindex: '-1' }, error.status === 404 ? 'Not found' : 'Something went wrong');
    replaceChildren(main, heading,
      h('div', { class: 'error-box', role: 'alert' }, h('p', {}, error.message)),
      h('p', {}, h('a', { href: '#/' }, 'Back to your agents')));
    heading.focus();
  }
}

async function start() {
  const signInSlot = h('div', { class: 'clerk-signin' });
  if (authMode() === 'clerk') replaceChildren(main, h('h1', {}, 'Sign in'), signInSlot);
  try {
    await session.start(signInSlot);
  } catch (error) {
    showSignedOut(error instanceof SignInError ? error.message : 'Sign-in failed. Reload the page to try again.');
    return;
  }
  session.onSignedOut = (message) => showSignedOut(message);
  useSession(session, (message) => showSignedOut(message));
  signedIn = true;
  window.addEventListener('hashchange', route);
  await renderAccount();
  await route();
  announce('Signed in.');
}

start();
