// Profile, status, calendar feeds and deletion of one agent (its keys have their own tab).
import { agentPath, api } from './api.js';
import { field, h, replaceChildren, timeElement } from './dom.js';
import { announce, errorBox, showError } from './status.js';
import { confirmDialog, copyableValue, statusLabel, timezoneList } from './widgets.js';

const STATUSES = [
  { value: 'active', help: 'The agent’s keys read and write, each within its scopes.' },
  { value: 'read_only', help: 'The agent’s keys read; every write is refused.' },
  { value: 'suspended', help: 'Every agent-API call is refused. Feeds keep serving until you revoke them.' },
];

export async function renderSettings(panel, context, current) {
  const feeds = h('section', { class: 'stack', 'aria-labelledby': 'feeds-heading' });
  replaceChildren(panel,
    profileSection(context),
    statusSection(context),
    feeds,
    deleteSection(context));
  await renderFeeds(feeds, context, current);
}

function profileSection(context) {
  const agent = context.agent;
  const name = h('input', { type: 'text', required: true, maxlength: '200', value: agent.name, autocomplete: 'off' });
  const description = h('textarea', { rows: '3', maxlength: '2000', value: agent.description ?? '' });
  const timezone = h('input', { type: 'text', list: 'settings-tz', value: agent.timezone, autocomplete: 'off', spellcheck: 'false' });
  const errors = errorBox();
  const save = h('button', { type: 'submit', class: 'primary' }, 'Save profile');
  const form = h('form', { class: 'stack', novalidate: true, 'aria-labelledby': 'profile-heading' },
    h('h2', { id: 'profile-heading' }, 'Profile'),
    errors,
    field('Name', name),
    field('Description', description),
    field('Time zone', timezone, 'IANA zone id; the agent’s recurring events follow its wall clock.'),
    timezoneList('settings-tz'),
    h('div', { class: 'actions' }, save));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const current = context.agent;
    const change = {};
    if (name.value.trim() !== current.name) change.name = name.value.trim();
    const newDescription = description.value.trim() || null;
    if (newDescription !== (current.description ?? null)) change.description = newDescription;
    if (timezone.value.trim() !== current.timezone) change.timezone = timezone.value.trim();
    if (Object.keys(change).length === 0) {
      announce('Nothing to save.');
      return;
    }
    save.disabled = true;
    try {
      const { agent } = await api('PATCH', agentPath(current.id), change);
      context.agentChanged(agent);
      showError(errors, null, { name, description, timezone });
      announce('Profile saved.');
    } catch (error) {
      showError(errors, error, { name, description, timezone });
    } finally {
      save.disabled = false;
    }
  });
  return form;
}

function statusSection(context) {
  const errors = errorBox();
  const radios = STATUSES.map((status) => h('input', {
    type: 'radio', name: 'agent-status', value: status.value, id: `status-${status.value}`,
    checked: context.agent.status === status.value, 'aria-describedby': `status-${status.value}-help`,
  }));
  const apply = h('button', { type: 'submit', class: 'primary' }, 'Change status');
  const form = h('form', { class: 'stack', 'aria-labelledby': 'status-heading' },
    h('h2', { id: 'status-heading' }, 'Status'),
    errors,
    h('fieldset', {},
      h('legend', {}, 'What the agent’s API keys may do'),
      STATUSES.map((status, i) => h('div', { class: 'radio' },
        radios[i],
        h('label', { for: radios[i].id }, statusLabel(status.value)),
        h('p', { class: 'hint', id: `status-${status.value}-help` }, status.help)))),
    h('div', { class: 'actions' }, apply));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = radios.find((radio) => radio.checked)?.value;
    if (!chosen || chosen === context.agent.status) {
      announce(`The agent is already ${statusLabel(context.agent.status).toLowerCase()}.`);
      return;
    }
    apply.disabled = true;
    try {
      const { agent } = await api('PATCH', agentPath(context.agent.id), { status: chosen });
      context.agentChanged(agent);
      showError(errors, null);
      announce(`Status changed to ${statusLabel(agent.status).toLowerCase()}.`);
    } catch (error) {
      showError(errors, error);
    } finally {
      apply.disabled = false;
    }
  });
  return form;
}

async function renderFeeds(section, context, current) {
  const agentId = context.agent.id;
  const errors = errorBox();
  const list = h('ul', { class: 'feeds' });
  const empty = h('p', { hidden: true }, 'No calendar feeds. Create one to share this calendar.');

  function feedItem(subscription) {
    const item = h('li', { class: 'card feed' });
    const rowErrors = errorBox();
    const title = subscription.label || 'Unlabelled feed';
    const rotate = h('button', { type: 'button', class: 'secondary' }, 'Rotate URL');
    const revoke = h('button', { type: 'button', class: 'danger' }, 'Revoke');
    rotate.addEventListener('click', async () => {
      if (!await confirmDialog({
        title: `Rotate the URL of “${title}”?`,
        message: 'The current URL stops working at once; everyone subscribed must subscribe to the new one.',
        confirmLabel: 'Rotate URL',
      })) return;
      try {
        const { subscription: rotated } = await api('POST', agentPath(agentId, 'subscriptions', subscription.id, 'rotate'));
        const replacement = feedItem(rotated);
        item.replaceWith(replacement);
        announce(`New URL for ${title}; the old one no longer works.`);
        replacement.querySelector('input')?.focus();
      } catch (error) {
        showError(rowErrors, error);
      }
    });
    revoke.addEventListener('click', async () => {
      if (!await confirmDialog({
        title: `Revoke “${title}”?`,
        message: 'The feed URL stops working for good. This cannot be undone.',
        confirmLabel: 'Revoke feed',
        danger: true,
      })) return;
      try {
        await api('DELETE', agentPath(agentId, 'subscriptions', subscription.id));
        item.remove();
        empty.hidden = list.children.length > 0;
        announce(`Feed ${title} revoked.`);
        section.querySelector('h2')?.focus();
      } catch (error) {
        showError(rowErrors, error);
      }
    });
    replaceChildren(item,
      h('h3', {}, title, ' ', h('span', { class: `badge detail-${subscription.detail}` },
        subscription.detail === 'busy' ? 'Busy times only' : 'Full details')),
      subscription.email ? h('p', { class: 'meta' }, `For ${subscription.email}`) : null,
      rowErrors,
      copyableValue('Feed URL', subscription.url, { secret: true }),
      h('dl', { class: 'facts' },
        h('dt', {}, 'Created'), h('dd', {}, timeElement(subscription.createdAt)),
        h('dt', {}, 'Last fetched'), h('dd', {}, timeElement(subscription.lastFetchedAt)),
        h('dt', {}, 'Fetched by'), h('dd', {}, subscription.lastFetchedBy ?? '—')),
      h('div', { class: 'actions' }, rotate, revoke));
    return item;
  }

  const label = h('input', { type: 'text', maxlength: '200', autocomplete: 'off' });
  const email = h('input', { type: 'email', autocomplete: 'off' });
  const detail = h('select', {},
    h('option', { value: 'full' }, 'Full details (titles, descriptions, locations)'),
    h('option', { value: 'busy' }, 'Busy times only (every event shows as “Busy”)'));
  const createErrors = errorBox();
  const create = h('button', { type: 'submit', class: 'primary' }, 'Create feed');
  const form = h('form', { class: 'stack create-feed', novalidate: true, 'aria-labelledby': 'new-feed-heading' },
    h('h3', { id: 'new-feed-heading' }, 'New feed'),
    createErrors,
    field('Label (optional)', label, 'For you: who or what the feed is for.'),
    field('Email (optional)', email, 'Whom you gave it to.'),
    field('Detail', detail),
    h('div', { class: 'actions' }, create));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { detail: detail.value };
    if (label.value.trim()) body.label = label.value.trim();
    if (email.value.trim()) body.email = email.value.trim();
    create.disabled = true;
    try {
      const { subscription } = await api('POST', agentPath(agentId, 'subscriptions'), body);
      const item = feedItem(subscription);
      list.append(item);
      empty.hidden = true;
      form.reset();
      showError(createErrors, null, { label, email, detail });
      announce(`Feed ${subscription.label || ''} created.`.replace('  ', ' '));
      item.querySelector('input')?.focus();
    } catch (error) {
      showError(createErrors, error, { label, email, detail });
    } finally {
      create.disabled = false;
    }
  });

  replaceChildren(section,
    h('h2', { id: 'feeds-heading', tabindex: '-1' }, 'Calendar feeds'),
    h('p', {}, 'Read-only iCalendar URLs for calendar apps. Anyone holding a URL can read the calendar; treat URLs like passwords.'),
    errors, empty, list, form);
  try {
    const { subscriptions } = await api('GET', agentPath(agentId, 'subscriptions'));
    if (!current()) return;
    subscriptions.forEach((subscription) => list.append(feedItem(subscription)));
    empty.hidden = subscriptions.length > 0;
  } catch (error) {
    showError(errors, error);
  }
}

function deleteSection(context) {
  const errors = errorBox();
  const button = h('button', { type: 'button', class: 'danger' }, 'Delete agent');
  button.addEventListener('click', async () => {
    if (!await confirmDialog({
      title: `Delete ${context.agent.name}?`,
      message: 'The agent, its calendar, documents, keys and feeds are deleted for good.',
      confirmLabel: 'Delete agent',
      danger: true,
    })) return;
    try {
      await api('DELETE', agentPath(context.agent.id));
      announce(`${context.agent.name} deleted.`);
      window.location.hash = '#/';
    } catch (error) {
      showError(errors, error);
    }
  });
  return h('section', { class: 'stack danger-zone', 'aria-labelledby': 'delete-heading' },
    h('h2', { id: 'delete-heading' }, 'Delete'),
    errors,
    h('div', { class: 'actions' }, button));
}
