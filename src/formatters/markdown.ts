/**
 * A compact Markdown report for pull-request comments and GitHub job summaries: the totals, counts by
 * role and by rule, then each file's findings as a table whose line numbers link to the line (relative
 * links, `path#L12`). Past MAX_ROWS findings, or MAX_CHARS of text (a PR comment holds 65,536), the tables
 * stop and the report says how many were left out. Document text quoted in messages is escaped, so it
 * renders as text: no HTML, no links, no @mentions that would notify someone.
 */
import { PACKS, type ActiveSeverity, type Finding, type LintResult, type Pack } from '../core/types';
import { countAll } from './counts';
import type { FormatContext } from './context';
import { oneLine } from './inert';
import { relativePath, relativeUri } from './paths';
import { problemText } from './problem';

export const MAX_ROWS = 100;
const MAX_CHARS = 60_000;

const ROLE_LABEL: Record<Pack, string> = { po: 'Product Owner', pm: 'Product Manager', common: 'Both roles' };
const SEVERITIES: ActiveSeverity[] = ['error', 'warning', 'info'];

export function formatMarkdown(results: readonly LintResult[], ctx: FormatContext): string {
  const counts = countAll(results);
  const total = counts.errors + counts.warnings + counts.infos;
  const files = results.filter((r) => r.problem || r.findings.length > 0).length;
  let out = `### backlog-lint: ${total === 0 ? 'no problems' : `${plural(total, 'problem')} in ${plural(files, 'file')}`}\n\n`;
  if (total > 0)
    out += `${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${counts.infos} info.\n`;
  if (ctx.heldBack)
    out += `${total > 0 ? '' : '\n'}${plural(ctx.heldBack, 'existing finding')} held back by the baseline.\n`;
  if (total === 0) return out;
  out += `\n${roleTable(results)}\n${ruleTable(results, ctx)}`;
  let rows = 0;
  for (const result of results) {
    if (!result.problem && result.findings.length === 0) continue;
    const section = fileSection(result, ctx, MAX_ROWS - rows);
    if (section.rows === 0 || out.length + section.text.length > MAX_CHARS) break;
    out += section.text;
    rows += section.rows;
  }
  const left = total - rows;
  if (left > 0)
    out += `\n_${plural(left, 'more problem')} not shown; the first ${rows} are listed. Run backlog-lint locally to see them all._\n`;
  return out;
}

function roleTable(results: readonly LintResult[]): string {
  const byRole = new Map<Pack, Record<ActiveSeverity, number>>();
  for (const f of allFindings(results)) {
    const row = byRole.get(f.role) ?? { error: 0, warning: 0, info: 0 };
    row[f.severity]++;
    byRole.set(f.role, row);
  }
  let out = '| Role | Errors | Warnings | Info |\n| --- | ---: | ---: | ---: |\n';
  for (const role of PACKS) {
    const row = byRole.get(role);
    if (row) out += `| ${ROLE_LABEL[role]} | ${SEVERITIES.map((s) => row[s]).join(' | ')} |\n`;
  }
  return out;
}

function ruleTable(results: readonly LintResult[], ctx: FormatContext): string {
  const byRule = new Map<string, { count: number; role: Pack; docsUrl: string }>();
  for (const f of allFindings(results)) {
    const row = byRule.get(f.ruleId) ?? { count: 0, role: f.role, docsUrl: f.docsUrl };
    row.count++;
    byRule.set(f.ruleId, row);
  }
  const sorted = [...byRule.entries()].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1));
  let out = '| Rule | Role | Problems |\n| --- | --- | ---: |\n';
  for (const [ruleId, row] of sorted) {
    const url = ctx.rules.has(ruleId) ? row.docsUrl : undefined;
    out += `| ${url ? `[${text(ruleId)}](${url})` : text(ruleId)} | ${ROLE_LABEL[row.role]} | ${row.count} |\n`;
  }
  return out;
}

/** One file's heading and table, with at most `room` rows. */
function fileSection(result: LintResult, ctx: FormatContext, room: number): { text: string; rows: number } {
  if (room <= 0) return { text: '', rows: 0 };
  const relative = relativePath(ctx.cwd, result.filePath);
  let out = `\n#### ${text(relative)}\n\n`;
  let rows = 0;
  if (result.problem) {
    out += `Not linted: ${text(problemText(result.problem, result.filePath, ctx.cwd))}\n\n`;
    rows++;
  }
  const findings = result.findings.slice(0, room - rows);
  if (findings.length > 0) {
    out += '| Line | Severity | Rule | Problem |\n| ---: | --- | --- | --- |\n';
    for (const f of findings) {
      out += `| [${f.line}](${relativeUri(relative)}#L${f.line}) | ${f.severity} | ${text(f.ruleId)} | ${text(f.message)} |\n`;
    }
    rows += findings.length;
  }
  return { text: out, rows };
}

function* allFindings(results: readonly LintResult[]): Iterable<Finding> {
  for (const r of results) yield* r.findings;
}

/**
 * Text for a table cell or heading: on one line, every Markdown and HTML metacharacter backslash-escaped
 * (CommonMark allows it before any ASCII punctuation), and a word joiner after `@` so no one is mentioned.
 */
function text(value: string): string {
  return oneLine(value)
    .replace(/[\\`*_[\]()<>!|~&$]/g, '\\$&')
    .replace(/@/g, '@\u2060');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
