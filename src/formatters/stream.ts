/**
 * Formats as streams: a run with 100,000 files must not hold every result until it reports, so each format
 * writes its text a file at a time. `head` comes first, then `file` for each result in order, then `tail`.
 * A format whose opening depends on every result (SARIF's rule catalogue and notifications, JUnit's totals)
 * also has `scan`, which the caller runs over all the results first (a second pass over what it spooled).
 */
import type { LintResult } from '../core/types';
import type { FormatContext } from './context';

export interface ReportStream {
  scan?(result: LintResult): void;
  head(): string;
  file(result: LintResult): string;
  tail(): string;
}

/** The whole report for results held in memory. */
export function formatAll(stream: ReportStream, results: readonly LintResult[]): string {
  if (stream.scan) for (const result of results) stream.scan(result);
  let out = stream.head();
  for (const result of results) out += stream.file(result);
  return out + stream.tail();
}

/**
 * A format that needs every result before it writes anything (the Markdown summary's counts come first,
 * GitLab's report is one JSON array): it holds the results and writes them all at the end. These are
 * summary formats for pull requests and CI pages, so holding a run's results is the accepted cost.
 */
export function wholeReportStream(
  format: (results: readonly LintResult[], ctx: FormatContext) => string,
  ctx: FormatContext,
): ReportStream {
  const held: LintResult[] = [];
  return {
    head: () => '',
    file: (result) => {
      held.push(result);
      return '';
    },
    tail: () => format(held, ctx),
  };
}
