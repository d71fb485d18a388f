/**
 * `--changed[=REF]` and `--changed-lines`: which files (and lines) differ from a git ref, through the git CLI.
 * The run still lints every file it finds, so checks across files (duplicate stories) see the whole set;
 * this only narrows what is reported. The cache keeps the unchanged files cheap.
 */
import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import type { LintResult } from '../core/types';

const MARKDOWN = /\.(md|markdown)$/i;
/** Git's output for a large repository's file list stays far below this. */
const MAX_BUFFER = 256 * 1024 * 1024;

export class GitError extends Error {}

function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    // No shell: a ref or a path is always one argument, never parsed as a command.
    execFile(
      'git',
      ['-c', 'core.quotePath=false', ...args],
      { cwd, maxBuffer: MAX_BUFFER, encoding: 'utf8' },
      (err, stdout, stderr) => {
        if (!err) resolve(stdout);
        else if ((err as NodeJS.ErrnoException).code === 'ENOENT')
          reject(new GitError('--changed needs the git command, which was not found'));
        else reject(new GitError(`git ${args.join(' ')} failed: ${(stderr || err.message).trim()}`));
      },
    );
  });
}

async function resolveCommit(top: string, ref: string): Promise<string | undefined> {
  if (ref.startsWith('-')) throw new GitError(`--changed: '${ref}' is not a git ref`);
  return git(top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).then(
    (s) => s.trim(),
    () => undefined,
  );
}

/**
 * The default base: the merge base of HEAD with the default branch. In a GitHub pull request that is the
 * PR's target (GITHUB_BASE_REF); elsewhere origin's HEAD, else main or master.
 */
async function defaultBase(top: string, env: NodeJS.ProcessEnv): Promise<string> {
  const candidates: string[] = [];
  if (env.GITHUB_BASE_REF) candidates.push(`origin/${env.GITHUB_BASE_REF}`, env.GITHUB_BASE_REF);
  const originHead = await git(top, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']).then(
    (s) => s.trim(),
    () => '',
  );
  if (originHead) candidates.push(originHead);
  candidates.push('origin/main', 'origin/master', 'main', 'master');
  for (const name of candidates) {
    const commit = await resolveCommit(top, name);
    if (!commit) continue;
    const base = await git(top, ['merge-base', 'HEAD', commit]).then(
      (s) => s.trim(),
      () => '',
    );
    if (base) return base;
    throw new GitError(
      `--changed: no merge base of HEAD and ${name} (a shallow clone? fetch with 'fetch-depth: 0'), or name a ref: --changed=REF`,
    );
  }
  throw new GitError('--changed: no default branch found (origin/HEAD, main or master); name a ref: --changed=REF');
}

export interface ChangedSet {
  /** The commit compared against. */
  base: string;
  /** Absolute paths of the changed Markdown files: changed since `base`, staged or untracked. */
  files: Set<string>;
  /** With --changed-lines: per file, the 1-based line ranges added or changed; untracked files are whole. */
  lines?: Map<string, [number, number][] | 'all'>;
}

export async function findChanged(
  cwd: string,
  ref: string,
  withLines: boolean,
  env: NodeJS.ProcessEnv,
): Promise<ChangedSet> {
  const top = await git(cwd, ['rev-parse', '--show-toplevel']).then(
    (s) => s.trim(),
    () => {
      throw new GitError(`--changed: ${cwd} is not inside a git repository`);
    },
  );
  const base = ref === '' ? await defaultBase(top, env) : await resolveCommit(top, ref);
  if (!base) throw new GitError(`--changed: '${ref}' is not a commit in this repository`);
  // The work tree against the base: committed, staged and unstaged changes alike; deleted files have nothing to lint.
  const tracked = split(await git(top, ['diff', '--name-only', '-z', '--no-renames', '--diff-filter=d', base, '--']));
  const untracked = split(await git(top, ['ls-files', '--others', '--exclude-standard', '--full-name', '-z']));
  // In the run's own spelling of paths: the cwd may reach the repository through a symlink.
  const here = path.resolve(cwd);
  const realHere = realpathSync(here);
  const absolute = (p: string) => path.resolve(here, path.relative(realHere, path.resolve(top, p)));
  const files = new Set([...tracked, ...untracked].filter((p) => MARKDOWN.test(p)).map(absolute));
  if (!withLines) return { base, files };
  const lines = new Map<string, [number, number][] | 'all'>();
  for (const p of untracked) if (MARKDOWN.test(p)) lines.set(absolute(p), 'all');
  for (const p of tracked) {
    if (!MARKDOWN.test(p)) continue;
    const diff = await git(top, ['diff', '-U0', '--no-color', '--no-ext-diff', '--no-renames', base, '--', p]);
    lines.set(absolute(p), addedLines(diff));
  }
  return { base, files, lines };
}

function split(nulSeparated: string): string[] {
  return nulSeparated.split('\0').filter((s) => s !== '');
}

/** The new side of each hunk (`@@ -a,b +c,d @@`); a hunk that only deletes adds no line. */
export function addedLines(diff: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const match of diff.matchAll(/^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/gm)) {
    const start = Number(match[1]);
    const count = match[2] === undefined ? 1 : Number(match[2]);
    if (count > 0) ranges.push([start, start + count - 1]);
  }
  return ranges;
}

/** Only changed files' results (and problems, which are never hidden); with lines, only findings touching them. */
export function onlyChanged(results: readonly LintResult[], changed: ChangedSet): LintResult[] {
  const kept: LintResult[] = [];
  for (const result of results) {
    if (result.problem) {
      kept.push(result);
      continue;
    }
    if (!changed.files.has(path.resolve(result.filePath))) continue;
    const lines = changed.lines?.get(path.resolve(result.filePath));
    if (!changed.lines || lines === 'all') {
      kept.push(result);
      continue;
    }
    const touches = (f: { line: number; endLine: number }) =>
      (lines ?? []).some(([a, b]) => f.line <= b && f.endLine >= a);
    kept.push({ ...result, findings: result.findings.filter(touches) });
  }
  return kept;
}
