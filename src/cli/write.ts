/**
 * Writing fixes (--fix) and reports (--output) without ever damaging what is on disk.
 *
 * A fix is written only to a regular file with one link, reached without a symlink as its last step,
 * whose real place is inside the folders or files named on the command line and not inside a `.git`
 * folder: a repository can commit `docs/notes.md -> ../.git/config`, and writing a template there would
 * let it run commands. Anything else is skipped and reported.
 *
 * The write itself is atomic (temp file beside the original, fsync, rename) and keeps mode, owner and
 * group. The file is compared with what was linted before the temp file is written and again just
 * before the rename; a change is reported and the file left alone. An edit that still lands in the old
 * file while it is being replaced (a program that opened it just before the rename) is caught from the
 * old file's handle afterwards and put back (see `reconcile`).
 */
import { randomBytes } from 'node:crypto';
import { constants, promises as fsp, type BigIntStats } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';

/** The file changed or vanished between linting and writing: not overwritten, so the change is kept. */
export class StaleFileError extends Error {}

/** The file is not one --fix may write (symlink, outside the linted folders, in .git, hard links, owner). */
export class SkippedWriteError extends Error {}

/** Temp files are named `.<name>.backlog-lint-<pid>-<8 hex>.tmp`, so a later run can tell them apart. */
const TEMP_NAME = /^\..*\.backlog-lint-(\d+)-[0-9a-f]{8}\.tmp$/s;

/** A temp file this old whose process is gone was left by a killed run (a write takes milliseconds). */
export const STALE_TEMP_AGE_MS = 10 * 60 * 1000;

/**
 * How long after the rename the old file is watched for edits from programs that opened it just
 * before. Such a program writes within microseconds of opening; this covers being descheduled too.
 */
const WATCH_OLD_FILE_MS = 50;

// O_NOFOLLOW does not exist on Windows; there lstat alone guards against links.
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

export function tempNameFor(base: string): string {
  // File names are limited to 255 bytes: a long name is shortened (by whole code points) to make room.
  let short = base;
  while (Buffer.byteLength(short) > 160)
    short = short.slice(0, short.length - 1 - Number(/[\uDC00-\uDFFF]$/.test(short)));
  return `.${short}.backlog-lint-${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
}

/** Whether any folder of `realPath` is git's (`.git` in any case; on Windows also `.git.`, `.git::$DATA`, `GIT~1`). */
export function insideGitFolder(realPath: string): boolean {
  return realPath.split(/[\\/]/).some((part) => {
    const name = part.toLowerCase();
    if (name === '.git') return true;
    return (
      process.platform === 'win32' && (name.replace(/:.*$/s, '').replace(/[. ]+$/, '') === '.git' || name === 'git~1')
    );
  });
}

/**
 * The real paths of what the command line names: each file or folder, and for a glob the folder it
 * starts from. --fix writes only inside these.
 */
export async function writeRoots(patterns: readonly string[], cwd: string): Promise<string[]> {
  const roots: string[] = [];
  for (const pattern of patterns) {
    const normalized = process.platform === 'win32' ? pattern.replace(/\\/g, '/') : pattern;
    let base = path.resolve(cwd, normalized);
    if (!(await exists(base))) {
      const scan = picomatch.scan(normalized);
      base = path.resolve(cwd, scan.isGlob ? scan.base || '.' : normalized);
    }
    const real = await fsp.realpath(base).catch(() => undefined);
    if (real !== undefined) roots.push(real);
  }
  return roots;
}

const exists = (p: string): Promise<boolean> =>
  fsp.lstat(p).then(
    () => true,
    () => false,
  );

function isInside(real: string, roots: readonly string[]): boolean {
  return roots.some((root) => real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep));
}

function describeChange(before: { size: bigint; ino: bigint }, after: BigIntStats | undefined): string {
  if (!after) return 'deleted';
  if (after.ino !== before.ino) return 'replaced by another file';
  if (after.size !== before.size) return `its size went from ${before.size} to ${after.size} bytes`;
  return 'its content changed';
}

function stale(file: string, what: string): StaleFileError {
  if (what === 'deleted') return new StaleFileError(`${file}: deleted while being fixed; not written`);
  return new StaleFileError(
    `${file}: changed on disk while being fixed; not overwritten (${what}; run again to fix the new content)`,
  );
}

const sameVersion = (a: BigIntStats, b: BigIntStats): boolean =>
  a.ino === b.ino && a.dev === b.dev && a.size === b.size && a.mtimeNs === b.mtimeNs;

async function readAll(handle: fsp.FileHandle, size: number): Promise<Buffer> {
  const buffer = Buffer.alloc(size);
  let done = 0;
  while (done < size) {
    const { bytesRead } = await handle.read(buffer, done, size - done, done);
    if (bytesRead === 0) return buffer.subarray(0, done);
    done += bytesRead;
  }
  return buffer;
}

/** Whether process `pid` still runs (EPERM: it does, under another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** An old file replaced by a fix, watched for a short while for edits that land in it after the rename. */
interface Replaced {
  file: string;
  real: string;
  handle: fsp.FileHandle;
  /** What the old file held when the fix replaced it, and its version then. */
  seen: Buffer;
  seenStat: BigIntStats;
  /** The inode the fix was written to. */
  fixedIno: bigint;
}

export class FixWriter {
  private readonly cleaned = new Map<string, Promise<void>>();
  private readonly watching: Promise<void>[] = [];
  /** Problems found after `write` returned, by file. */
  private readonly late = new Map<string, string>();
  /** How many times bytes written into a replaced file's old copy were appended to the fixed file. */
  reappended = 0;

  /** `roots`: from `writeRoots`. */
  constructor(private readonly roots: readonly string[]) {}

  /**
   * Replaces `file`, which must still hold exactly `expected` (the bytes that were linted), by `content`.
   * Throws SkippedWriteError or StaleFileError (nothing written), or the I/O error (nothing changed).
   */
  async write(file: string, content: string, expected: Buffer): Promise<void> {
    const link = await fsp.lstat(file, { bigint: true }).catch(() => undefined);
    if (!link) throw stale(file, 'deleted');
    if (link.isSymbolicLink())
      throw new SkippedWriteError(
        `${file}: skipped: symlink; --fix never writes through a symlink (fix the file it points to, by its own name)`,
      );
    if (!link.isFile()) throw new SkippedWriteError(`${file}: skipped: not a regular file; not written`);
    const dir = await fsp.realpath(path.dirname(file));
    const real = path.join(dir, path.basename(file));
    if (!isInside(real, this.roots))
      throw new SkippedWriteError(
        `${file}: skipped: its real place ${real} is outside the files and folders being linted; not written`,
      );
    if (insideGitFolder(real))
      throw new SkippedWriteError(`${file}: skipped: inside a .git folder; --fix never writes there`);

    let handle: fsp.FileHandle;
    try {
      handle = await fsp.open(real, constants.O_RDONLY | NOFOLLOW);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw stale(file, 'deleted');
      if (code === 'ELOOP')
        throw new SkippedWriteError(
          `${file}: skipped: symlink; --fix never writes through a symlink (fix the file it points to, by its own name)`,
        );
      throw err;
    }
    let watched = false;
    try {
      const before = await handle.stat({ bigint: true });
      if (before.ino !== link.ino || before.dev !== link.dev) throw stale(file, 'replaced by another file');
      if (before.nlink > 1n) {
        throw new SkippedWriteError(
          `${file}: skipped: it has ${before.nlink} hard links, and writing the fix would split them (fix it with the links removed, or fix a copy)`,
        );
      }
      const current = await readAll(handle, Number(before.size) + 1);
      if (!current.equals(expected))
        throw stale(file, describeChange({ size: BigInt(expected.length), ino: before.ino }, before));
      await this.cleanFolder(dir);
      const fixedIno = await this.replace(file, real, dir, content, handle, before);
      // Windows closed the handle before the rename (see `replace`): nothing to watch there.
      if (process.platform !== 'win32') {
        this.watch({ file, real, handle, seen: current, seenStat: before, fixedIno });
        watched = true;
      }
    } finally {
      if (!watched) await handle.close();
    }
  }

  /** Waits until every replaced file has been watched; returns the problems found meanwhile, by file. */
  async settle(): Promise<Map<string, string>> {
    await Promise.all(this.watching);
    return this.late;
  }

  /** Writes the temp file, checks the original once more, renames. Returns the new file's inode. */
  private async replace(
    file: string,
    real: string,
    dir: string,
    content: string,
    original: fsp.FileHandle,
    before: BigIntStats,
  ): Promise<bigint> {
    const temp = path.join(dir, tempNameFor(path.basename(real)));
    try {
      const out = await fsp.open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW, 0o600);
      let ino: bigint;
      try {
        await out.writeFile(content);
        await this.keepOwner(file, out, before);
        // After chown, which clears set-id bits.
        await out.chmod(Number(before.mode & 0o7777n));
        await out.sync();
        ino = (await out.stat({ bigint: true })).ino;
      } finally {
        await out.close();
      }
      // The last look before the rename: a save since the first check would be lost by it.
      const now = await original.stat({ bigint: true });
      const named = await fsp.lstat(real, { bigint: true }).catch(() => undefined);
      if (!named || !sameVersion(now, before) || !sameVersion(named, before))
        throw stale(file, describeChange(before, named));
      // Windows may refuse to rename over a file that is open, even our own handle.
      if (process.platform === 'win32') await original.close();
      await fsp.rename(temp, real);
      return ino;
    } catch (err) {
      // A full disk, a failed rename or a stale file must not leave the temp file behind.
      await fsp.rm(temp, { force: true });
      throw err;
    }
  }

  /** The fix is written by whoever runs --fix; give it the original's owner and group, or do not write. */
  private async keepOwner(file: string, out: fsp.FileHandle, before: BigIntStats): Promise<void> {
    if (process.platform === 'win32') return;
    const mine = await out.stat({ bigint: true });
    if (mine.uid === before.uid && mine.gid === before.gid) return;
    try {
      await out.chown(Number(before.uid), Number(before.gid));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EPERM') throw err;
      throw new SkippedWriteError(
        `${file}: skipped: owned by user ${before.uid}, group ${before.gid}; writing the fix would give it your owner or group (run --fix as its owner)`,
      );
    }
  }

  private watch(replaced: Replaced): void {
    const done = (async () => {
      try {
        await this.reconcile(replaced);
        await new Promise((resolve) => setTimeout(resolve, WATCH_OLD_FILE_MS));
        await this.reconcile(replaced);
      } catch (err) {
        this.late.set(replaced.file, `${replaced.file}: ${(err as Error).message}`);
      } finally {
        await replaced.handle.close();
      }
    })();
    this.watching.push(done);
  }

  /**
   * A program that opened the file just before the rename writes into the old file, which no name leads to
   * any more. Appended bytes are appended again to the fixed file; any other change is saved beside it, and
   * reported, so no edit is lost silently.
   */
  private async reconcile(r: Replaced): Promise<void> {
    const now = await r.handle.stat({ bigint: true });
    if (sameVersion(now, r.seenStat)) return;
    const old = await readAll(r.handle, Number(now.size) + 1);
    r.seenStat = now;
    const appended = old.length > r.seen.length && old.subarray(0, r.seen.length).equals(r.seen);
    if (appended && (await this.appendTo(r, old.subarray(r.seen.length)))) {
      r.seen = old;
      this.reappended++;
      return;
    }
    r.seen = old;
    const copy = path.join(
      path.dirname(r.real),
      `${path.basename(r.real)}.backlog-lint-conflict-${process.pid}-${randomBytes(4).toString('hex')}`,
    );
    await fsp.writeFile(copy, old, { flag: 'wx', mode: Number(r.seenStat.mode & 0o777n) });
    this.late.set(
      r.file,
      `${r.file}: edited by another program while the fix was written; that version is saved as ${copy}`,
    );
  }

  /** Appends `tail` to the fixed file, if the name still leads to it (false: it does not). */
  private async appendTo(r: Replaced, tail: Buffer): Promise<boolean> {
    const out = await fsp.open(r.real, constants.O_WRONLY | constants.O_APPEND | NOFOLLOW).catch(() => undefined);
    if (!out) return false;
    try {
      const st = await out.stat({ bigint: true });
      if (st.ino !== r.fixedIno) return false;
      await out.write(tail);
      await out.sync();
      return true;
    } finally {
      await out.close();
    }
  }

  /** Removes temp files left in `dir` by killed runs: once per folder and run, before the first write there. */
  private cleanFolder(dir: string): Promise<void> {
    let done = this.cleaned.get(dir);
    if (!done) {
      done = removeStaleTemps(dir).then(() => undefined);
      this.cleaned.set(dir, done);
    }
    return done;
  }
}

/** Best effort: a temp file that cannot be removed now is removed by a later run. */
export async function removeStaleTemps(dir: string, now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  const names = await fsp.readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const pid = TEMP_NAME.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid || alive(Number(pid))) continue;
    const full = path.join(dir, name);
    const st = await fsp.lstat(full).catch(() => undefined);
    if (!st?.isFile() || now - st.mtimeMs < STALE_TEMP_AGE_MS) continue;
    if (
      await fsp.rm(full).then(
        () => true,
        () => false,
      )
    )
      removed.push(full);
  }
  return removed;
}

/**
 * The report (--output) and the cache: atomic like a fix, anywhere the user says, but never through a
 * symlink to a file (a committed `report.xml -> ~/.bashrc` would put file content there) nor into a .git
 * folder. A pipe or character device (`/dev/null`, `/dev/stdout`, a FIFO) is written in place: renaming
 * over it would replace the device with a regular file.
 */
export async function writeAtomic(file: string, text: string): Promise<void> {
  const out = await openAtomic(file);
  try {
    await out.write(text);
  } catch (err) {
    await out.abort();
    throw err;
  }
  await out.close();
}

/** A file being written a piece at a time: `close` makes it appear whole, `abort` leaves what was there. */
export interface AtomicFile {
  write(text: string): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

/** writeAtomic for text written in pieces (a report streamed a file at a time), with the same checks. */
export async function openAtomic(file: string): Promise<AtomicFile> {
  const link = await fsp.lstat(file).catch(() => undefined);
  const target = link?.isSymbolicLink() ? await fsp.stat(file).catch(() => undefined) : link;
  if (target && (target.isFIFO() || target.isCharacterDevice())) {
    const device = await fsp.open(file, 'w');
    return { write: (text) => device.writeFile(text), close: () => device.close(), abort: () => device.close() };
  }
  if (link?.isSymbolicLink()) throw new Error(`${file} is a symlink; the report is not written through it`);
  if (target && !target.isFile()) throw new Error(`${file} is not a regular file; not written`);
  const dir = await fsp.realpath(path.dirname(file));
  if (insideGitFolder(dir)) throw new Error(`${file} is inside a .git folder; the report is not written there`);
  const temp = path.join(dir, tempNameFor(path.basename(file)));
  const out = await fsp.open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW, 0o666);
  let open = true;
  const abort = async (): Promise<void> => {
    if (open) await out.close().catch(() => undefined);
    open = false;
    // A full disk or a failed rename must not leave the temp file behind.
    await fsp.rm(temp, { force: true });
  };
  return {
    write: (text) => out.writeFile(text),
    abort,
    async close() {
      try {
        if (target) await out.chmod(target.mode & 0o7777);
        await out.sync();
        open = false;
        await out.close();
        await fsp.rename(temp, path.join(dir, path.basename(file)));
      } catch (err) {
        await abort();
        throw err;
      }
    },
  };
}
