/**
 * Which files a CLI run lints. Each pattern is a file, a folder or a glob:
 * - a file is linted as given, whatever its extension, even when .gitignore'd (the user named it);
 * - a folder is searched recursively for `*.md` and `*.markdown` files;
 * - a glob (the config's glob syntax, src/config/glob-match.ts, relative to `cwd`, dot files included) selects
 *   `*.md` and `*.markdown` files; it is matched in time linear in the path, so no glob can stall the search.
 * Folder and glob searches skip `node_modules` and `.git`, files excluded by `.gitignore` files (the ones in
 * the searched folders and those above them up to the repository root) and `opts.ignores` (gitignore syntax,
 * relative to `cwd`), and never follow symlinked folders (which could loop). Symlinked files are linted.
 *
 * Like ESLint, a file or glob that yields no file is an error (NoFilesFoundError) rather than a silent no-op,
 * so a typo in CI does not pass by linting nothing. An existing folder without Markdown is not an error
 * (as in markdownlint-cli2): a repository with no docs yet must not fail its CI.
 */
import type { Dirent } from 'node:fs';
import { lstat, readdir, readlink, stat } from 'node:fs/promises';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { compileNfa, GlobSyntaxError, simulate, type Nfa } from '../config/glob-match';
import { scanGlob } from '../config/globs';
import { describeFileType, nodeFileSystem } from '../config/node-fs';

const MARKDOWN = /\.(md|markdown)$/i;
const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);
/** A .gitignore that is not a regular file, or is larger than this, is skipped like an unreadable one. */
const MAX_GITIGNORE_BYTES = 4 * 1024 * 1024;
const gitignoreReader = nodeFileSystem();

export class NoFilesFoundError extends Error {
  constructor(
    readonly pattern: string,
    allIgnored: boolean,
  ) {
    super(allIgnored ? `All files matching '${pattern}' are ignored.` : `No files matching '${pattern}' were found.`);
    this.name = 'NoFilesFoundError';
  }
}

/**
 * A pattern naming something that exists but cannot be linted: a FIFO, a device, a socket, a symlink loop
 * or a symlink whose target is missing. Said for what it is, rather than "No files matching".
 */
export class NotLintableError extends Error {
  constructor(
    readonly pattern: string,
    what: string,
  ) {
    super(`'${pattern}' is ${what}, not a file or folder: nothing to lint.`);
    this.name = 'NotLintableError';
  }
}

/** A folder the search could not list: reported on its own, while the search goes on elsewhere. */
export interface UnreadableFolder {
  folder: string;
  message: string;
}

export interface FindOptions {
  cwd: string;
  ignores?: string[];
  /** Called for each folder that cannot be listed (permission denied, I/O error); by default the search fails. */
  onUnreadableFolder?: (problem: UnreadableFolder) => void;
}

/** Absolute paths, sorted by code unit so the order is the same on every machine. */
export async function findMarkdownFiles(patterns: string[], opts: FindOptions): Promise<string[]> {
  const cwd = path.resolve(opts.cwd);
  const filter = new IgnoreFilter(cwd, opts.ignores ?? []);
  const found = new Set<string>();
  const onUnreadable =
    opts.onUnreadableFolder ??
    ((p: UnreadableFolder) => {
      throw new Error(p.message);
    });
  for (const pattern of patterns) {
    const matches = await expand(pattern, cwd, filter, onUnreadable);
    if (matches.kept.length === 0 && !(matches.folder && matches.ignored === 0)) {
      throw new NoFilesFoundError(pattern, matches.ignored > 0);
    }
    for (const file of matches.kept) found.add(file);
  }
  return [...found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

interface Expansion {
  kept: string[];
  /** How many candidates ignores removed, to tell "nothing there" from "all ignored". */
  ignored: number;
  /** The pattern named an existing folder. */
  folder?: boolean;
}

type OnUnreadable = (problem: UnreadableFolder) => void;

async function expand(
  pattern: string,
  cwd: string,
  filter: IgnoreFilter,
  onUnreadable: OnUnreadable,
): Promise<Expansion> {
  // On Windows users write 'docs\*.md'; globs need '/', and '\' would otherwise escape the next character.
  const normalized = process.platform === 'win32' ? pattern.replace(/\\/g, '/') : pattern;
  const absolute = path.resolve(cwd, normalized);
  const stats = await stat(absolute).catch((err: NodeJS.ErrnoException) => err);
  if (stats instanceof Error) {
    const link = await lstat(absolute).catch(() => undefined);
    if (link?.isSymbolicLink()) throw new NotLintableError(pattern, await describeBrokenLink(absolute, stats));
  } else {
    if (stats.isFile()) return { kept: [absolute], ignored: 0 };
    if (stats.isDirectory()) return { ...(await walk(absolute, cwd, filter, () => true, onUnreadable)), folder: true };
    throw new NotLintableError(pattern, describeFileType(stats));
  }
  const scan = scanGlob(normalized);
  if (!scan.isGlob) return { kept: [], ignored: 0 };
  let nfa: Nfa;
  try {
    nfa = compileNfa(normalized.replace(/^\.\//, ''));
  } catch (err) {
    if (err instanceof GlobSyntaxError) throw new Error(`Invalid glob '${pattern}': ${err.message}.`);
    throw err;
  }
  const matchesGlob = (file: string) =>
    simulate(nfa, path.isAbsolute(normalized) ? toPosix(file) : toPosix(path.relative(cwd, file)));
  const base = path.resolve(cwd, scan.base || '.');
  const baseStats = await stat(base).catch(() => undefined);
  if (!baseStats?.isDirectory()) return { kept: [], ignored: 0 };
  return walk(base, cwd, filter, matchesGlob, onUnreadable);
}

/** Markdown files under `root` accepted by `accept` and not ignored. Ignored folders are not entered. */
async function walk(
  root: string,
  cwd: string,
  filter: IgnoreFilter,
  accept: (file: string) => boolean,
  onUnreadable: OnUnreadable,
): Promise<Expansion> {
  const top = await gitignoreTop(root, cwd);
  if (await filter.ignoresFolderOrParent(root, top)) return { kept: [], ignored: 1 };
  const result: Expansion = { kept: [], ignored: 0 };
  const visit = async (dir: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      onUnreadable({
        folder: dir,
        message: `${dir}: cannot list this folder: ${describeFsError(err)}; its files were not linted`,
      });
      return;
    }
    for (const entry of entries) {
      if (ALWAYS_SKIPPED.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!(await filter.ignores(full, true, top))) await visit(full);
        continue;
      }
      // A symlink counts as what it points to, except that linked folders are never entered.
      const isFile = entry.isFile() || (entry.isSymbolicLink() && (await stat(full).catch(() => undefined))?.isFile());
      if (!isFile || !MARKDOWN.test(entry.name) || !accept(full)) continue;
      if (await filter.ignores(full, false, top)) result.ignored++;
      else result.kept.push(full);
    }
  };
  await visit(root);
  return result;
}

/**
 * The highest folder whose .gitignore applies under `root`: the repository root (the nearest folder at or
 * above `root` holding `.git`); outside a repository, `cwd` when `root` is inside it, else `root` itself.
 * This keeps a stray .gitignore in a home folder from applying to a project that is not under git.
 */
async function gitignoreTop(root: string, cwd: string): Promise<string> {
  for (let dir = root; ; dir = path.dirname(dir)) {
    if (await stat(path.join(dir, '.git')).catch(() => undefined)) return dir;
    if (path.dirname(dir) === dir) break;
  }
  return root === cwd || relativePosix(cwd, root) !== undefined ? cwd : root;
}

/**
 * .gitignore files and `opts.ignores`. Git's precedence: a deeper .gitignore overrides a shallower one,
 * and within a file the last matching line wins (the `ignore` package handles that part).
 */
class IgnoreFilter {
  private readonly gitignores = new Map<string, Promise<Ignore | undefined>>();
  private readonly extra: Ignore;

  constructor(
    private readonly cwd: string,
    patterns: string[],
  ) {
    this.extra = ignore().add(patterns);
  }

  /** Whether `file` is ignored by `opts.ignores` or by the .gitignore files from its folder up to `top`. */
  async ignores(file: string, isDir: boolean, top: string): Promise<boolean> {
    const suffix = isDir ? '/' : '';
    const fromCwd = relativePosix(this.cwd, file);
    if (fromCwd !== undefined && this.extra.ignores(fromCwd + suffix)) return true;
    for (let dir = path.dirname(file); relativePosix(dir, file) !== undefined; dir = path.dirname(dir)) {
      const verdict = (await this.gitignoreOf(dir))?.test(relativePosix(dir, file)! + suffix);
      if (verdict?.ignored) return true;
      if (verdict?.unignored) return false;
      if (dir === top || path.dirname(dir) === dir) break;
    }
    return false;
  }

  /** Whether a search root or a folder above it (up to `top`) is ignored: `build/docs` with `build/` ignored. */
  async ignoresFolderOrParent(root: string, top: string): Promise<boolean> {
    for (let dir = root; relativePosix(top, dir) !== undefined; dir = path.dirname(dir)) {
      if (await this.ignores(dir, true, top)) return true;
    }
    return false;
  }

  private gitignoreOf(dir: string): Promise<Ignore | undefined> {
    let rules = this.gitignores.get(dir);
    if (!rules) {
      // Through the config layer's reader: a FIFO or a device named .gitignore must not block the search.
      rules = gitignoreReader.readFile(path.join(dir, '.gitignore'), MAX_GITIGNORE_BYTES).then(
        (text) => (text === undefined ? undefined : ignore().add(text)),
        () => undefined,
      );
      this.gitignores.set(dir, rules);
    }
    return rules;
  }
}

/** `file` relative to `dir` with '/' separators, or undefined when it is outside `dir` (or is `dir`). */
function relativePosix(dir: string, file: string): string | undefined {
  const relative = path.relative(dir, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return toPosix(relative);
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

async function describeBrokenLink(link: string, err: NodeJS.ErrnoException): Promise<string> {
  if (err.code === 'ELOOP') return 'a symlink loop';
  if (err.code === 'ENOENT' || err.code === 'ENOTDIR') {
    const target = await readlink(link).catch(() => undefined);
    return target === undefined ? 'a dangling symlink' : `a dangling symlink (its target '${target}' does not exist)`;
  }
  return `a symlink that cannot be followed (${describeFsError(err)})`;
}

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'it vanished during the search';
  return (err as Error).message;
}
