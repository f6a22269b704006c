// The agent's audit feed, newest first, paged with offset.
import { agentPath, api } from './api.js';
import { h, replaceChildren, timeElement } from './dom.js';
import { errorBox, showError } from './status.js';

const PAGE = 25;
const ACTIONS = {
  'agent.created': 'Agent created',
  'agent.updated': 'Agent updated',
  'agent.status_changed': 'Status changed',
  'key.issued': 'API key issued',
  'key.regenerated': 'All API keys replaced',
  'key.created': 'API key created',
  'key.rotated': 'API key rotated',
  'key.revoked': 'API key revoked',
  'key.expired_used': 'Expired API key used',
  'subscription.created': 'Feed created',
  'subscription.rotated': 'Feed URL rotated',
  'subscription.revoked': 'Feed revoked',
  'auth.repeated_failures': 'Repeated failed sign-ins',
  'webhook.created': 'Webhook added',
  'webhook.removed': 'Webhook removed',
  'webhook.disabled': 'Webhook disabled after failures',
};

export async function renderSecurity(panel, context, current) {
  const rows = h('tbody');
  const errors = errorBox();
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, 'Load more');
  const table = h('table', { class: 'audit' },
    h('caption', {}, 'Security events, newest first'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'When'), h('th', { scope: 'col' }, 'What'),
      h('th', { scope: 'col' }, 'Who'), h('th', { scope: 'col' }, 'Detail'))),
    rows);
  const empty = h('p', { hidden: true }, 'No security events yet.');
  let offset = 0;

  async function load() {
    more.disabled = true;
    errors.hidden = true;
    try {
      const { entries } = await api('GET', `${agentPath(context.agent.id, 'audit')}?limit=${PAGE}&offset=${offset}`);
      if (!current()) return;
      let firstCell = null;
      for (const entry of entries) {
        const cell = h('td', {}, timeElement(entry.at));
        firstCell ??= cell;
        rows.append(h('tr', {},
          cell,
          h('td', {}, ACTIONS[entry.action] ?? entry.action),
          h('td', { class: 'mono' }, entry.actor),
          h('td', {}, entry.detail ?? '')));
      }
      offset += entries.length;
      empty.hidden = offset > 0;
      table.hidden = offset === 0;
      more.hidden = entries.length < PAGE;
      return firstCell;
    } catch (error) {
      showError(errors, error);
      return null;
    } finally {
      more.disabled = false;
    }
  }

  more.addEventListener('click', async () => {
    // Keep keyboard users where the new rows start, not back at the top or on a hidden button.
    const firstNew = await load();
    if (firstNew) {
      firstNew.tabIndex = -1;
      firstNew.focus();
    }
  });
  replaceChildren(panel, h('h2', {}, 'Security'), errors, empty, table, more);
  await load();
}
