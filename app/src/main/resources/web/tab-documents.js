// The agent's documents, read-only: a list, and the chosen one rendered by its type.
import { agentPath, api } from './api.js';
import { h, replaceChildren, timeElement } from './dom.js';
import { markdown } from './markdown.js';
import { errorBox, showError } from './status.js';

const TYPES = { markdown: 'Markdown', sheet: 'Sheet', slide: 'Slides' };

function sheet(content) {
  let rows;
  try {
    rows = JSON.parse(content);
  } catch {
    return [h('p', {}, 'This sheet could not be read.')];
  }
  if (!Array.isArray(rows) || rows.length === 0) return [h('p', {}, 'This sheet has no rows.')];
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row ?? {})))];
  const cell = (value) => (value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));
  return [h('div', { class: 'table-scroll' }, h('table', { class: 'sheet' },
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows.map((row) => h('tr', {}, columns.map((c) => h('td', {}, cell(row?.[c]))))))))];
}

function slides(content) {
  const parts = content.replace(/\r\n?/g, '\n').split(/^---\s*$/m);
  return parts.map((part, index) => h('section', { class: 'slide', 'aria-label': `Slide ${index + 1} of ${parts.length}` },
    h('p', { class: 'slide-number' }, `${index + 1} / ${parts.length}`), markdown(part)));
}

function render(document) {
  if (document.type === 'sheet') return sheet(document.content);
  if (document.type === 'slide') return slides(document.content);
  return markdown(document.content);
}

export async function renderDocuments(panel, context, current) {
  const errors = errorBox();
  const list = h('ul', { class: 'documents' });
  const viewer = h('article', { class: 'document', hidden: true, tabindex: '-1' });
  replaceChildren(panel,
    h('h2', {}, 'Documents'),
    h('p', { class: 'hint' }, 'Read-only. The agent writes its documents through the agent API.'),
    errors, list, viewer);

  async function open(id) {
    errors.hidden = true;
    try {
      const { document } = await api('GET', agentPath(context.agent.id, 'docs', id));
      if (!current()) return;
      replaceChildren(viewer,
        h('h3', {}, document.title),
        h('p', { class: 'hint' }, `${TYPES[document.type] ?? document.type} · updated `, timeElement(document.updatedAt)),
        render(document));
      viewer.hidden = false;
      viewer.focus();
    } catch (error) {
      showError(errors, error);
    }
  }

  try {
    const { documents } = await api('GET', `${agentPath(context.agent.id, 'docs')}?content=false`);
    if (!current()) return;
    if (documents.length === 0) {
      list.replaceWith(h('p', {}, 'No documents yet.'));
      return;
    }
    for (const document of documents) {
      list.append(h('li', {},
        h('button', { type: 'button', class: 'link', onclick: () => open(document.id) }, document.title),
        ' ', h('span', { class: 'hint' }, `${TYPES[document.type] ?? document.type} · `, timeElement(document.updatedAt))));
    }
  } catch (error) {
    showError(errors, error);
  }
}
