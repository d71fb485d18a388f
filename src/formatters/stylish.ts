/**
 * ESLint-style terminal output: findings grouped under each file's relative path, aligned columns
 * `line:col  severity  message  rule-id`, and a one-line summary. Clean runs print nothing.
 * With `verbose`, each finding's rationale follows on its own line.
 */
import type { ActiveSeverity, LintResult } from '../core/types';
import { palette, type Paint, type Palette } from './ansi';
import { addCounts, countResult, emptyCounts, type Counts } from './counts';
import type { FormatContext } from './context';
import { linePath, oneLine } from './inert';
import { relativePath } from './paths';
import { problemText } from './problem';
import type { ReportStream } from './stream';

interface Row {
  line: number;
  column: number;
  severity: ActiveSeverity;
  message: string;
  ruleId: string;
  /** Printed under the row with `--verbose`. */
  rationale?: string;
}

export function stylishStream(ctx: FormatContext): ReportStream {
  const paint = palette(ctx.color);
  const counts = emptyCounts();
  return {
    head: () => '',
    file(result) {
      addCounts(counts, countResult(result));
      const rows = rowsOf(result, ctx.cwd, ctx.verbose === true);
      if (rows.length === 0) return '';
      return `\n${paint.underline(oneLine(linePath(relativePath(ctx.cwd, result.filePath))))}\n${table(rows, paint)}`;
    },
    tail() {
      const total = counts.errors + counts.warnings + counts.infos;
      // A clean run prints nothing; findings reach this point only with a count.
      return total === 0 ? '' : `\n${summary(counts, total, paint)}`;
    },
  };
}

function rowsOf(result: LintResult, cwd: string, verbose: boolean): Row[] {
  const rows: Row[] = result.findings.map((f) => ({
    line: f.line,
    column: f.column,
    severity: f.severity,
    message: oneLine(f.message),
    ruleId: oneLine(f.ruleId),
    rationale: verbose ? oneLine(f.rationale) : undefined,
  }));
  // A file that could not be linted has no position; ESLint prints file-level messages at 0:0.
  if (result.problem) {
    rows.unshift({
      line: 0,
      column: 0,
      severity: 'error',
      message: oneLine(problemText(result.problem, result.filePath, cwd)),
      ruleId: '',
    });
  }
  return rows;
}

const SEVERITY_PAINT: Record<ActiveSeverity, keyof Palette> = { error: 'red', warning: 'yellow', info: 'cyan' };

/** Widths are measured on the plain text; colour codes are added around the padded cells. */
function table(rows: readonly Row[], paint: Palette): string {
  const lineWidth = maxWidth(rows.map((r) => String(r.line)));
  const columnWidth = maxWidth(rows.map((r) => String(r.column)));
  const severityWidth = maxWidth(rows.map((r) => r.severity));
  const messageWidth = maxWidth(rows.map((r) => r.message));
  let out = '';
  for (const row of rows) {
    // Line numbers right-aligned and columns left-aligned line the colons up.
    const position = `${String(row.line).padStart(lineWidth)}:${String(row.column)}`;
    const cells = [
      cell(position, lineWidth + 1 + columnWidth, paint.dim),
      cell(row.severity, severityWidth, paint[SEVERITY_PAINT[row.severity]]),
      cell(row.message, messageWidth, (s) => s),
      paint.dim(row.ruleId),
    ];
    out += `${`  ${cells.join('  ')}`.trimEnd()}\n`;
    // Under the message column, so the eye runs from what is wrong down to why it matters.
    if (row.rationale)
      out += `${' '.repeat(2 + lineWidth + 1 + columnWidth + 2 + severityWidth + 2)}${paint.dim(row.rationale)}\n`;
  }
  return out;
}

function summary(counts: Counts, total: number, paint: Palette): string {
  const colour: Paint = counts.errors > 0 ? paint.red : counts.warnings > 0 ? paint.yellow : paint.cyan;
  const parts = `${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${counts.infos} info`;
  let out = `${colour(paint.bold(`\u2716 ${plural(total, 'problem')} (${parts})`))}\n`;
  const fixable = counts.fixableErrors + counts.fixableWarnings + counts.fixableInfos;
  if (fixable > 0) {
    out += `${colour(paint.bold(`  ${plural(fixable, 'problem')} potentially fixable with the \`--fix\` option.`))}\n`;
  }
  return out;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function cell(text: string, width: number, paint: Paint): string {
  return paint(text) + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

function maxWidth(texts: readonly string[]): number {
  return texts.reduce((max, text) => Math.max(max, displayWidth(text)), 0);
}

/** Code points, not UTF-16 units, so an emoji or astral character pads like one character. */
function displayWidth(text: string): number {
  return [...text].length;
}
