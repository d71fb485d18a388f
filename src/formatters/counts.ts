/** Per-file and total counts shared by the formatters' summaries. */
import type { Finding, LintResult } from '../core/types';

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
  fixableErrors: number;
  fixableWarnings: number;
  fixableInfos: number;
}

export function emptyCounts(): Counts {
  return { errors: 0, warnings: 0, infos: 0, fixableErrors: 0, fixableWarnings: 0, fixableInfos: 0 };
}

/**
 * Counts a file's reported findings. Suppressed findings are not counted; a file that could not be
 * linted counts as one error, as ESLint counts a fatal parse error.
 */
export function countResult(result: LintResult): Counts {
  const counts = emptyCounts();
  if (result.problem) counts.errors += 1;
  for (const finding of result.findings) addFinding(counts, finding);
  return counts;
}

/** The counts of every result. */
export function countAll(results: readonly LintResult[]): Counts {
  const total = emptyCounts();
  for (const result of results) addCounts(total, countResult(result));
  return total;
}

/** Adds `counts` into `total`. */
export function addCounts(total: Counts, counts: Counts): void {
  for (const key of Object.keys(total) as (keyof Counts)[]) total[key] += counts[key];
}

function addFinding(counts: Counts, finding: Finding): void {
  const fixable = finding.fix !== undefined;
  switch (finding.severity) {
    case 'error':
      counts.errors += 1;
      if (fixable) counts.fixableErrors += 1;
      break;
    case 'warning':
      counts.warnings += 1;
      if (fixable) counts.fixableWarnings += 1;
      break;
    case 'info':
      counts.infos += 1;
      if (fixable) counts.fixableInfos += 1;
      break;
  }
}
