/** Small helpers over mdast nodes and raw text that classification needs. */
import type { Nodes, Parent, RootContent } from 'mdast';

/** The plain text of a node (inline markup dropped), like mdast-util-to-string. */
export function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}

/** Start and end offsets of a node. */
export function offsets(node: { position?: { start: { offset?: number }; end: { offset?: number } } }): [number, number] {
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

/** Lower-case, numbering/emoji/punctuation-free form of a heading or label, for alias lookup. */
export function normalizeLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u{1F000}-\u{1FFFF}\u{2600}-\u{27BF}\u{FE0F}]/gu, '')
    .replace(/^[\s#>*_`\-–—]*(?:\d+(?:\.\d+)*\.?|[ivx]+\.|[a-z]\))?\s*/u, '')
    .replace(/[*_`]/g, '')
    .replace(/[\s:;.?!…\-–—]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}
