/**
 * What `--fix` may write, and how (issue 11, items 1 and 4 and the write faults of 9): never through a
 * symlink, outside the linted files and folders or into .git; a file changed at any moment of the write
 * keeps the change and is reported; owner, group, mode and hard links survive; temp files are
 * recognisable, removed on failure and, when a killed run left them, by a later run; fixes in CR-only
 * documents insert CR line endings. In-process, so faults can be injected at the exact moment.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseCliArgs } from '../../src/cli/args';
import { run } from '../../src/cli/run';
import { runCli, tempProject, withFsHook } from '../helpers/cli';
import { FixWriter, insideGitFolder, removeStaleTemps, STALE_TEMP_AGE_MS, tempNameFor } from '../../src/cli/write';
import { defaultConfig } from '../../src/config/defaults';
import { fixAll } from '../helpers/lint';

const FIXABLE = '# Log in\n\nAs a member, I want to log in, so that I see my orders.\n';
// Git reads the heading as a comment: the inserted block is a valid config that runs a command on `git status`.
const HOSTILE = '## Business objective\n\n[core]\n\tfsmonitor = "touch /tmp/PWNED; false"\n';
const TEMP = /^\..+\.backlog-lint-\d+-[0-9a-f]{8}\.tmp$/;

function project(files: Record<string, string>): string {
  return tempProject('secfix', files);
}

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; message: string; fatal?: boolean }[];
}

async function fix(dir: string, args: string[] = ['.']): Promise<{ code: number; results: JsonResult[] }> {
  const { code, out } = await runCli(dir, [...args, '--fix', '--no-cache', '--format', 'json']);
  return { code, results: out ? (JSON.parse(out) as JsonResult[]) : [] };
}

const messageOf = (results: JsonResult[], name: string): string =>
  results
    .find((r) => r.filePath.endsWith(name))
    ?.messages.map((m) => m.message)
    .join('\n') ?? '';

const temps = (dir: string): string[] => fs.readdirSync(dir).filter((f) => f.includes('.backlog-lint-'));

// Not /dev/null: the user's git config must not apply, and /dev/null may not be what it should be.
const EMPTY_GIT_CONFIG = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'backlog-lint-gitconfig-')), 'config');
fs.writeFileSync(EMPTY_GIT_CONFIG, '');

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync(
    'git',
    ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'core.symlinks=true', ...args],
    {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, GIT_CONFIG_GLOBAL: EMPTY_GIT_CONFIG, GIT_CONFIG_NOSYSTEM: '1' },
    },
  );
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

describe('security: what --fix writes', function () {
  this.timeout(30000);

  it('does not write a hostile template through a committed symlink into .git/config (issue 11, item 1)', async function () {
    if (spawnSync('git', ['--version']).status !== 0 || process.platform === 'win32') this.skip();
    const origin = project({
      '.backlog-lint.json': '{"templates":"tpl","artifacts":{"docs/notes.md":"epic"}}',
      'tpl/epic-objective.md': HOSTILE,
    });
    fs.mkdirSync(path.join(origin, 'docs'));
    fs.symlinkSync('../.git/config', path.join(origin, 'docs', 'notes.md'));
    git(origin, 'init', '-q');
    git(origin, 'add', '.');
    git(origin, 'commit', '-q', '-m', 'hostile');
    const clone = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'backlog-lint-clone-')));
    git(clone, 'clone', '-q', origin, 'repo');
    const repo = path.join(clone, 'repo');
    assert.ok(fs.lstatSync(path.join(repo, 'docs', 'notes.md')).isSymbolicLink(), 'the clone has the symlink');
    const config = fs.readFileSync(path.join(repo, '.git', 'config'));

    const r = await fix(repo);

    assert.deepEqual(fs.readFileSync(path.join(repo, '.git', 'config')), config, '.git/config unchanged');
    assert.doesNotMatch(fs.readFileSync(path.join(repo, '.git', 'config'), 'utf8'), /fsmonitor/);
    assert.match(messageOf(r.results, 'notes.md'), /notes\.md: skipped: symlink; --fix never writes through a symlink/);
    assert.equal(r.code, 2, 'a skipped file is a file problem, like a file that could not be read');
    assert.ok(fs.lstatSync(path.join(repo, 'docs', 'notes.md')).isSymbolicLink(), 'still a link');
    assert.equal(git(repo, 'status', '--porcelain'), '', 'nothing in the work tree changed');
  });

  it('would insert that template into a regular file: the symlink is what stops it', async () => {
    const dir = project({
      '.backlog-lint.json': '{"templates":"tpl","artifacts":{"docs/plain.md":"epic"}}',
      'tpl/epic-objective.md': HOSTILE,
      'docs/plain.md': '[core]\n\trepositoryformatversion = 0\n',
    });
    const r = await fix(dir);
    assert.match(fs.readFileSync(path.join(dir, 'docs', 'plain.md'), 'utf8'), /fsmonitor/);
    assert.equal(messageOf(r.results, 'plain.md'), '');
  });

  it('skips a symlink named on the command line too, and leaves both link and target alone', async () => {
    const dir = project({ 'real/login.story.md': FIXABLE });
    fs.symlinkSync(path.join(dir, 'real', 'login.story.md'), path.join(dir, 'link.story.md'));
    const r = await fix(dir, ['link.story.md']);
    assert.equal(r.code, 2);
    assert.match(messageOf(r.results, 'link.story.md'), /skipped: symlink/);
    assert.equal(fs.readFileSync(path.join(dir, 'real', 'login.story.md'), 'utf8'), FIXABLE);
    const direct = await fix(dir, ['real/login.story.md']);
    assert.equal(direct.code, 0);
    assert.match(
      fs.readFileSync(path.join(dir, 'real', 'login.story.md'), 'utf8'),
      /## Acceptance criteria/,
      'fixed by its own name',
    );
  });

  it('never writes into a .git folder, in any letter case', async () => {
    for (const name of ['.git', '.GIT', '.Git']) {
      const dir = project({ [`${name}/notes.story.md`]: FIXABLE });
      const r = await fix(dir, [`${name}/notes.story.md`]);
      assert.equal(r.code, 2);
      assert.match(messageOf(r.results, 'notes.story.md'), /skipped: inside a \.git folder/);
      assert.equal(fs.readFileSync(path.join(dir, name, 'notes.story.md'), 'utf8'), FIXABLE);
    }
    assert.equal(insideGitFolder('/a/b/.gitignore'), false);
    assert.equal(insideGitFolder('/a/.gitmodules/x.md'), false);
  });

  it('never writes outside the linted folders, even when a folder is swapped for a symlink after discovery', async () => {
    const outside = project({ 'sub/a.story.md': FIXABLE });
    const dir = project({ 'docs/sub/a.story.md': FIXABLE });
    const writer = new FixWriter([path.join(dir, 'docs')]);
    fs.renameSync(path.join(dir, 'docs', 'sub'), path.join(dir, 'moved'));
    fs.symlinkSync(path.join(outside, 'sub'), path.join(dir, 'docs', 'sub'));
    await assert.rejects(
      writer.write(path.join(dir, 'docs', 'sub', 'a.story.md'), 'x', Buffer.from(FIXABLE)),
      /skipped: its real place .* is outside the files and folders being linted/,
    );
    assert.equal(fs.readFileSync(path.join(outside, 'sub', 'a.story.md'), 'utf8'), FIXABLE);
  });

  it('reports a file edited after the first check and before the rename, and keeps the edit', async () => {
    const dir = project({ 'edited.story.md': FIXABLE, 'other.story.md': FIXABLE });
    const file = path.join(dir, 'edited.story.md');
    await withFsHook(
      'open',
      (open) =>
        (async (f: fs.PathLike, ...rest: unknown[]) => {
          // Creating the temp file: the original has already been compared with what was linted.
          if (typeof f === 'string' && TEMP.test(path.basename(f)) && path.basename(f).startsWith('.edited'))
            fs.appendFileSync(file, 'Saved meanwhile.\n');
          return (open as (...a: unknown[]) => Promise<fs.promises.FileHandle>)(f, ...rest);
        }) as typeof fs.promises.open,
      async () => {
        const r = await fix(dir);
        assert.equal(r.code, 2);
        assert.match(
          messageOf(r.results, 'edited.story.md'),
          /changed on disk while being fixed; not overwritten \(its size went from 66 to 83 bytes; run again/,
        );
      },
    );
    assert.equal(fs.readFileSync(file, 'utf8'), `${FIXABLE}Saved meanwhile.\n`, 'the edit is kept');
    assert.match(fs.readFileSync(path.join(dir, 'other.story.md'), 'utf8'), /## Acceptance criteria/);
    assert.deepEqual(temps(dir), [], 'temp file removed');
  });

  it('keeps an append that lands in the old file during the rename: it is appended to the fixed file', async () => {
    const dir = project({ 'race.story.md': FIXABLE });
    const file = path.join(dir, 'race.story.md');
    await withFsHook(
      'rename',
      (rename) =>
        (async (from: fs.PathLike, to: fs.PathLike) => {
          // A program opens the file just before the rename and writes just after it: into the old file.
          const late = fs.openSync(file, 'a');
          await rename(from, to);
          fs.writeSync(late, 'Typed during the rename.\n');
          fs.closeSync(late);
        }) as typeof fs.promises.rename,
      async () => {
        const r = await fix(dir);
        assert.doesNotMatch(
          messageOf(r.results, 'race.story.md'),
          /changed|edited|skipped/,
          'nothing lost, so nothing to report',
        );
        assert.equal(r.code, 0);
      },
    );
    const text = fs.readFileSync(file, 'utf8');
    assert.match(text, /## Acceptance criteria/);
    assert.ok(text.endsWith('Typed during the rename.\n'), JSON.stringify(text));
  });

  it('saves and reports an in-place edit that lands in the old file during the rename', async () => {
    const dir = project({ 'inplace.story.md': FIXABLE });
    const file = path.join(dir, 'inplace.story.md');
    await withFsHook(
      'rename',
      (rename) =>
        (async (from: fs.PathLike, to: fs.PathLike) => {
          const late = fs.openSync(file, 'r+');
          await rename(from, to);
          fs.writeSync(late, '# Sign in', 0);
          fs.closeSync(late);
        }) as typeof fs.promises.rename,
      async () => {
        const r = await fix(dir);
        assert.equal(r.code, 2);
        assert.match(
          messageOf(r.results, 'inplace.story.md'),
          /edited by another program while the fix was written; that version is saved as .*inplace\.story\.md\.backlog-lint-conflict-/,
        );
      },
    );
    const [copy] = fs.readdirSync(dir).filter((f) => f.includes('-conflict-'));
    assert.ok(copy);
    assert.equal(fs.readFileSync(path.join(dir, copy), 'utf8'), `# Sign in${FIXABLE.slice('# Sign in'.length)}`);
  });

  it('does not bring back a file deleted just before the rename', async () => {
    const dir = project({ 'gone.story.md': FIXABLE });
    const file = path.join(dir, 'gone.story.md');
    await withFsHook(
      'open',
      (open) =>
        (async (f: fs.PathLike, ...rest: unknown[]) => {
          if (typeof f === 'string' && path.basename(f).startsWith('.gone.story.md.backlog-lint-')) fs.rmSync(file);
          return (open as (...a: unknown[]) => Promise<fs.promises.FileHandle>)(f, ...rest);
        }) as typeof fs.promises.open,
      async () => {
        const r = await fix(dir);
        assert.match(messageOf(r.results, 'gone.story.md'), /deleted while being fixed; not written/);
      },
    );
    assert.equal(fs.existsSync(file), false);
    assert.deepEqual(temps(dir), []);
  });

  it('skips a file with hard links instead of splitting them', async () => {
    const dir = project({ 'a.story.md': FIXABLE });
    fs.linkSync(path.join(dir, 'a.story.md'), path.join(dir, 'b.md.txt'));
    const r = await fix(dir, ['a.story.md']);
    assert.equal(r.code, 2);
    assert.match(
      messageOf(r.results, 'a.story.md'),
      /skipped: it has 2 hard links, and writing the fix would split them/,
    );
    assert.equal(fs.statSync(path.join(dir, 'a.story.md')).ino, fs.statSync(path.join(dir, 'b.md.txt')).ino);
    assert.equal(fs.readFileSync(path.join(dir, 'a.story.md'), 'utf8'), FIXABLE);
  });

  it('as root, keeps the owner and group of a file owned by someone else', async function () {
    if (typeof process.getuid !== 'function' || process.getuid() !== 0) this.skip();
    const dir = project({ 'nobody.story.md': FIXABLE });
    const file = path.join(dir, 'nobody.story.md');
    fs.chownSync(file, 65534, 65534);
    fs.chmodSync(file, 0o640);
    const r = await fix(dir);
    assert.equal(r.code, 0);
    assert.match(fs.readFileSync(file, 'utf8'), /## Acceptance criteria/);
    const st = fs.statSync(file);
    assert.deepEqual([st.uid, st.gid, st.mode & 0o777], [65534, 65534, 0o640]);
  });

  it('as another user, skips a file it could replace but not give back to its owner', async function () {
    if (typeof process.getuid !== 'function' || process.getuid() !== 0 || !process.seteuid || !process.setegid)
      this.skip();
    const dir = project({ 'roots.story.md': FIXABLE });
    const file = path.join(dir, 'roots.story.md');
    fs.chmodSync(dir, 0o777);
    fs.chmodSync(file, 0o666);
    const writer = new FixWriter([dir]);
    process.setegid(65534);
    process.seteuid(65534);
    try {
      await assert.rejects(
        writer.write(file, 'fixed', Buffer.from(FIXABLE)),
        /skipped: owned by user 0, group 0; writing the fix would give it your owner or group/,
      );
    } finally {
      process.seteuid(0);
      process.setegid(0);
    }
    assert.equal(fs.readFileSync(file, 'utf8'), FIXABLE);
    assert.equal(fs.statSync(file).uid, 0);
    assert.deepEqual(temps(dir), []);
  });

  it('names temp files recognisably, and a later run removes those a killed run left', async () => {
    const dir = project({ 'a.story.md': FIXABLE });
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    }).stdout;
    const old = (Date.now() - STALE_TEMP_AGE_MS - 60000) / 1000;
    const left = `.a.story.md.backlog-lint-${dead}-0123abcd.tmp`;
    const fresh = `.a.story.md.backlog-lint-${dead}-89abcdef.tmp`;
    const running = `.a.story.md.backlog-lint-${process.ppid}-deadbeef.tmp`;
    for (const name of [left, fresh, running]) fs.writeFileSync(path.join(dir, name), 'half a fi');
    for (const name of [left, running]) fs.utimesSync(path.join(dir, name), old, old);
    const seen: string[] = [];
    await withFsHook(
      'open',
      (open) =>
        (async (f: fs.PathLike, ...rest: unknown[]) => {
          if (typeof f === 'string' && f.endsWith('.tmp')) seen.push(path.basename(f));
          return (open as (...a: unknown[]) => Promise<fs.promises.FileHandle>)(f, ...rest);
        }) as typeof fs.promises.open,
      async () => {
        assert.equal((await fix(dir)).code, 0);
      },
    );
    assert.equal(seen.length, 1, seen.join());
    assert.match(seen[0] as string, new RegExp(`^\\.a\\.story\\.md\\.backlog-lint-${process.pid}-[0-9a-f]{8}\\.tmp$`));
    assert.deepEqual(temps(dir).sort(), [fresh, running].sort(), 'only the old one of a gone process is removed');
    assert.deepEqual(await removeStaleTemps(dir, Date.now() + STALE_TEMP_AGE_MS + 60000), [path.join(dir, fresh)]);
  });

  it('keeps temp file names of long file names under the 255-byte limit, recognisable', () => {
    for (const base of ['a'.repeat(250), `${'\u{1F4DD}'.repeat(62)}.md`, '\u00e9'.repeat(120)]) {
      const name = tempNameFor(base);
      assert.ok(Buffer.byteLength(name) <= 255, `${Buffer.byteLength(name)} bytes`);
      assert.match(name, TEMP);
      assert.equal(Buffer.from(name).toString(), name, 'no half of a surrogate pair');
    }
  });

  it('does not write the report through a symlink or into .git', async () => {
    const dir = project({ 'a.story.md': FIXABLE, 'target.txt': 'keep' });
    fs.symlinkSync(path.join(dir, 'target.txt'), path.join(dir, 'report.json'));
    let err = '';
    const code = await run(parseCliArgs(['.', '--output', 'report.json']), {
      cwd: dir,
      stdout: () => undefined,
      stderr: (t) => (err += t),
      readStdin: async () => Buffer.alloc(0),
      isTTY: false,
      env: {},
      version: 'test',
    });
    assert.equal(code, 2);
    assert.match(err, /report\.json is a symlink; the report is not written through it/);
    assert.equal(fs.readFileSync(path.join(dir, 'target.txt'), 'utf8'), 'keep');
    fs.mkdirSync(path.join(dir, '.git'));
    err = '';
    const inGit = await run(parseCliArgs(['.', '--output', '.git/hooks-report.json']), {
      cwd: dir,
      stdout: () => undefined,
      stderr: (t) => (err += t),
      readStdin: async () => Buffer.alloc(0),
      isTTY: false,
      env: {},
      version: 'test',
    });
    assert.equal(inGit, 2);
    assert.match(err, /is inside a \.git folder; the report is not written there/);
    assert.deepEqual(fs.readdirSync(path.join(dir, '.git')), []);
  });

  it('writes the report into a pipe in place, never replacing it with a regular file (as /dev/null must stay a device)', async function () {
    if (process.platform === 'win32' || spawnSync('mkfifo', ['--version']).status !== 0) this.skip();
    const dir = project({ 'a.story.md': FIXABLE });
    const fifo = path.join(dir, 'report.pipe');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    let received = '';
    const reader = new Promise<void>((resolve, reject) => {
      fs.createReadStream(fifo, 'utf8')
        .on('data', (t) => (received += t))
        .on('end', resolve)
        .on('error', reject);
    });
    const code = await run(parseCliArgs(['.', '--output', fifo, '--no-cache']), {
      cwd: dir,
      stdout: () => undefined,
      stderr: () => undefined,
      readStdin: async () => Buffer.alloc(0),
      isTTY: false,
      env: {},
      version: 'test',
    });
    await reader;
    assert.notEqual(code, 2);
    assert.ok(fs.lstatSync(fifo).isFIFO(), 'still a pipe');
    assert.match(received, /acceptance criteria/);
  });
});

describe('security: line endings of fixes', () => {
  const config = defaultConfig();
  const DOCUMENTS: [string, string][] = [
    ['login.story.md', FIXABLE],
    [
      'backlog.md',
      '# Backlog\n\n## S-1: Pay\n\nAs a buyer, I want to pay by card, so that I can check out.\n\n## S-2: Refund\n\nAs an admin, I want to refund orders, so that mistakes are undone.\n',
    ],
    ['x.prd.md', '# Checkout PRD\n\n## Problem\n\nBuyers abandon carts.\n\n## Goals\n\n- TBD\n'],
    [
      'saved.epic.md',
      '# Saved carts\n\n## Stories\n\n- As a shopper, I want my cart saved, so that I can finish later.\n',
    ],
    // A heading with its text on the very next line: a CRLF there is one line break, not a blank line.
    [
      'roadmap.md',
      '# Roadmap\n\n## Release 1.0\nShips saved carts to every shopper.\n\n## Release 1.1\n\nShips gift cards.\n',
    ],
  ];
  for (const [file, lf] of DOCUMENTS) {
    it(`CR-only and CRLF documents get their own line endings from fixes, exactly where LF gets LF: ${file}`, () => {
      const fromLf = fixAll(lf, { filePath: file, config });
      assert.ok(fromLf.applied.length > 0, 'the document has fixes');
      for (const eol of ['\r', '\r\n']) {
        const other = fixAll(lf.replace(/\n/g, eol), { filePath: file, config });
        assert.deepEqual(
          other.withheld.map((f) => f.ruleId),
          [],
        );
        assert.equal(other.text, fromLf.text.replace(/\n/g, eol), JSON.stringify(eol));
      }
    });
  }

  it('--fix keeps a CR-only file CR-only on disk', async () => {
    const dir = project({ 'mac.story.md': FIXABLE.replace(/\n/g, '\r') });
    await fix(dir);
    const text = fs.readFileSync(path.join(dir, 'mac.story.md'), 'utf8');
    assert.match(text, /## Acceptance criteria/);
    assert.doesNotMatch(text, /\n/);
  });
});
