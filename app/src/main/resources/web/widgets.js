// Small shared pieces: copyable secrets, confirmation dialogs, status badges.
import { h, uniqueId } from './dom.js';
import { announce } from './status.js';

async function copyText(text, input) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Without clipboard permission, fall back to a selection the user can copy by hand.
    input.focus();
    input.select();
    return document.execCommand?.('copy') ?? false;
  }
}

/**
 * A read-only value with a copy button. The value lives only in this DOM node: it is never
 * stored, and leaving the view drops it.
 */
export function copyableValue(label, value, { secret = false, hint = null } = {}) {
  const id = uniqueId('copy');
  const input = h('input', {
    id, type: 'text', readonly: true, value, class: secret ? 'secret mono' : 'mono',
    spellcheck: 'false', autocomplete: 'off', 'aria-describedby': hint ? `${id}-hint` : null,
  });
  const button = h('button', { type: 'button', class: 'secondary' }, 'Copy');
  button.addEventListener('click', async () => {
    const copied = await copyText(value, input);
    announce(copied ? `${label} copied to the clipboard.` : `Select the ${label.toLowerCase()} and copy it by hand.`);
    if (copied) {
      button.textContent = 'Copied';
      window.setTimeout(() => { button.textContent = 'Copy'; }, 2000);
    }
  });
  return h('div', { class: 'field copyable' },
    h('label', { for: id }, label),
    h('div', { class: 'copy-row' }, input, button),
    hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null);
}

/**
 * The panel that shows a freshly issued API key, once. `title` names the key it belongs to,
 * `extra` (nodes) follows the value, e.g. a button that dismisses the panel.
 */
export function apiKeyPanel(apiKey, { title = null, extra = null } = {}) {
  return h('div', { class: 'once-panel', role: 'region', 'aria-label': title ?? 'New API key' },
    title ? h('h3', {}, title) : null,
    h('p', { class: 'warning' }, h('strong', {}, 'Copy this key now: you will not see it again.'),
      ' Only a digest is stored; if you lose it, rotate the key or create another.'),
    copyableValue('API key', apiKey, { secret: true }),
    extra);
}

/**
 * Asks for confirmation in a modal dialog; resolves true when confirmed. `content` (nodes, e.g.
 * a fieldset of choices) goes between the message and the buttons; the caller reads it afterwards.
 */
export function confirmDialog({ title, message, confirmLabel, danger = false, content = null }) {
  return new Promise((resolve) => {
    const opener = document.activeElement;
    const titleId = uniqueId('dlg');
    const cancel = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
    const confirm = h('button', { type: 'button', class: danger ? 'danger' : 'primary' }, confirmLabel);
    const dialog = h('dialog', { 'aria-labelledby': titleId, class: 'confirm' },
      h('h2', { id: titleId }, title),
      h('p', {}, message),
      content,
      h('div', { class: 'actions' }, cancel, confirm));
    let answer = false;
    cancel.addEventListener('click', () => dialog.close());
    confirm.addEventListener('click', () => { answer = true; dialog.close(); });
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
      resolve(answer);
    });
    document.body.append(dialog);
    dialog.showModal();
    // Start on the harmless choice, so Enter by habit does not confirm.
    cancel.focus();
  });
}

const STATUS_LABELS = { active: 'Active', read_only: 'Read-only', suspended: 'Suspended' };
export function statusLabel(status) {
  return STATUS_LABELS[status] ?? status;
}

export function statusBadge(status) {
  return h('span', { class: `badge status-${status}` }, statusLabel(status));
}

export function timezoneList(id) {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  if (!zones.includes('UTC')) zones.unshift('UTC');
  return h('datalist', { id }, zones.map((zone) => h('option', { value: zone })));
}

export function browserTimezone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
