/** The README's rule table, made from rule metadata so it cannot drift from the rules. */
import type { Rule } from '../core/rule';
import { ROLE_LABELS } from './labels';

/** A table column is narrow: a common rule's role reads "both". */
const roleColumn = (role: Rule['meta']['role']): string => (role === 'common' ? 'both' : ROLE_LABELS[role]);

export function rulesMarkdownTable(rules: readonly Rule<any>[]): string {
  const rows = rules.map((r) => {
    const m = r.meta;
    const link = `[${m.id}](rules/${m.role}/${m.id}/README.md)`;
    return `| ${link} | ${roleColumn(m.role)} | ${m.artifacts.join(', ')} | ${m.severity} | ${m.fixable ? 'yes' : ''} | ${m.description.replace(/\|/g, '\\|')} |`;
  });
  return [
    '| Rule | Role | Artifacts | Default severity | Fix | What it reports |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
