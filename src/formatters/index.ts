/**
 * Output formats for the CLI (and anything else that reports a run). `format` returns the complete
 * text to write to stdout as is, ending with a newline, or '' when there is nothing to print;
 * `reportStream` gives the same text in pieces, a file at a time.
 */
import type { LintResult } from '../core/types';
import type { FormatContext } from './context';
import { githubStream } from './github';
import { formatGitlab } from './gitlab';
import { jsonStream } from './json';
import { junitStream } from './junit';
import { formatMarkdown } from './markdown';
import { sarifStream } from './sarif';
import { formatAll, wholeReportStream, type ReportStream } from './stream';
import { stylishStream } from './stylish';

export type { FormatContext } from './context';
export type { ReportStream } from './stream';

export type FormatName = 'stylish' | 'json' | 'sarif' | 'github' | 'junit' | 'markdown' | 'gitlab';

const FORMATTERS: Record<FormatName, (ctx: FormatContext) => ReportStream> = {
  stylish: stylishStream,
  json: jsonStream,
  sarif: sarifStream,
  github: githubStream,
  junit: junitStream,
  markdown: (ctx) => wholeReportStream(formatMarkdown, ctx),
  gitlab: (ctx) => wholeReportStream(formatGitlab, ctx),
};

export const FORMAT_NAMES: readonly FormatName[] = Object.freeze(Object.keys(FORMATTERS) as FormatName[]);

/** For validating a `--format` value before use. */
export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(FORMATTERS, name);
}

export function format(name: FormatName, results: LintResult[], ctx: FormatContext): string {
  return formatAll(reportStream(name, ctx), results);
}

/** The format as a stream, for a report written a file at a time (see stream.ts). */
export function reportStream(name: FormatName, ctx: FormatContext): ReportStream {
  // Guards JavaScript callers and unchecked casts; TypeScript callers cannot get here with a bad name.
  if (!isFormatName(name)) throw new Error(`Unknown format "${String(name)}". Use one of: ${FORMAT_NAMES.join(', ')}.`);
  return FORMATTERS[name](ctx);
}
