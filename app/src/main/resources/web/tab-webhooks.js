// The agent's webhook endpoints: add (the signing secret shown once), remove, recent deliveries.
import { agentPath, api } from './api.js';
import { field, h, replaceChildren, timeElement } from './dom.js';
import { announce, errorBox, showError } from './status.js';
import { confirmDialog, copyableValue } from './widgets.js';

const TYPES = ['event.created', 'event.updated', 'event.deleted', 'document.created', 'document.updated', 'document.deleted'];
const STATUS = { pending: 'Pending', succeeded: 'Delivered', failed: 'Failed' };

export async function renderWebhooks(panel, context, current) {
  const agentId = context.agent.id;
  const errors = errorBox();
  const list = h('ul', { class: 'webhooks' });
  const empty = h('p', { hidden: true }, 'No webhooks. Add one to have changes pushed to an HTTPS endpoint.');
  const secretSlot = h('div', {});

  function webhookItem(webhook) {
    const item = h('li', { class: 'card webhook' });
    const rowErrors = errorBox();
    const deliveries = h('div', { class: 'deliveries' });
    const show = h('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false' }, 'Show deliveries');
    const remove = h('button', { type: 'button', class: 'danger' }, 'Remove');
    show.addEventListener('click', async () => {
      show.disabled = true;
      try {
        const { deliveries: recent } = await api('GET', agentPath(agentId, 'webhooks', webhook.id, 'deliveries'));
        replaceChildren(deliveries, deliveryTable(recent));
        show.setAttribute('aria-expanded', 'true');
        show.textContent = 'Refresh deliveries';
        showError(rowErrors, null);
      } catch (error) {
        showError(rowErrors, error);
      } finally {
        show.disabled = false;
      }
    });
    remove.addEventListener('click', async () => {
      if (!await confirmDialog({
        title: `Remove the webhook to ${webhook.url}?`,
        message: 'Nothing more is sent to it; messages still queued for it are dropped.',
        confirmLabel: 'Remove webhook',
        danger: true,
      })) return;
      try {
        await api('DELETE', agentPath(agentId, 'webhooks', webhook.id));
        item.remove();
        empty.hidden = list.children.length > 0;
        announce(`Webhook to ${webhook.url} removed.`);
        panel.querySelector('h2')?.focus();
      } catch (error) {
        showError(rowErrors, error);
      }
    });
    replaceChildren(item,
      h('h3', { class: 'mono' }, webhook.url),
      webhook.disabledAt
        ? h('p', { class: 'warning' }, 'Disabled after five days of failed deliveries (', timeElement(webhook.disabledAt), ').')
        : null,
      h('p', { class: 'meta' }, `Sends: ${webhook.events.join(', ')}`),
      rowErrors,
      h('div', { class: 'actions' }, show, remove),
      deliveries);
    return item;
  }

  const url = h('input', { type: 'url', required: true, maxlength: '2000', autocomplete: 'off', spellcheck: 'false',
    placeholder: 'https://agent.example.com/hooks' });
  const boxes = TYPES.map((type) => h('input', { type: 'checkbox', value: type, id: `wh-type-${type.replace('.', '-')}`, checked: true }));
  const createErrors = errorBox();
  const add = h('button', { type: 'submit', class: 'primary' }, 'Add webhook');
  const form = h('form', { class: 'stack create-webhook', novalidate: true, 'aria-labelledby': 'new-webhook-heading' },
    h('h3', { id: 'new-webhook-heading' }, 'New webhook'),
    createErrors,
    field('Endpoint URL', url, 'HTTPS only; deliveries are signed with the Standard Webhooks scheme.'),
    h('fieldset', {}, h('legend', {}, 'Changes to send'),
      TYPES.map((type, i) => h('div', { class: 'checkbox' }, boxes[i], h('label', { for: boxes[i].id }, type)))),
    h('div', { class: 'actions' }, add));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = boxes.filter((box) => box.checked).map((box) => box.value);
    const body = { url: url.value.trim() };
    if (chosen.length !== TYPES.length) body.events = chosen;
    add.disabled = true;
    try {
      const { webhook } = await api('POST', agentPath(agentId, 'webhooks'), body);
      list.append(webhookItem(webhook));
      empty.hidden = true;
      form.reset();
      showError(createErrors, null, { url });
      replaceChildren(secretSlot, h('div', { class: 'once-panel', role: 'region', 'aria-label': 'New webhook secret' },
        h('p', { class: 'warning' }, h('strong', {}, 'Copy this signing secret now: you will not see it again.'),
          ' Your endpoint verifies every delivery with it.'),
        copyableValue('Signing secret', webhook.secret, { secret: true })));
      announce('Webhook added. Copy its signing secret now.');
      secretSlot.querySelector('input')?.focus();
    } catch (error) {
      showError(createErrors, error, { url });
    } finally {
      add.disabled = false;
    }
  });

  replaceChildren(panel,
    h('h2', { id: 'webhooks-heading', tabindex: '-1' }, 'Webhooks'),
    h('p', {}, 'Changes to this agent’s events and documents are pushed to these endpoints, retried for about a day and a half.'),
    errors, secretSlot, empty, list, form);
  const { webhooks } = await api('GET', agentPath(agentId, 'webhooks'));
  if (!current()) return;
  webhooks.forEach((webhook) => list.append(webhookItem(webhook)));
  empty.hidden = webhooks.length > 0;
}

function deliveryTable(deliveries) {
  if (deliveries.length === 0) return h('p', { class: 'empty-deliveries' }, 'Nothing sent yet.');
  return h('table', { class: 'deliveries' },
    h('caption', {}, 'Recent deliveries, newest first'),
    h('thead', {}, h('tr', {}, ['Queued', 'Change', 'Status', 'Attempts', 'Last answer', 'Next attempt']
      .map((title) => h('th', { scope: 'col' }, title)))),
    h('tbody', {}, deliveries.map((delivery) => h('tr', { class: `delivery ${delivery.status}` },
      h('td', {}, timeElement(delivery.createdAt)),
      h('td', { class: 'mono' }, delivery.type),
      h('td', {}, STATUS[delivery.status] ?? delivery.status),
      h('td', {}, String(delivery.attempts)),
      h('td', {}, delivery.lastStatusCode === null ? '—' : `HTTP ${delivery.lastStatusCode}`),
      h('td', {}, delivery.nextAttemptAt ? timeElement(delivery.nextAttemptAt) : '—')))));
}
