/** The README's rule table, made from rule metadata so it cannot drift from the rules. */
import type { Rule } from '../core/rule';

const ROLE_NAMES: Record<string, string> = { po: 'Product Owner', pm: 'Product Manager', common: 'both' };

export function rulesMarkdownTable(rules: readonly Rule<any>[]): string {
  const rows = rules.map((r) => {
    const m = r.meta;
    const link = `[${m.id}](rules/${m.role}/${m.id}/README.md)`;
    return `| ${link} | ${ROLE_NAMES[m.role] ?? m.role} | ${m.artifacts.join(', ')} | ${m.severity} | ${m.fixable ? 'yes' : ''} | ${m.description.replace(/\|/g, '\\|')} |`;
  });
  return ['| Rule | Role | Artifacts | Default severity | Fix | What it reports |', '| --- | --- | --- | --- | --- | --- |', ...rows, ''].join('\n');
}
