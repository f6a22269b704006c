// The list of the user's agents and the form that creates one.
import { api } from './api.js';
import { field, h, replaceChildren, formatInstant } from './dom.js';
import { announce, errorBox, showError } from './status.js';
import { apiKeyPanel, browserTimezone, copyableValue, statusBadge, timezoneList } from './widgets.js';

export async function renderAgents(main) {
  const heading = h('h1', { tabindex: '-1' }, 'Your agents');
  const list = h('div', { class: 'agents' }, h('p', { class: 'loading' }, 'Loading agents…'));
  replaceChildren(main,
    h('div', { class: 'page-head' }, heading, h('a', { class: 'button primary', href: '#/new' }, 'New agent')),
    list);
  heading.focus();
  const { agents } = await api('GET', '/api/dashboard/agents');
  if (agents.length === 0) {
    replaceChildren(list, h('div', { class: 'empty' },
      h('p', {}, 'No agents yet. An agent gets its own calendar, an API key and a calendar feed you can subscribe to.'),
      h('a', { class: 'button primary', href: '#/new' }, 'Create your first agent')));
    return;
  }
  replaceChildren(list, h('ul', { class: 'cards' }, agents.map((agent) => h('li', { class: 'card' },
    h('h2', {}, h('a', { href: `#/agents/${encodeURIComponent(agent.id)}` }, agent.name)),
    statusBadge(agent.status),
    agent.description ? h('p', { class: 'description' }, agent.description) : null,
    h('p', { class: 'meta' }, `Time zone ${agent.timezone} · created ${formatInstant(agent.createdAt)}`)))));
}

export function renderCreateAgent(main) {
  const heading = h('h1', { tabindex: '-1' }, 'New agent');
  const name = h('input', { type: 'text', name: 'name', required: true, maxlength: '200', autocomplete: 'off' });
  const description = h('textarea', { name: 'description', rows: '3', maxlength: '2000' });
  const timezone = h('input', { type: 'text', name: 'timezone', list: 'tz-list', value: browserTimezone(), autocomplete: 'off', spellcheck: 'false' });
  const errors = errorBox();
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Create agent');
  const form = h('form', { class: 'stack', novalidate: true },
    errors,
    field('Name', name),
    field('Description (optional)', description),
    field('Time zone', timezone, 'An IANA zone such as Europe/Paris; recurring events follow its wall clock.'),
    timezoneList('tz-list'),
    h('div', { class: 'actions' }, submit, h('a', { class: 'button secondary', href: '#/' }, 'Cancel')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    try {
      const body = { name: name.value.trim() };
      if (description.value.trim()) body.description = description.value.trim();
      if (timezone.value.trim()) body.timezone = timezone.value.trim();
      const created = await api('POST', '/api/dashboard/agents', body);
      showCreated(main, created);
    } catch (error) {
      showError(errors, error, { name, description, timezone });
      submit.disabled = false;
    }
  });
  replaceChildren(main, heading, form);
  heading.focus();
}

function showCreated(main, { agent, apiKey, subscription }) {
  const heading = h('h1', { tabindex: '-1' }, `${agent.name} is ready`);
  replaceChildren(main, heading,
    h('section', { class: 'stack', 'aria-labelledby': 'key-heading' },
      h('h2', { id: 'key-heading' }, 'API key'),
      h('p', {}, 'The agent sends this key as ', h('code', {}, 'Authorization: Bearer …'), ' to the agent API.'),
      apiKeyPanel(apiKey)),
    subscription ? h('section', { class: 'stack', 'aria-labelledby': 'feed-heading' },
      h('h2', { id: 'feed-heading' }, 'Calendar feed'),
      copyableValue('Feed URL', subscription.url, {
        secret: true,
        hint: 'Subscribe to this URL in Google Calendar, Apple Calendar or Outlook. Anyone with it can read the calendar; you can rotate or revoke it in Settings.',
      })) : null,
    h('div', { class: 'actions' },
      h('a', { class: 'button primary', href: `#/agents/${encodeURIComponent(agent.id)}` }, 'Open agent'),
      h('a', { class: 'button secondary', href: '#/' }, 'All agents')));
  heading.focus();
  announce(`Agent ${agent.name} created. Copy its API key now.`);
}
