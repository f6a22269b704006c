// The agent's API keys (API.md › "Keys and scopes"): list, create with scopes and an expiry (the
// secret shown once), rotate with a grace period, revoke, and replace them all at once.
import { agentPath, api } from './api.js';
import { field, h, replaceChildren, timeElement, uniqueId } from './dom.js';
import { announce, errorBox, showError } from './status.js';
import { apiKeyPanel, confirmDialog } from './widgets.js';

const SCOPES = [
  { name: 'events:read', help: 'Read events, occurrences, free/busy and changes to events.' },
  { name: 'events:write', help: 'Create, change and delete events (reading them too).' },
  { name: 'docs:read', help: 'Read documents and changes to them.' },
  { name: 'docs:write', help: 'Create, change and delete documents (reading them too).' },
  { name: 'webhooks:manage', help: 'Add, list and remove the agent’s webhooks.' },
];
const DAY_MS = 24 * 60 * 60 * 1000;
const EXPIRIES = [
  { value: 'never', label: 'Never' },
  { value: '7', label: 'In 7 days' },
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: 'custom', label: 'On a date I choose' },
];
// The API takes 0 to 86,400 seconds (KeyRules.GRACE_MAX_SECONDS); it judges a custom value itself.
const GRACES = [
  { value: '0', label: 'No grace: the current secret fails at once' },
  { value: '3600', label: '1 hour' },
  { value: '86400', label: '24 hours' },
  { value: 'custom', label: 'Custom' },
];

export async function renderKeys(panel, context, current) {
  const agentId = context.agent.id;
  const errors = errorBox();
  const list = h('ul', { class: 'keys' });
  const empty = h('p', { hidden: true }, 'No keys: nothing can call the agent API for this agent. Create one below.');
  const secretSlot = h('div', {});
  const heading = h('h2', { id: 'keys-heading', tabindex: '-1' }, 'API keys');

  function showSecret(title, apiKey) {
    const done = h('button', { type: 'button', class: 'secondary' }, 'Done, I have copied it');
    done.addEventListener('click', () => {
      replaceChildren(secretSlot);
      heading.focus();
    });
    replaceChildren(secretSlot, apiKeyPanel(apiKey, { title, extra: h('div', { class: 'actions' }, done) }));
    secretSlot.querySelector('input')?.focus();
  }

  function keyItem(key, previousUntil = null) {
    const item = h('li', { class: 'card key', 'data-key-id': key.id });
    const title = key.label || 'Unlabelled key';
    const rowErrors = errorBox();
    const rotate = h('button', { type: 'button', class: 'secondary' }, 'Rotate secret');
    const revoke = h('button', { type: 'button', class: 'danger' }, 'Revoke');
    const expired = key.expiresAt !== null && Date.parse(key.expiresAt) <= Date.now();

    rotate.addEventListener('click', async () => {
      const choice = graceChoice();
      if (!await confirmDialog({
        title: `Rotate the secret of “${title}”?`,
        message: 'The key gets a new secret; its label, scopes and expiry stay. Whatever uses it needs the new secret.',
        confirmLabel: 'Rotate secret',
        content: choice.node,
      })) return;
      const graceSeconds = choice.seconds();
      if (graceSeconds === null) {
        showError(rowErrors, { message: 'Give the grace period as a whole number of seconds.' });
        return;
      }
      rotate.disabled = true;
      try {
        const { key: rotated, apiKey } = await api('POST', agentPath(agentId, 'keys', key.id, 'rotate'), { graceSeconds });
        const until = graceSeconds > 0 ? new Date(Date.now() + graceSeconds * 1000).toISOString() : null;
        item.replaceWith(keyItem(rotated, until));
        showSecret(`New secret for “${title}”`, apiKey);
        announce(until
          ? `New secret for ${title}; the previous one keeps working for ${graceSeconds} seconds. Copy the new secret now.`
          : `New secret for ${title}; the previous one no longer works. Copy the new secret now.`);
      } catch (error) {
        showError(rowErrors, error);
      } finally {
        rotate.disabled = false;
      }
    });

    revoke.addEventListener('click', async () => {
      if (!await confirmDialog({
        title: `Revoke “${title}”?`,
        message: 'Whatever uses this key is refused from its next request. This cannot be undone.',
        confirmLabel: 'Revoke key',
        danger: true,
      })) return;
      revoke.disabled = true;
      try {
        await api('DELETE', agentPath(agentId, 'keys', key.id));
        item.remove();
        empty.hidden = list.children.length > 0;
        announce(`Key ${title} revoked.`);
        heading.focus();
      } catch (error) {
        showError(rowErrors, error);
        revoke.disabled = false;
      }
    });

    replaceChildren(item,
      h('h3', {}, title, ' ', expired ? h('span', { class: 'badge expired' }, 'Expired') : null),
      h('ul', { class: 'scopes', 'aria-label': 'Scopes' }, key.scopes.map((scope) => h('li', { class: 'badge mono' }, scope))),
      h('dl', { class: 'facts' },
        h('dt', {}, 'Starts with'), h('dd', { class: 'mono' }, key.prefix ? `${key.prefix}…` : '—'),
        h('dt', {}, 'Created'), h('dd', {}, timeElement(key.createdAt)),
        h('dt', {}, 'Last used'), h('dd', {}, timeElement(key.lastUsedAt)),
        h('dt', {}, expired ? 'Expired' : 'Expires'), h('dd', {}, key.expiresAt ? timeElement(key.expiresAt) : 'Never')),
      previousUntil
        ? h('p', { class: 'note grace' }, 'The previous secret keeps working until about ', timeElement(previousUntil), '.')
        : null,
      rowErrors,
      h('div', { class: 'actions' }, rotate, revoke));
    return item;
  }

  async function reload() {
    const { keys } = await api('GET', agentPath(agentId, 'keys'));
    if (!current()) return;
    replaceChildren(list, keys.map((key) => keyItem(key)));
    empty.hidden = keys.length > 0;
  }

  replaceChildren(panel,
    heading,
    h('p', {}, 'Give each agent, job or person its own key with only the scopes it needs. '
      + 'A key is shown once, when it is created or rotated; only a digest is stored.'),
    errors, secretSlot, empty, list,
    createForm(agentId, (key, apiKey) => {
      list.append(keyItem(key));
      empty.hidden = true;
      showSecret(`New key “${key.label || 'Unlabelled key'}”`, apiKey);
      announce('Key created. Copy its secret now.');
    }),
    replaceAllSection(agentId, context, async (apiKey) => {
      showSecret('The agent’s new key', apiKey);
      try {
        await reload();
      } catch (error) {
        showError(errors, error);
      }
    }));
  await reload();
}

function createForm(agentId, created) {
  const label = h('input', { type: 'text', maxlength: '100', autocomplete: 'off' });
  const boxes = SCOPES.map((scope) => h('input', {
    type: 'checkbox', value: scope.name, id: uniqueId('scope'),
  }));
  const scopes = h('fieldset', { tabindex: '-1', id: uniqueId('scopes') },
    h('legend', {}, 'Scopes'),
    h('p', { class: 'hint', id: 'key-scopes-hint' }, 'Choose at least one: the key can call only the routes its scopes allow.'),
    SCOPES.map((scope, i) => {
      boxes[i].setAttribute('aria-describedby', `${boxes[i].id}-help`);
      return h('div', { class: 'checkbox with-hint' },
        boxes[i],
        h('label', { for: boxes[i].id, class: 'mono' }, scope.name),
        h('p', { class: 'hint', id: `${boxes[i].id}-help` }, scope.help));
    }));
  const scopesError = h('p', { class: 'field-error', id: `${scopes.id}-error`, hidden: true });
  scopes.append(scopesError);
  scopes.setAttribute('aria-describedby', `key-scopes-hint ${scopesError.id}`);

  const expiry = h('select', {}, EXPIRIES.map((option) => h('option', { value: option.value }, option.label)));
  const expiryDate = h('input', { type: 'datetime-local', step: '60' });
  const dateField = field('Expiry date and time', expiryDate, 'In your browser’s time zone. The key fails from that minute on.');
  dateField.hidden = true;
  expiry.addEventListener('change', () => {
    dateField.hidden = expiry.value !== 'custom';
  });

  const errors = errorBox();
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Create key');
  const form = h('form', { class: 'stack create-key', novalidate: true, 'aria-labelledby': 'new-key-heading' },
    h('h3', { id: 'new-key-heading' }, 'New key'),
    errors,
    field('Label (optional)', label, 'For you: who or what uses the key, e.g. “CI job”.'),
    scopes,
    field('Expires', expiry),
    dateField,
    h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showError(errors, null, { label, scopes, expiry, expiryDate });
    // An issue with expiresAt is shown where the expiry was chosen.
    const fields = { label, scopes, expiresAt: expiry.value === 'custom' ? expiryDate : expiry };
    const body = { scopes: boxes.filter((box) => box.checked).map((box) => box.value) };
    if (label.value.trim()) body.label = label.value.trim();
    if (expiry.value === 'custom') {
      const at = new Date(expiryDate.value);
      if (!expiryDate.value || Number.isNaN(at.getTime())) {
        showError(errors, { message: 'The key was not created.', issues: [{ path: 'expiresAt', message: 'Choose a date and time, or another expiry.' }] }, fields);
        return;
      }
      body.expiresAt = at.toISOString();
    } else if (expiry.value !== 'never') {
      body.expiresAt = new Date(Date.now() + Number(expiry.value) * DAY_MS).toISOString();
    }
    submit.disabled = true;
    try {
      const { key, apiKey } = await api('POST', agentPath(agentId, 'keys'), body);
      form.reset();
      dateField.hidden = true;
      created(key, apiKey);
    } catch (error) {
      showError(errors, error, fields);
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

/** The grace choices of a rotation, for the confirmation dialog; `seconds()` is null for a malformed custom value. */
function graceChoice() {
  const name = uniqueId('grace');
  const radios = GRACES.map((grace, i) => h('input', {
    type: 'radio', name, value: grace.value, id: `${name}-${grace.value}`, checked: i === 0,
  }));
  const custom = h('input', { type: 'number', min: '0', max: '86400', step: '1', inputmode: 'numeric', id: `${name}-seconds` });
  const customRadio = radios[radios.length - 1];
  custom.addEventListener('input', () => { customRadio.checked = true; });
  const node = h('fieldset', { class: 'grace-choice' },
    h('legend', {}, 'How long the current secret keeps working'),
    GRACES.map((grace, i) => h('div', { class: 'radio' }, radios[i], h('label', { for: radios[i].id }, grace.label))),
    h('div', { class: 'field custom-grace' },
      h('label', { for: custom.id }, 'Custom grace in seconds'),
      custom,
      h('p', { class: 'hint', id: `${custom.id}-hint` }, 'From 0 to 86,400 (24 hours).')));
  custom.setAttribute('aria-describedby', `${custom.id}-hint`);
  return {
    node,
    seconds() {
      const chosen = radios.find((radio) => radio.checked)?.value ?? '0';
      if (chosen !== 'custom') return Number(chosen);
      const text = custom.value.trim();
      return /^\d+$/.test(text) ? Number(text) : null;
    },
  };
}

/** The emergency exit: revoke every key and issue one with all scopes (POST …/api-key). */
function replaceAllSection(agentId, context, replaced) {
  const errors = errorBox();
  const button = h('button', { type: 'button', class: 'danger' }, 'Replace all keys');
  button.addEventListener('click', async () => {
    if (!await confirmDialog({
      title: 'Replace every key of this agent?',
      message: `Every key of ${context.agent.name} stops working at once, and one new key with all scopes is issued.`,
      confirmLabel: 'Replace all keys',
      danger: true,
    })) return;
    button.disabled = true;
    try {
      const { apiKey } = await api('POST', agentPath(agentId, 'api-key'));
      showError(errors, null);
      announce('Every earlier key is revoked; one new key with all scopes was issued. Copy it now.');
      await replaced(apiKey);
    } catch (error) {
      showError(errors, error);
    } finally {
      button.disabled = false;
    }
  });
  return h('section', { class: 'stack danger-zone', 'aria-labelledby': 'replace-keys-heading' },
    h('h3', { id: 'replace-keys-heading' }, 'Replace all keys'),
    h('p', {}, 'If a key leaked and you do not know which: revoke them all and start again with one key that has every scope.'),
    errors,
    h('div', { class: 'actions' }, button));
}
