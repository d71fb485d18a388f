/** Small helpers over mdast nodes and raw text that classification needs. */
import type { Nodes, Parent, RootContent } from 'mdast';

/** The plain text of a node (inline markup dropped), like mdast-util-to-string. */
export function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}

/** Start and end offsets of a node. */
export function offsets(node: {
  position?: { start: { offset?: number }; end: { offset?: number } };
}): [number, number] {
  const start = node.position?.start.offset ?? 0;
  return [start, node.position?.end.offset ?? start];
}

/** Offsets of the inline content of a heading or paragraph (without `## ` markers). */
export function contentOffsets(node: Parent & { position?: RootContent['position'] }): [number, number] {
  const first = node.children[0];
  const last = node.children[node.children.length - 1];
  if (!first || !last) return offsets(node);
  return [offsets(first)[0], offsets(last)[1]];
}

/** `s` matched literally inside a regular expression (also valid RE2 syntax, for pack patterns). */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * An alternation of literal terms, longest first (so "as soon as possible" wins over "as soon"), each
 * run of white space in a term matching any run of white space in the text.
 */
export function termAlternation(terms: Iterable<string>): string {
  return [...terms]
    .sort((a, b) => b.length - a.length)
    .map((t) => escapeRegExp(t).replace(/\s+/g, String.raw`\s+`))
    .join('|');
}

/** Emoji and pictographs, and the variation selector that asks for an emoji rendering. */
export const EMOJI = /[\u{1F000}-\u{1FFFF}\u{2600}-\u{27BF}]|\u{FE0F}/gu;

/** Lower-case, numbering/emoji/punctuation-free form of a heading or label, for alias lookup. */
export function normalizeLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(EMOJI, '')
    .replace(/^[\s#>*_`\-–—]*(?:\d+(?:\.\d+)*\.?|[ivx]+\.|[a-z]\))?\s*/u, '')
    .replace(/[*_`]/g, '')
    .replace(/[\s:;.?!…\-–—]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}
