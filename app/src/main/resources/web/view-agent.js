// One agent, with keyboard-operable tabs (WAI-ARIA tabs pattern, automatic activation).
import { agentPath, api } from './api.js';
import { h, replaceChildren } from './dom.js';
import { statusBadge } from './widgets.js';
import { renderEvents } from './tab-events.js';
import { renderDocuments } from './tab-documents.js';
import { renderSettings } from './tab-settings.js';
import { renderKeys } from './tab-keys.js';
import { renderSecurity } from './tab-security.js';
import { renderWebhooks } from './tab-webhooks.js';

const TABS = [
  { id: 'events', label: 'Events', render: renderEvents },
  { id: 'documents', label: 'Documents', render: renderDocuments },
  { id: 'settings', label: 'Settings', render: renderSettings },
  { id: 'keys', label: 'Keys', render: renderKeys },
  { id: 'webhooks', label: 'Webhooks', render: renderWebhooks },
  { id: 'security', label: 'Security', render: renderSecurity },
];

export async function renderAgent(main, agentId, tabId) {
  replaceChildren(main, h('p', { class: 'loading' }, 'Loading agent…'));
  const { agent } = await api('GET', agentPath(agentId));
  const state = { agent };
  const heading = h('h1', { tabindex: '-1' }, agent.name);
  const badgeSlot = h('span', {}, statusBadge(agent.status));
  const panel = h('div', { class: 'tabpanel', role: 'tabpanel', tabindex: '0' });
  const tabs = TABS.map((tab) => h('button', {
    type: 'button', role: 'tab', id: `tab-${tab.id}`, 'aria-controls': 'agent-panel',
  }, tab.label));
  panel.id = 'agent-panel';
  const tablist = h('div', { role: 'tablist', 'aria-label': `${agent.name} sections`, class: 'tabs' }, tabs);

  const context = {
    get agent() { return state.agent; },
    agentChanged(updated) {
      state.agent = updated;
      heading.textContent = updated.name;
      replaceChildren(badgeSlot, statusBadge(updated.status));
    },
  };

  let renderToken = 0;
  function select(index, { focus = false } = {}) {
    const tab = TABS[index];
    tabs.forEach((button, i) => {
      const selected = i === index;
      button.setAttribute('aria-selected', String(selected));
      button.tabIndex = selected ? 0 : -1;
    });
    panel.setAttribute('aria-labelledby', tabs[index].id);
    if (focus) tabs[index].focus();
    // Tab switches are not history entries; the address still names the tab for reloads.
    window.history.replaceState(null, '', `#/agents/${encodeURIComponent(agentId)}/${tab.id}`);
    renderToken += 1;
    const token = renderToken;
    replaceChildren(panel, h('p', { class: 'loading' }, 'Loading…'));
    Promise.resolve(tab.render(panel, context, () => token === renderToken)).catch((error) => {
      if (token === renderToken) replaceChildren(panel, h('div', { class: 'error-box', role: 'alert' }, h('p', {}, error.message)));
    });
  }

  tabs.forEach((button, index) => {
    button.addEventListener('click', () => select(index));
    button.addEventListener('keydown', (event) => {
      const last = TABS.length - 1;
      const moves = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last };
      if (event.key in moves) {
        event.preventDefault();
        select(moves[event.key], { focus: true });
      }
    });
  });

  replaceChildren(main,
    h('p', { class: 'breadcrumb' }, h('a', { href: '#/' }, '← All agents')),
    h('div', { class: 'page-head' }, heading, badgeSlot),
    agent.description ? h('p', { class: 'description' }, agent.description) : null,
    tablist, panel);
  heading.focus();
  const start = Math.max(0, TABS.findIndex((tab) => tab.id === tabId));
  select(start);
}
