// A small markdown renderer that builds DOM nodes with h(): headings, paragraphs, lists, quotes,
// fenced code, inline code, bold, italic and http(s) links. Text is never parsed as HTML.
import { h } from './dom.js';

const INLINE = /(`[^`]+`)|(\*\*[^*]+\*\*)|(\*[^*\s][^*]*\*|_[^_\s][^_]*_)|(\[[^\]]+\]\([^)\s]+\))/;

export function inline(text) {
  const out = [];
  let rest = text;
  while (rest.length > 0) {
    const match = INLINE.exec(rest);
    if (!match) {
      out.push(rest);
      break;
    }
    if (match.index > 0) out.push(rest.slice(0, match.index));
    const token = match[0];
    if (match[1]) {
      out.push(h('code', {}, token.slice(1, -1)));
    } else if (match[2]) {
      out.push(h('strong', {}, inline(token.slice(2, -2))));
    } else if (match[3]) {
      out.push(h('em', {}, inline(token.slice(1, -1))));
    } else {
      const label = token.slice(1, token.indexOf(']('));
      const href = token.slice(token.indexOf('](') + 2, -1);
      // Only web links: javascript: and data: URLs never become clickable.
      out.push(/^https?:\/\//i.test(href)
        ? h('a', { href, rel: 'noopener noreferrer nofollow', target: '_blank' }, inline(label))
        : token);
    }
    rest = rest.slice(match.index + token.length);
  }
  return out;
}

export function markdown(text) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (/^```/.test(line)) {
      const code = [];
      i += 1;
      while (i < lines.length && !/^```/.test(lines[i])) code.push(lines[i++]);
      i += 1;
      blocks.push(h('pre', {}, h('code', {}, code.join('\n'))));
    } else if (/^#{1,6}\s/.test(line)) {
      // Document headings sit below the page's own h2/h3.
      const level = Math.min(6, line.match(/^#+/)[0].length + 3);
      blocks.push(h(`h${level}`, {}, inline(line.replace(/^#+\s+/, ''))));
      i += 1;
    } else if (/^\s*([-*+]|\d+\.)\s+/.test(line)) {
      const ordered = /^\s*\d+\./.test(line);
      const items = [];
      while (i < lines.length && /^\s*([-*+]|\d+\.)\s+/.test(lines[i])) {
        items.push(h('li', {}, inline(lines[i].replace(/^\s*([-*+]|\d+\.)\s+/, ''))));
        i += 1;
      }
      blocks.push(h(ordered ? 'ol' : 'ul', {}, items));
    } else if (/^>\s?/.test(line)) {
      const quoted = [];
      while (i < lines.length && /^>\s?/.test(lines[i])) quoted.push(lines[i++].replace(/^>\s?/, ''));
      blocks.push(h('blockquote', {}, markdown(quoted.join('\n'))));
    } else if (line.trim() === '') {
      i += 1;
    } else {
      const paragraph = [];
      while (i < lines.length && lines[i].trim() !== '' && !/^(#{1,6}\s|```|>|\s*([-*+]|\d+\.)\s)/.test(lines[i])) {
        paragraph.push(lines[i++]);
      }
      blocks.push(h('p', {}, inline(paragraph.join(' '))));
    }
  }
  return blocks;
}
