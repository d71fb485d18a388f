/**
 * GitLab Code Quality report (a JSON array, `artifacts: reports: codequality`), as markdownlint-cli2 offers.
 * GitLab marks a merge request's issues new or fixed by comparing fingerprints with the target branch's
 * report, so a fingerprint must not change when unrelated text moves: it hashes the path, the rule, the
 * message and the finding's rank among identical ones in the file, never its line. Adding one more
 * identical finding adds exactly one new fingerprint.
 */
import { createHash } from 'node:crypto';
import type { ActiveSeverity, LintResult } from '../core/types';
import type { FormatContext } from './context';
import { inertJson } from './inert';
import { relativePath } from './paths';
import { problemText } from './problem';

type Severity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';
const SEVERITY: Record<ActiveSeverity, Severity> = { error: 'major', warning: 'minor', info: 'info' };

interface Issue {
  type: 'issue';
  check_name: string;
  description: string;
  categories: string[];
  severity: Severity;
  fingerprint: string;
  location: { path: string; lines: { begin: number; end: number } };
}

export function formatGitlab(results: readonly LintResult[], ctx: FormatContext): string {
  const issues: Issue[] = [];
  for (const result of results) issues.push(...fileIssues(result, ctx));
  return `${inertJson(JSON.stringify(issues, null, 2))}\n`;
}

/** One file's issues: depends on nothing outside the file, so files can be reported as they are linted. */
export function fileIssues(result: LintResult, ctx: FormatContext): Issue[] {
  const file = relativePath(ctx.cwd, result.filePath);
  const rank = new Map<string, number>();
  const fingerprint = (...parts: string[]): string => {
    const key = JSON.stringify([file, ...parts]);
    const n = rank.get(key) ?? 0;
    rank.set(key, n + 1);
    return createHash('sha256').update(`${key}#${n}`).digest('hex').slice(0, 32);
  };
  const issues: Issue[] = [];
  if (result.problem) {
    const description = problemText(result.problem, result.filePath, ctx.cwd);
    const line = result.problem.line ?? 1;
    issues.push({
      type: 'issue',
      check_name: 'backlog-lint',
      description,
      categories: ['Bug Risk'],
      severity: 'critical',
      fingerprint: fingerprint('', description),
      location: {
        path: relativePath(ctx.cwd, result.problem.file ?? result.filePath),
        lines: { begin: line, end: line },
      },
    });
  }
  for (const f of result.findings) {
    issues.push({
      type: 'issue',
      check_name: f.ruleId,
      description: f.message,
      categories: ['Style'],
      severity: SEVERITY[f.severity],
      fingerprint: fingerprint(f.ruleId, f.message),
      location: { path: file, lines: { begin: f.line, end: f.endLine } },
    });
  }
  return issues;
}
