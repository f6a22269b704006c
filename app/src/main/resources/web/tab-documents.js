// The dashboard API has no documents route (API.md), so the page cannot list them.
import { h, replaceChildren } from './dom.js';

export function renderDocuments(panel) {
  replaceChildren(panel,
    h('h2', {}, 'Documents'),
    h('div', { class: 'note' },
      h('p', {}, 'Documents are visible to the agent API only: the agent reads and writes them at ',
        h('code', {}, '/api/v1/docs'), ' with its API key.'),
      h('p', {}, 'The dashboard API does not offer a documents route yet, so this page cannot show them.')));
}
