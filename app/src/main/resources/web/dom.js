// Builds DOM nodes from text nodes only, so text from the API is never parsed as markup.

/**
 * h('button', {class: 'primary', onclick: fn, 'aria-label': 'x'}, 'text', otherNode)
 * Attribute values false/null/undefined are skipped; true sets an empty attribute.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'value') {
      element.value = value;
    } else if (name === 'checked') {
      element.checked = Boolean(value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replaceChildren(element, ...children) {
  element.replaceChildren();
  append(element, children);
}

let idCounter = 0;
export function uniqueId(prefix) {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** A labelled form field; `control` gets an id, the hint and error are tied with aria-describedby. */
export function field(labelText, control, hint) {
  const id = control.id || uniqueId('f');
  control.id = id;
  const hintNode = hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
  const errorNode = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  const describedBy = [hintNode ? hintNode.id : null, errorNode.id].filter(Boolean).join(' ');
  control.setAttribute('aria-describedby', describedBy);
  return h('div', { class: 'field' }, h('label', { for: id }, labelText), control, hintNode, errorNode);
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
export function formatInstant(iso) {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

export function timeElement(iso) {
  return iso ? h('time', { datetime: iso }, formatInstant(iso)) : h('span', {}, 'never');
}
