/**
 * Hostile input to the config layer and the file search (issue 11, items 3, 7 and 8): globs built to make a
 * backtracking matcher run for minutes, FIFOs, devices and symlink tricks where configs and templates are
 * read, and templates folders that point out of the project. Sizes are those that took the old code minutes
 * or hung it; the bounds asserted are step counts, never timings.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import picomatch from 'picomatch';
import { parseCliArgs } from '../../src/cli/args';
import { findMarkdownFiles, NoFilesFoundError, NotLintableError } from '../../src/cli/files';
import { run } from '../../src/cli/run';
import { ConfigError, createConfigLoader, memoryFileSystem, nodeFileSystem } from '../../src/config';
import { compileNfa, MAX_GLOB_LENGTH, simulate, simulationSteps } from '../../src/config/glob-match';
import { compileGlob } from '../../src/config/globs';
import { MAX_TEMPLATE_BYTES } from '../../src/config/templates';
import type { FileSystemHost } from '../../src/core/types';
import { allRules } from '../../rules';

const HOSTILE_GLOB = '*a*a*a*a*a*a*a*a*b.md';
const LONG_NAME = `${'a'.repeat(120)}.md`;

/** Steps one match may take: each path character visits each NFA state at most twice (test and closure). */
function stepBound(glob: string, input: string): number {
  return 2 * (input.length + 1) * compileNfa(glob).size;
}

function stepsOf(body: () => void): number {
  const before = simulationSteps.count;
  body();
  return simulationSteps.count - before;
}

const roots: string[] = [];
function tempDir(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'backlog-lint-secinput-')));
  roots.push(dir);
  return dir;
}
function write(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
}

const hasMkfifo = process.platform !== 'win32' && spawnSync('mkfifo', ['--help']).error === undefined;
function mkfifo(file: string): void {
  const r = spawnSync('mkfifo', [file]);
  assert.equal(r.status, 0, `mkfifo ${file}: ${r.stderr}`);
}
/** Symlinks need a privilege on Windows; elsewhere they always work. */
function symlinkOrSkip(ctx: Mocha.Context, target: string, link: string): void {
  try {
    fs.symlinkSync(target, link);
  } catch {
    ctx.skip();
  }
}

function loader(extra: { configFile?: string; readTemplates?: boolean; fs?: FileSystemHost } = {}) {
  return createConfigLoader({ fs: nodeFileSystem(), rules: allRules, ...extra });
}

async function configError(promise: Promise<unknown>): Promise<ConfigError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ConfigError, `a ConfigError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a ConfigError');
}

after(() => {
  for (const dir of roots) fs.rmSync(dir, { recursive: true, force: true });
});

describe('security: config and CLI globs match in linear time', () => {
  it(`matches ${HOSTILE_GLOB} against 120 a's within n × states steps (picomatch: minutes)`, () => {
    const steps = stepsOf(() => assert.equal(compileGlob(HOSTILE_GLOB).matches(LONG_NAME), false));
    assert.ok(steps <= stepBound(HOSTILE_GLOB, LONG_NAME), `${steps} steps`);
    // The bound is what makes it linear: 100 times the name costs at most about 100 times the steps.
    const longer = `${'a'.repeat(12_000)}.md`;
    const more = stepsOf(() => compileGlob(HOSTILE_GLOB).matches(longer));
    assert.ok(more <= stepBound(HOSTILE_GLOB, longer), `${more} steps`);
  });

  const adversarial: [string, string][] = [
    ['**/**/**/**/**/**/**/**/x.md', `${'a/'.repeat(400)}y.md`],
    ['{a,aa,aaa}{a,aa,aaa}{a,aa,aaa}{a,aa,aaa}{a,aa,aaa}{a,aa,aaa}b', 'a'.repeat(200)],
    ['+(a|aa)+(a|aa)+(a|aa)+(a|aa)b', 'a'.repeat(200)],
    ['*(*(*(*(a))))b', 'a'.repeat(200)],
    ['?*?*?*?*?*?*?*?*?*?*b', 'a'.repeat(200)],
    ['a*/**/a*/**/a*/**/a*/**/b', `${'a/'.repeat(300)}c`],
  ];
  for (const [glob, input] of adversarial) {
    it(`stays within the linear bound for ${glob}`, () => {
      const steps = stepsOf(() => assert.equal(simulate(compileNfa(glob), input), false));
      assert.ok(steps <= stepBound(glob, input), `${steps} steps for ${input.length} characters`);
    });
  }

  it('applies the hostile glob in artifacts, ignores and overrides of a real config', async () => {
    const dir = tempDir();
    write(dir, {
      '.backlog-lint.json': JSON.stringify({
        artifacts: { [HOSTILE_GLOB]: 'story' },
        ignores: [HOSTILE_GLOB, `${HOSTILE_GLOB.slice(0, -3)}/`],
        overrides: [{ files: HOSTILE_GLOB, roles: ['pm'] }],
      }),
    });
    const steps = await (async () => {
      const before = simulationSteps.count;
      const config = await loader().forFile(path.join(dir, 'deep', 'x', LONG_NAME));
      assert.equal(config.artifact, undefined);
      assert.equal(config.ignored, false);
      assert.deepEqual(config.roles, ['po', 'pm']);
      return simulationSteps.count - before;
    })();
    assert.ok(steps <= 8 * stepBound(HOSTILE_GLOB, `deep/x/${LONG_NAME}`), `${steps} steps`);
  });

  it('expands a hostile CLI glob in bounded steps', async () => {
    const dir = tempDir();
    write(dir, { [LONG_NAME]: '', [`sub/${LONG_NAME}`]: '' });
    const before = simulationSteps.count;
    await assert.rejects(findMarkdownFiles([HOSTILE_GLOB], { cwd: dir }), NoFilesFoundError);
    await assert.rejects(findMarkdownFiles([`**/${HOSTILE_GLOB}`], { cwd: dir }), NoFilesFoundError);
    const steps = simulationSteps.count - before;
    assert.ok(steps <= 4 * stepBound(`**/${HOSTILE_GLOB}`, `sub/${LONG_NAME}`), `${steps} steps`);
    assert.deepEqual(await findMarkdownFiles(['**/*a*a*a*a*a*a*a*a*.md'], { cwd: dir }), [
      path.join(dir, LONG_NAME),
      path.join(dir, 'sub', LONG_NAME),
    ]);
  });

  it('refuses globs that are too long or use !(…), naming the config file and key', async () => {
    const long = `${'*a'.repeat(MAX_GLOB_LENGTH / 2)}b`;
    const cases: [object, string, RegExp][] = [
      [{ artifacts: { [long]: 'story' } }, `artifacts[${JSON.stringify(long)}]`, /longer than 1024 characters/],
      [{ ignores: ['ok/**', '!(drafts)/*.md'] }, 'ignores[1]', /`!\(…\)` is not supported/],
      [{ overrides: [{ files: ['a', long] }] }, 'overrides[0].files[1]', /longer than/],
      [
        { ignores: Array.from({ length: 30 }, (_, i) => `${i}${'?'.repeat(1000)}`) },
        'ignores[9]',
        /too long or too many in all/,
      ],
    ];
    for (const [config, keyPath, detail] of cases) {
      const file = '/p/.backlog-lint.json';
      const error = await configError(
        createConfigLoader({ fs: memoryFileSystem({ [file]: JSON.stringify(config) }), rules: allRules }).forFile(
          '/p/a.md',
        ),
      );
      assert.equal(error.file, file);
      assert.equal(error.keyPath, keyPath);
      assert.match(error.message, detail);
    }
  });

  it('keeps the glob syntax the configs use', () => {
    const cases: [string, string, boolean][] = [
      ['*.prd.md', 'docs/q3/x.prd.md', true],
      ['/*.md', 'a.md', true],
      ['/*.md', 'docs/a.md', false],
      ['./docs/*.md', 'docs/a.md', true],
      ['docs/**', 'docs', true],
      ['docs/**', 'docs/a/b.md', true],
      ['docs/**/*.md', 'docs/a.md', true],
      ['**/x.md', 'x.md', true],
      ['a/**/b', 'a/b', true],
      ['{specs,prds}/*.md', 'prds/a.md', true],
      ['{specs,prds}/*.md', 'other/a.md', false],
      ['q{1..4}.md', 'q3.md', true],
      ['q{1..4}.md', 'q5.md', false],
      ['v{01..10}.md', 'v07.md', true],
      ['[a-c]?.md', 'b1.md', true],
      ['[!a]*.md', 'a1.md', false],
      ['[[:digit:]]*.md', '7.md', true],
      ['@(story|epic).md', 'epic.md', true],
      ['+(ab).md', 'ababab.md', true],
      ['a\\*b.md', 'a*b.md', true],
      ['a\\*b.md', 'axb.md', false],
      ['!*.md', 'a.txt', true],
      ['!*.md', 'a.md', false],
      ['.*.md', '.x.md', true],
      ['*.md', '.hidden.md', true],
      ['a{b', 'a{b', true],
      ['[ab', '[ab', true],
      ['docs/*', 'docs/a/b', false],
    ];
    for (const [glob, file, expected] of cases)
      assert.equal(compileGlob(glob).matches(file), expected, `${glob} on ${file}`);
  });

  it('matches plain paths as strings, with the same folder rule, at no NFA cost', () => {
    const cases: [string, string, boolean][] = [
      ['drafts', 'a/drafts/x.md', true],
      ['drafts/', 'drafts/x.md', true],
      ['docs/drafts', 'docs/drafts/x.md', true],
      ['docs/drafts', 'docs/draftsx/y.md', false],
      ['/old.md', 'old.md', true],
      ['/old.md', 'sub/old.md', false],
      ['!notes.md', 'notes.md', false],
      ['!notes.md', 'other.md', true],
    ];
    for (const [glob, file, expected] of cases) {
      const matcher = compileGlob(glob);
      assert.equal(matcher.size, 0, glob);
      assert.equal(matcher.matchesPathOrFolder(file), expected, `${glob} on ${file}`);
      // The literal path must agree with the NFA it stands for: `[.]` forces the NFA for a '.'.
      const viaNfa = compileGlob(glob.replace('.', '[.]'));
      if (glob.includes('.')) assert.equal(viaNfa.matchesPathOrFolder(file), expected, `NFA ${glob} on ${file}`);
    }
    const literal = fc.tuple(
      fc.constantFrom('', '/', '!', '!/'),
      fc.stringMatching(/^[ab.][ab./]{0,5}$/).filter((b) => !b.startsWith('./')),
    );
    // Relative paths as the loader passes them: no empty segment, no trailing '/'.
    const file = fc.stringMatching(/^[ab.]{1,3}(\/[ab.]{1,3}){0,2}$/);
    fc.assert(
      fc.property(literal, file, ([prefix, body], p) => {
        const plain = compileGlob(prefix + body);
        const nfa = compileGlob(`${prefix}[${body[0]}]${body.slice(1)}`);
        assert.equal(plain.matches(p), nfa.matches(p), `matches ${prefix + body} on ${p}`);
        assert.equal(
          plain.matchesPathOrFolder(p),
          nfa.matchesPathOrFolder(p),
          `matchesPathOrFolder ${prefix + body} on ${p}`,
        );
      }),
      { numRuns: 3000, seed: 11 },
    );
  });

  it('agrees with picomatch on whole-segment globs (picomatch as the reference, on short inputs)', () => {
    const token = fc.constantFrom('a', 'b', '.', '*', '?', '{a,b}', '{a,bc}', '[ab]', '[^a]', '[a-c]', '@(a|b)');
    const segment = fc.oneof(
      { weight: 1, arbitrary: fc.constant('**') },
      { weight: 5, arbitrary: fc.array(token, { minLength: 1, maxLength: 4 }).map((t) => t.join('')) },
    );
    // picomatch lets a `**` inside a segment cross '/', and reads `)?` as a regex quantifier: both left out.
    const glob = fc
      .array(segment, { minLength: 1, maxLength: 4 })
      .map((s) => s.join('/'))
      .filter(
        (g) => !g.startsWith('./') && g.split('/').every((s) => s === '**' || !s.includes('**')) && !/\)[?*+]/.test(g),
      );
    const file = fc
      .array(
        fc.stringMatching(/^[abc.]{1,4}$/).filter((s) => s !== '.' && s !== '..'),
        { minLength: 1, maxLength: 4 },
      )
      .map((s) => s.join('/'));
    fc.assert(
      fc.property(glob, file, (g, p) => {
        const reference = (x: string) => picomatch(x, { dot: true, windows: false })(p);
        // picomatch's `a/**` matches `a`, but its `*/**` does not match `a`: ours matches the folder in both.
        const expected = reference(g) || (g.endsWith('/**') && reference(g.replace(/(\/\*\*)+$/, '')));
        assert.equal(simulate(compileNfa(g), p), expected, `${g} on ${p}`);
      }),
      { numRuns: 3000, seed: 11 },
    );
  });
});

describe('security: special files where configs, templates and CLI paths are read', function () {
  this.timeout(20000);

  it('refuses a FIFO named .backlog-lint.json at once, blaming the config file', async function () {
    if (!hasMkfifo) this.skip(); // no FIFOs on this platform
    const dir = tempDir();
    mkfifo(path.join(dir, '.backlog-lint.json'));
    const error = await configError(loader().forFile(path.join(dir, 'a.md')));
    assert.equal(error.file, path.join(dir, '.backlog-lint.json').split(path.sep).join('/'));
    assert.match(error.message, /cannot read this config file: a FIFO \(named pipe\), not a regular file/);
  });

  it('refuses a FIFO in the templates folder without blocking', async function () {
    if (!hasMkfifo) this.skip(); // no FIFOs on this platform
    const dir = tempDir();
    write(dir, { '.backlog-lint.json': '{"templates":"tpl"}', 'tpl/prd-scope.md': 'In scope:\n' });
    mkfifo(path.join(dir, 'tpl', 'story-benefit.md'));
    const error = await configError(loader().forFile(path.join(dir, 'a.md')));
    assert.equal(error.keyPath, 'templates');
    assert.match(
      error.message,
      /story-benefit\.md: a FIFO \(named pipe\), not a regular file; a template must be a regular file of at most 64 KB/,
    );
  });

  it('refuses a config linked to /dev/zero, and the CLI blames the config, not the Markdown file', async function () {
    if (!fs.existsSync('/dev/zero')) this.skip(); // no /dev/zero on this platform
    const dir = tempDir();
    write(dir, { 'a.md': '# Notes\n' });
    symlinkOrSkip(this, '/dev/zero', path.join(dir, '.backlog-lint.json'));
    const error = await configError(loader().forFile(path.join(dir, 'a.md')));
    assert.match(
      error.message,
      /\.backlog-lint\.json: cannot read this config file: a character device, not a regular file/,
    );
    let out = '';
    const code = await run(parseCliArgs(['.', '--format', 'json']), {
      cwd: dir,
      stdout: (t) => (out += t),
      stderr: () => {},
      readStdin: async () => Buffer.alloc(0),
      isTTY: false,
      env: {},
      version: 'test',
    });
    assert.equal(code, 2);
    const [result] = JSON.parse(out) as { messages: { message: string }[] }[];
    assert.match(result!.messages[0]!.message, /\.backlog-lint\.json: cannot read this config file/);
  });

  it('refuses a config over 2 MB and an --config that is a folder', async () => {
    const dir = tempDir();
    write(dir, { '.backlog-lint.json': `{"allowWords":[${'"x",'.repeat(600_000)}"y"]}`, 'cfg/x': '' });
    assert.match((await configError(loader().forFile(path.join(dir, 'a.md')))).message, /larger than 2 MB/);
    assert.match(
      (await configError(loader({ configFile: path.join(dir, 'cfg') }).forFile(path.join(dir, 'a.md')))).message,
      /a folder, not a regular file/,
    );
  });

  it('names a FIFO, a symlink loop and a dangling link given on the command line', async function () {
    const dir = tempDir();
    symlinkOrSkip(this, 'loop-b.md', path.join(dir, 'loop-a.md'));
    fs.symlinkSync('loop-a.md', path.join(dir, 'loop-b.md'));
    fs.symlinkSync('gone.md', path.join(dir, 'dangling.md'));
    const cases: [string, RegExp][] = [
      ['loop-a.md', /'loop-a\.md' is a symlink loop, not a file or folder/],
      ['dangling.md', /'dangling\.md' is a dangling symlink \(its target 'gone\.md' does not exist\)/],
    ];
    if (hasMkfifo) {
      mkfifo(path.join(dir, 'pipe.md'));
      cases.push(['pipe.md', /'pipe\.md' is a FIFO \(named pipe\), not a file or folder/]);
    }
    for (const [name, message] of cases) {
      await assert.rejects(findMarkdownFiles([name], { cwd: dir }), (error: unknown) => {
        assert.ok(error instanceof NotLintableError, String(error));
        assert.match(error.message, message);
        return true;
      });
    }
    // A folder search skips all three silently, as it skips any file that is not Markdown, and a FIFO
    // named .gitignore is skipped like an unreadable one instead of blocking the search.
    write(dir, { 'ok.md': '' });
    if (hasMkfifo) mkfifo(path.join(dir, '.gitignore'));
    assert.deepEqual(await findMarkdownFiles(['.'], { cwd: dir }), [path.join(dir, 'ok.md')]);
  });
});

describe('security: the templates folder stays inside the config tree', function () {
  this.timeout(20000);

  it('refuses templates: "../../etc" and an absolute folder, naming the file and key', async () => {
    const dir = tempDir();
    for (const setting of ['../../etc', '/etc', 'tpl/../../outside']) {
      write(dir, { 'p/q/.backlog-lint.json': JSON.stringify({ templates: setting }) });
      const error = await configError(loader().forFile(path.join(dir, 'p', 'q', 'a.md')));
      assert.equal(error.keyPath, 'templates');
      assert.match(error.message, /the templates folder must be inside the folder of this config file/);
    }
  });

  it('refuses a symlinked folder or template leading out of the tree, and accepts one that stays inside', async function () {
    const dir = tempDir();
    write(dir, {
      'outside/story-benefit.md': 'secret\n',
      'p/shared/prd-scope.md': 'Scope\n',
      'p/.backlog-lint.json': '{"templates":"tpl"}',
    });
    symlinkOrSkip(this, path.join(dir, 'outside'), path.join(dir, 'p', 'tpl'));
    let error = await configError(loader().forFile(path.join(dir, 'p', 'a.md')));
    assert.match(
      error.message,
      /templates: the templates folder .*tpl is a symlink to .*outside, outside the folder of this config file/,
    );

    fs.unlinkSync(path.join(dir, 'p', 'tpl'));
    fs.symlinkSync(path.join(dir, 'p', 'shared'), path.join(dir, 'p', 'tpl'));
    assert.deepEqual((await loader().forFile(path.join(dir, 'p', 'a.md'))).templates, { 'prd-scope': 'Scope\n' });

    fs.symlinkSync(path.join(dir, 'outside', 'story-benefit.md'), path.join(dir, 'p', 'shared', 'story-benefit.md'));
    error = await configError(loader().forFile(path.join(dir, 'p', 'a.md')));
    assert.match(
      error.message,
      /story-benefit\.md is a symlink to .*outside\/story-benefit\.md, outside the folder of this config file/,
    );
  });

  it('refuses a 20 MB template instead of inserting it, and a template linked to /dev/zero', async function () {
    const dir = tempDir();
    write(dir, { '.backlog-lint.json': '{"templates":"tpl"}', 'tpl/story-benefit.md': 'x'.repeat(20 * 1024 * 1024) });
    let error = await configError(loader().forFile(path.join(dir, 'a.md')));
    assert.equal(error.keyPath, 'templates');
    assert.match(
      error.message,
      /story-benefit\.md: larger than 64 KB \(20 MB\); a template must be a regular file of at most 64 KB/,
    );
    fs.writeFileSync(path.join(dir, 'tpl', 'story-benefit.md'), 'x'.repeat(MAX_TEMPLATE_BYTES));
    assert.equal(
      (await loader().forFile(path.join(dir, 'a.md'))).templates['story-benefit']?.length,
      MAX_TEMPLATE_BYTES,
    );

    if (!fs.existsSync('/dev/zero')) return;
    fs.unlinkSync(path.join(dir, 'tpl', 'story-benefit.md'));
    symlinkOrSkip(this, '/dev/zero', path.join(dir, 'tpl', 'story-benefit.md'));
    error = await configError(loader().forFile(path.join(dir, 'a.md')));
    assert.match(
      error.message,
      /story-benefit\.md is a symlink to \/dev\/zero, outside the folder of this config file/,
    );
  });

  it('does not touch the templates folder at all when templates are off (Restricted Mode)', async () => {
    const dir = tempDir();
    write(dir, { '.backlog-lint.json': '{"templates":"tpl"}', 'tpl/story-benefit.md': 'team\n' });
    const touched: string[] = [];
    const node = nodeFileSystem();
    const spy: FileSystemHost = {
      readFile: (p, max) => {
        touched.push(p);
        return node.readFile(p, max);
      },
      readDirectory: (p) => {
        touched.push(p);
        return node.readDirectory!(p);
      },
      realPath: (p) => {
        touched.push(p);
        return node.realPath!(p);
      },
    };
    const config = await loader({ fs: spy, readTemplates: false }).forFile(path.join(dir, 'a.md'));
    assert.deepEqual(config.templates, {});
    assert.deepEqual(
      touched.filter((p) => p.includes('tpl')),
      [],
    );
    assert.deepEqual((await loader({ fs: spy }).forFile(path.join(dir, 'a.md'))).templates, {
      'story-benefit': 'team\n',
    });
  });
});
