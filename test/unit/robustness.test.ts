/**
 * The CLI on bad input and a hostile file system, in-process so failures can be injected at the exact
 * moment: files that vanish or become unreadable between discovery and read, files changed or deleted
 * between lint and write, a disk that fills up mid-write, oversized, binary and non-UTF-8 files, symlinks
 * and symlink loops, malformed configs. Each must give a clear per-file message (no stack trace), leave
 * the other files linted and every file on disk intact, and exit 2 only when something could not be linted.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findMarkdownFiles } from '../../src/cli/files';
import { runCli, tempProject, withFsHook } from '../helpers/cli';

const STORY = 'As a member, I want to log in, so that I see my orders.\n';
const FIXABLE = `# Log in\n\n${STORY}`;

function project(files: Record<string, string | Buffer>): string {
  return tempProject('robust', files);
}

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; message: string; fatal?: boolean }[];
}

async function lint(
  dir: string,
  args: string[],
): Promise<{ code: number; out: string; err: string; results: JsonResult[] }> {
  const { code, out, err } = await runCli(dir, [...args, '--format', 'json']);
  return { code, out, err, results: out ? (JSON.parse(out) as JsonResult[]) : [] };
}

function messageOf(results: JsonResult[], name: string): string {
  return (
    results
      .find((r) => r.filePath.endsWith(name))
      ?.messages.map((m) => m.message)
      .join('\n') ?? ''
  );
}

/** No "    at fn (file:line)" frames anywhere: users get messages, not stack traces. */
function assertNoStack(text: string): void {
  assert.doesNotMatch(text, /\n\s+at .+:\d+:\d+/, 'no stack trace');
}

const isFile = (arg: unknown, name: string): boolean => typeof arg === 'string' && arg.endsWith(`${path.sep}${name}`);

describe('robustness: bad files and a hostile file system', function () {
  this.timeout(60000);

  it('skips a file over the size limit with a clear message, and lints it once the limit is raised', async () => {
    const dir = project({ 'big.story.md': FIXABLE + 'x'.repeat(4000), 'ok.story.md': FIXABLE });
    const small = await lint(dir, ['.', '--max-file-size', '2000']);
    assert.equal(small.code, 2);
    assert.match(
      messageOf(small.results, 'big.story.md'),
      /over the size limit of 2000 bytes, not linted \(raise it with --max-file-size\)/,
    );
    assert.match(messageOf(small.results, 'ok.story.md'), /acceptance criteria/, 'the other file is still linted');
    const raised = await lint(dir, ['.', '--max-file-size', '100000']);
    assert.match(messageOf(raised.results, 'big.story.md'), /acceptance criteria/);
  });

  it('skips a file over the default limit of 10 MB', async () => {
    const dir = project({ 'huge.md': Buffer.alloc(10 * 1024 * 1024 + 1, 'a') });
    const r = await lint(dir, ['.']);
    assert.equal(r.code, 2);
    assert.match(messageOf(r.results, 'huge.md'), /10485761 bytes is over the size limit of 10485760 bytes/);
  });

  it('reports a file that vanishes between discovery and read, and lints the others', async () => {
    const dir = project({ 'a.story.md': FIXABLE, 'gone.story.md': FIXABLE, 'z.story.md': FIXABLE });
    await withFsHook(
      'readFile',
      (readFile) =>
        (async (file: fs.PathLike, ...rest: unknown[]) => {
          if (isFile(file, 'gone.story.md')) fs.rmSync(file as string);
          return (readFile as (...a: unknown[]) => Promise<Buffer>)(file, ...rest);
        }) as typeof fs.promises.readFile,
      async () => {
        const r = await lint(dir, ['.']);
        assert.equal(r.code, 2);
        assert.match(messageOf(r.results, 'gone.story.md'), /gone\.story\.md: cannot read: file not found/);
        assert.match(messageOf(r.results, 'a.story.md'), /acceptance criteria/);
        assert.match(messageOf(r.results, 'z.story.md'), /acceptance criteria/);
        assertNoStack(r.out + r.err);
      },
    );
  });

  it('reports unreadable files (permission denied, I/O error) one by one', async () => {
    const dir = project({ 'locked.story.md': FIXABLE, 'broken.story.md': FIXABLE, 'ok.story.md': FIXABLE });
    const fault = (code: string, message: string) => Object.assign(new Error(message), { code });
    await withFsHook(
      'readFile',
      (readFile) =>
        (async (file: fs.PathLike, ...rest: unknown[]) => {
          if (isFile(file, 'locked.story.md')) throw fault('EACCES', 'EACCES: permission denied, open');
          if (isFile(file, 'broken.story.md')) throw fault('EIO', 'EIO: i/o error, read');
          return (readFile as (...a: unknown[]) => Promise<Buffer>)(file, ...rest);
        }) as typeof fs.promises.readFile,
      async () => {
        const r = await lint(dir, ['.']);
        assert.equal(r.code, 2);
        assert.match(messageOf(r.results, 'locked.story.md'), /cannot read: permission denied/);
        assert.match(messageOf(r.results, 'broken.story.md'), /cannot read: EIO: i\/o error/);
        assert.match(messageOf(r.results, 'ok.story.md'), /acceptance criteria/);
        assertNoStack(r.out + r.err);
      },
    );
  });

  it('reports a folder it cannot list, and still lints every other file', async () => {
    const dir = project({ 'a.story.md': FIXABLE, 'locked/b.story.md': FIXABLE, 'open/c.story.md': FIXABLE });
    await withFsHook(
      'readdir',
      (readdir) =>
        (async (folder: fs.PathLike, ...rest: unknown[]) => {
          if (isFile(folder, 'locked'))
            throw Object.assign(new Error('EACCES: permission denied, scandir'), { code: 'EACCES' });
          return (readdir as (...a: unknown[]) => Promise<unknown>)(folder, ...rest);
        }) as typeof fs.promises.readdir,
      async () => {
        const r = await lint(dir, ['.']);
        assert.equal(r.code, 2);
        assert.match(
          messageOf(r.results, 'locked'),
          /locked: cannot list this folder: permission denied; its files were not linted/,
        );
        assert.match(messageOf(r.results, 'a.story.md'), /acceptance criteria/);
        assert.match(messageOf(r.results, 'c.story.md'), /acceptance criteria/);
        assert.equal(messageOf(r.results, 'b.story.md'), '');
        assertNoStack(r.out + r.err);
      },
    );
  });

  it('does not exit 2 when every file could be linted, whatever the findings', async () => {
    const dir = project({ 'a.story.md': 'As a member, I want to log in.\n' });
    const r = await lint(dir, ['.']);
    assert.ok(r.results[0]?.messages.length, 'findings reported');
    assert.notEqual(r.code, 2);
  });

  it('does not overwrite a file changed on disk between lint and --fix write', async () => {
    const dir = project({ 'edited.story.md': FIXABLE, 'other.story.md': FIXABLE });
    const file = path.join(dir, 'edited.story.md');
    const edited = `${FIXABLE}\nEdited meanwhile.\n`;
    await withFsHook(
      'open',
      (open) =>
        (async (f: fs.PathLike, ...rest: unknown[]) => {
          // --fix opens the file to check it just before writing: someone saved it in between.
          if (isFile(f, 'edited.story.md')) fs.writeFileSync(file, edited);
          return (open as (...a: unknown[]) => Promise<fs.promises.FileHandle>)(f, ...rest);
        }) as typeof fs.promises.open,
      async () => {
        const r = await lint(dir, ['.', '--fix']);
        assert.equal(r.code, 2);
        assert.match(
          messageOf(r.results, 'edited.story.md'),
          /^[^\n]*edited\.story\.md: changed on disk while being fixed; not overwritten/,
        );
        assertNoStack(r.out + r.err);
      },
    );
    assert.equal(fs.readFileSync(file, 'utf8'), edited, "the user's edit survives");
    assert.match(
      fs.readFileSync(path.join(dir, 'other.story.md'), 'utf8'),
      /## Acceptance criteria/,
      'the other file is fixed',
    );
    assert.deepEqual(
      fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')),
      [],
    );
  });

  it('does not bring back a file deleted between lint and --fix write', async () => {
    const dir = project({ 'deleted.story.md': FIXABLE });
    const file = path.join(dir, 'deleted.story.md');
    await withFsHook(
      'open',
      (open) =>
        (async (f: fs.PathLike, ...rest: unknown[]) => {
          if (isFile(f, 'deleted.story.md')) fs.rmSync(file, { force: true });
          return (open as (...a: unknown[]) => Promise<fs.promises.FileHandle>)(f, ...rest);
        }) as typeof fs.promises.open,
      async () => {
        const r = await lint(dir, ['.', '--fix']);
        assert.equal(r.code, 2);
        assert.match(messageOf(r.results, 'deleted.story.md'), /deleted while being fixed; not written/);
      },
    );
    assert.equal(fs.existsSync(file), false);
  });

  it('leaves the file intact and no temp file behind when the disk fills up mid-write', async () => {
    const dir = project({ 'full.story.md': FIXABLE });
    const file = path.join(dir, 'full.story.md');
    await withFsHook(
      'open',
      (open) =>
        (async (...args: unknown[]) => {
          const handle = await (open as (...a: unknown[]) => Promise<fs.promises.FileHandle>)(...args);
          if (String(args[0]).endsWith('.tmp')) {
            handle.writeFile = async () => {
              throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
            };
          }
          return handle;
        }) as typeof fs.promises.open,
      async () => {
        const r = await lint(dir, ['.', '--fix']);
        assert.equal(r.code, 2);
        assert.match(messageOf(r.results, 'full.story.md'), /no space left on device/);
        assertNoStack(r.out + r.err);
      },
    );
    assert.equal(fs.readFileSync(file, 'utf8'), FIXABLE);
    assert.deepEqual(
      fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')),
      [],
      'temp file removed',
    );
  });

  it('does not fix through a symlink: the link stays a link, its target unchanged, and it is reported', async () => {
    const dir = project({ 'real/login.story.md': FIXABLE });
    fs.symlinkSync(path.join(dir, 'real', 'login.story.md'), path.join(dir, 'link.story.md'));
    const r = await lint(dir, ['link.story.md', '--fix']);
    assert.equal(r.code, 2);
    assert.match(messageOf(r.results, 'link.story.md'), /skipped: symlink/);
    assert.ok(fs.lstatSync(path.join(dir, 'link.story.md')).isSymbolicLink(), 'still a symlink');
    assert.equal(fs.readFileSync(path.join(dir, 'real', 'login.story.md'), 'utf8'), FIXABLE);
  });

  it('keeps the mode, CRLF line endings and the BOM of a fixed file', async () => {
    const dir = project({ 'win.story.md': `\uFEFF${FIXABLE.replace(/\n/g, '\r\n')}` });
    const file = path.join(dir, 'win.story.md');
    fs.chmodSync(file, 0o600);
    await lint(dir, ['.', '--fix']);
    const text = fs.readFileSync(file, 'utf8');
    assert.ok(text.startsWith('\uFEFF# Log in\r\n'));
    assert.match(text, /## Acceptance criteria/);
    assert.doesNotMatch(text.replace(/\r\n/g, ''), /[\r\n]/, 'only CRLF line endings');
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
  });

  it('does not follow symlink loops or symlinked folders outside the workspace', async () => {
    const outside = project({ 'secret.story.md': FIXABLE });
    const dir = project({ 'docs/a.story.md': FIXABLE });
    fs.symlinkSync(dir, path.join(dir, 'docs', 'loop'));
    fs.symlinkSync(outside, path.join(dir, 'docs', 'outside'));
    const files = await findMarkdownFiles(['.'], { cwd: dir });
    assert.deepEqual(files, [path.join(dir, 'docs', 'a.story.md')]);
  });

  it('reports binary, invalid UTF-8 and truncated multi-byte files without stopping', async () => {
    const dir = project({
      'bin.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]),
      'latin1.md': Buffer.from('caf\xe9\n', 'latin1'),
      'cut.md': Buffer.concat([Buffer.from('# Caf'), Buffer.from([0xc3])]),
      'ok.story.md': FIXABLE,
    });
    const r = await lint(dir, ['.']);
    assert.equal(r.code, 2);
    assert.match(messageOf(r.results, 'bin.md'), /binary file, not linted/);
    assert.match(messageOf(r.results, 'latin1.md'), /not valid UTF-8/);
    assert.match(messageOf(r.results, 'cut.md'), /not valid UTF-8/);
    assert.match(messageOf(r.results, 'ok.story.md'), /acceptance criteria/);
  });
});

describe('robustness: malformed configs', function () {
  this.timeout(60000);
  const cases: [string, string, string, RegExp][] = [
    ['bad JSON', '.backlog-lint.json', '{ "rules": { ', /\.backlog-lint\.json/],
    ['bad YAML', '.backlog-lint.yaml', 'rules:\n  story-benefit: [warning\n', /\.backlog-lint\.yaml/],
    ['a wrong type', '.backlog-lint.json', '{ "roles": "po" }', /\.backlog-lint\.json: roles/],
    [
      'a bad severity',
      '.backlog-lint.json',
      '{ "rules": { "story-benefit": "loud" } }',
      /\.backlog-lint\.json: rules\.story-benefit/,
    ],
    [
      'an unknown rule id',
      '.backlog-lint.json',
      '{ "rules": { "story-benefitt": "error" } }',
      /\.backlog-lint\.json: rules\.story-benefitt/,
    ],
    ['an unknown key', '.backlog-lint.json', '{ "rulez": {} }', /\.backlog-lint\.json: rulez/],
    [
      'a bad package.json key',
      'package.json',
      '{ "backlog-lint": { "roles": ["qa"] } }',
      /package\.json: (backlog-lint\.)?roles/,
    ],
    ['a config that is not an object', '.backlog-lint.json', '[1, 2]', /\.backlog-lint\.json/],
  ];
  for (const [what, name, content, expected] of cases) {
    it(`names the file and key path for ${what}, once per file, without a stack trace`, async () => {
      const dir = project({ [name]: content, 'a.story.md': FIXABLE, 'b.story.md': FIXABLE });
      const r = await lint(dir, ['.']);
      assert.equal(r.code, 2);
      for (const file of ['a.story.md', 'b.story.md']) {
        const messages = r.results.find((x) => x.filePath.endsWith(file))?.messages ?? [];
        assert.equal(messages.length, 1, `one message for ${file}: ${JSON.stringify(messages)}`);
        assert.match(messages[0]?.message ?? '', expected);
      }
      assertNoStack(r.out + r.err);
    });
  }
});
