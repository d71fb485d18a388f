/** `--list-rules`: the rules as a plain table. */
import type { Rule } from '../core/rule';

export function rulesTable(rules: readonly Rule<any>[]): string {
  const rows = rules.map((r) => [
    r.meta.id,
    r.meta.role,
    r.meta.artifacts.join(', '),
    r.meta.severity,
    r.meta.fixable ? 'yes' : '',
    r.meta.description,
  ]);
  const head = ['rule', 'role', 'artifacts', 'severity', 'fix', 'description'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] as number))).join('  ');
  return `${[line(head), ...rows.map(line)].join('\n')}\n`;
}
