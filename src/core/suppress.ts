/**
 * Inline suppression comments, as markdownlint and ESLint users know them:
 *   <!-- backlog-lint-disable-next-line rule-id [rule-id …] -->
 *   <!-- backlog-lint-disable-line rule-id -->          (on the same line: table rows and list items)
 *   <!-- backlog-lint-disable rule-id --> … <!-- backlog-lint-enable rule-id -->
 *   <!-- backlog-lint-disable-file [rule-id …] -->
 * No rule ids means every rule. Only real HTML comments count (not text inside code).
 */
import type { Nodes } from 'mdast';
import type { ParsedDocument } from './document';
import { spanOf } from './document';
import type { Finding, Span } from './types';

const DIRECTIVE = /<!--\s*backlog-lint-(disable-next-line|disable-line|disable-file|disable|enable)\b([\s\S]*?)-->/g;

export interface Directive {
  kind: 'disable-next-line' | 'disable-line' | 'disable-file' | 'disable' | 'enable';
  /** Empty means all rules. */
  rules: string[];
  comment: Span;
  line: number;
  endLine: number;
}

function collectHtml(node: Nodes, out: Nodes[]): void {
  if (node.type === 'html') out.push(node);
  if ('children' in node) for (const child of node.children as Nodes[]) collectHtml(child, out);
}

export function parseDirectives(doc: ParsedDocument): Directive[] {
  if (!doc.text.includes('backlog-lint-')) return [];
  const html: Nodes[] = [];
  collectHtml(doc.root, html);
  const out: Directive[] = [];
  for (const node of html) {
    const base = node.position?.start.offset ?? 0;
    const value = doc.text.slice(base, node.position?.end.offset ?? base);
    DIRECTIVE.lastIndex = 0;
    for (let m = DIRECTIVE.exec(value); m; m = DIRECTIVE.exec(value)) {
      const start = base + m.index;
      const end = start + m[0].length;
      out.push({
        kind: m[1] as Directive['kind'],
        rules: (m[2] ?? '').split(/[\s,]+/).filter((r) => r !== '' && r !== '--'),
        comment: spanOf(doc, start, end),
        line: doc.lines.positionAt(start).line,
        endLine: doc.lines.positionAt(end).line,
      });
    }
  }
  return out;
}

const applies = (d: Directive, ruleId: string): boolean => d.rules.length === 0 || d.rules.includes(ruleId);

/** The directive silencing a finding, or undefined. Block directives act from their line on, in order. */
export function suppressorOf(
  directives: readonly Directive[],
  finding: Pick<Finding, 'ruleId' | 'line'>,
): Directive | undefined {
  let active: Directive | undefined;
  for (const d of directives) {
    if (!applies(d, finding.ruleId)) continue;
    if (d.kind === 'disable-file') return d;
    if (d.kind === 'disable-next-line' && finding.line === d.endLine + 1) return d;
    if (d.kind === 'disable-line' && finding.line >= d.line && finding.line <= d.endLine) return d;
    if (d.line > finding.line) continue;
    if (d.kind === 'disable') active = d;
    if (d.kind === 'enable') active = undefined;
  }
  return active;
}
