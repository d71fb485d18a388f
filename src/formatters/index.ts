/**
 * Output formats for the CLI (and anything else that reports a run). Each returns the complete
 * text to write to stdout as is, ending with a newline, or '' when there is nothing to print.
 */
import type { LintResult } from '../core/types';
import type { FormatContext } from './context';
import { formatGithub } from './github';
import { formatGitlab } from './gitlab';
import { formatJson } from './json';
import { formatJunit } from './junit';
import { formatMarkdown } from './markdown';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';

export type { FormatContext } from './context';

export type FormatName = 'stylish' | 'json' | 'sarif' | 'github' | 'junit' | 'markdown' | 'gitlab';

const FORMATTERS: Record<FormatName, (results: readonly LintResult[], ctx: FormatContext) => string> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
  markdown: formatMarkdown,
  gitlab: formatGitlab,
};

export const FORMAT_NAMES: readonly FormatName[] = Object.freeze(Object.keys(FORMATTERS) as FormatName[]);

/** For validating a `--format` value before use. */
export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(FORMATTERS, name);
}

export function format(name: FormatName, results: LintResult[], ctx: FormatContext): string {
  // Guards JavaScript callers and unchecked casts; TypeScript callers cannot get here with a bad name.
  if (!isFormatName(name)) throw new Error(`Unknown format "${String(name)}". Use one of: ${FORMAT_NAMES.join(', ')}.`);
  return FORMATTERS[name](results, ctx);
}
