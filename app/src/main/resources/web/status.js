// One polite live region announces outcomes; errors also go to an alert next to the form.
import { h, replaceChildren } from './dom.js';

let clearTimer = null;

export function announce(message) {
  const region = document.getElementById('status');
  if (!region) return;
  window.clearTimeout(clearTimer);
  // Emptying first makes screen readers announce a repeat of the same message.
  region.textContent = '';
  window.setTimeout(() => {
    region.textContent = message;
  }, 50);
  clearTimer = window.setTimeout(() => {
    region.textContent = '';
  }, 8000);
}

/**
 * Shows an API error in `box` (role=alert) and marks the form fields its issues name:
 * `fields` maps an issue path (e.g. "name") to its input element.
 */
export function showError(box, error, fields = {}) {
  for (const input of Object.values(fields)) {
    input.removeAttribute('aria-invalid');
    const slot = document.getElementById(`${input.id}-error`);
    if (slot) {
      slot.hidden = true;
      slot.textContent = '';
    }
  }
  if (!error) {
    box.hidden = true;
    replaceChildren(box);
    return;
  }
  const issues = Array.isArray(error.issues) ? error.issues : [];
  const unplaced = [];
  let first = null;
  for (const issue of issues) {
    const input = fields[issue.path];
    const slot = input ? document.getElementById(`${input.id}-error`) : null;
    if (slot) {
      input.setAttribute('aria-invalid', 'true');
      slot.textContent = issue.message;
      slot.hidden = false;
      first ??= input;
    } else {
      unplaced.push(issue);
    }
  }
  replaceChildren(box,
    h('p', {}, error.message || 'Something went wrong.'),
    unplaced.length
      ? h('ul', {}, unplaced.map((issue) => h('li', {}, issue.path ? `${issue.path}: ${issue.message}` : issue.message)))
      : null);
  box.hidden = false;
  (first ?? box).focus?.();
}

export function errorBox() {
  return h('div', { class: 'error-box', role: 'alert', tabindex: '-1', hidden: true });
}
