/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`), which the runner turns into
 * annotations on the pull request diff. Suppressed findings are left out, as in the terminal.
 */
import type { ActiveSeverity, LintResult } from '../core/types';
import type { FormatContext } from './context';
import { LEGACY_COMMAND } from './inert';
import { relativePath } from './paths';
import { problemText } from './problem';
import type { ReportStream } from './stream';

const COMMAND: Record<ActiveSeverity, 'error' | 'warning' | 'notice'> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
};

export function githubStream(ctx: FormatContext): ReportStream {
  return { head: () => '', file: (result) => commands(result, ctx), tail: () => '' };
}

function commands(result: LintResult, ctx: FormatContext): string {
  let out = '';
  const file = relativePath(ctx.cwd, result.filePath);
  if (result.problem) {
    // Point at the file the problem is about (a broken config, say), which may not be the linted one.
    const target = relativePath(ctx.cwd, result.problem.file ?? result.filePath);
    out += command(
      'error',
      { file: target, title: 'backlog-lint' },
      problemText(result.problem, result.filePath, ctx.cwd),
    );
  }
  for (const f of result.findings) {
    const properties = {
      file,
      line: f.line,
      col: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      title: f.ruleId,
    };
    out += command(COMMAND[f.severity], properties, f.message);
  }
  return out;
}

function command(name: string, properties: Record<string, string | number>, message: string): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${name} ${props}::${escapeData(message)}\n`;
}

/**
 * The runner's unescaping of command data; `%` goes first so the other escapes are not re-escaped. The
 * runner splits lines at CR and LF only; the other line breaks, which have no escape, become spaces so no
 * reader of the log sees a line of document text there, and other controls (ESC) U+FFFD. A legacy
 * `##[command]` prefix is broken up as in every format, though the runner reads a `::` line first.
 */
function escapeData(text: string): string {
  return text
    .replace(/%/g, '%25')
    .replace(/\r/g, '%0D')
    .replace(/\n/g, '%0A')
    .replace(/[\v\f\u0085\u2028\u2029]/g, ' ')
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g, '\uFFFD')
    .replace(LEGACY_COMMAND, '# #');
}

/** Property values also end at `,` (next property) and `:` (start of `::data`), so `::` never appears in one. */
function escapeProperty(text: string): string {
  return text
    .replace(/%/g, '%25')
    .replace(/\r/g, '%0D')
    .replace(/\n/g, '%0A')
    .replace(/:/g, '%3A')
    .replace(/,/g, '%2C');
}
