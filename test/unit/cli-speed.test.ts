/**
 * The CLI's speed options change how a run works, never what it reports: worker threads, the result
 * cache (and its invalidation), shards. Runs the built binary (npm test builds it first).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LintCache } from '../../src/cli/cache';
import { lintFile } from '../../src/cli/lint-job';
import { selectShard, parseShard } from '../../src/cli/shard';
import { testConfig } from '../helpers/config';
import { REPO_ROOT } from '../helpers/rule-suite';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

function cli(args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const story = (n: number, ac: boolean): string =>
  `## S-${n}: Export report ${n}\n\nAs a clerk number ${n}, I want to export report ${n} by date, so that I can close month ${n}.\n\n` +
  (ac
    ? `### Acceptance criteria\n\n- Given report ${n}, when I export it, then a CSV with its rows downloads.\n\n`
    : '');

/** A folder of backlogs (one story repeated in two of them, for the check across files), PRDs and notes. */
function project(files = 40): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backlog-lint-speed-'));
  for (let i = 0; i < files; i++) {
    const sub = path.join(dir, `team-${i % 4}`);
    fs.mkdirSync(sub, { recursive: true });
    if (i % 4 === 3) {
      fs.writeFileSync(path.join(sub, `notes-${i}.md`), `# Build notes ${i}\n\nThe pipeline runs on every push.\n`);
    } else {
      const stories = [story(i * 10 + 1, i % 2 === 1), story(i * 10 + 2, true)];
      // The same story in the first two backlogs: a cross-file duplicate.
      if (i < 2)
        stories.push('## S-dup: Archive\n\nAs an admin, I want to archive old invoices, so that search stays quick.\n');
      fs.writeFileSync(path.join(sub, `backlog-${i}.md`), `# Backlog ${i}\n\n${stories.join('\n')}`);
    }
  }
  return dir;
}

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; message: string }[];
}

const parse = (stdout: string): JsonResult[] => JSON.parse(stdout) as JsonResult[];
const ruleIds = (results: JsonResult[]): string[] =>
  results.flatMap((r) => r.messages.map((m) => `${path.basename(r.filePath)}:${m.line}:${m.ruleId}`));

describe('CLI speed options', function () {
  this.timeout(60000);

  before(() => assert.ok(fs.existsSync(CLI), `build first: ${CLI} is missing`));

  it('reports the same with worker threads as in one thread, cross-file duplicates included', () => {
    const dir = project();
    const one = cli(['.', '-f', 'json', '--no-cache', '--concurrency', '1'], dir);
    const two = cli(['.', '-f', 'json', '--no-cache', '--concurrency', '3'], dir);
    assert.equal(two.code, one.code, two.stderr);
    assert.equal(two.stdout, one.stdout);
    assert.ok(
      ruleIds(parse(one.stdout)).some((id) => id.endsWith('backlog-duplicate')),
      'the fixture has a cross-file duplicate',
    );
    assert.ok(ruleIds(parse(one.stdout)).some((id) => id.endsWith('story-acceptance-criteria')));
  });

  it('a warm run from the cache reports exactly what the cold run did', () => {
    const dir = project();
    const cold = cli(['.', '-f', 'json'], dir);
    const cache = path.join(dir, '.backlog-lint-cache', 'cache.json');
    assert.ok(fs.existsSync(cache), 'the default cache location without node_modules');
    const before = fs.statSync(cache).mtimeMs;
    const warm = cli(['.', '-f', 'json'], dir);
    assert.equal(warm.stdout, cold.stdout);
    assert.equal(warm.code, cold.code);
    assert.equal(fs.statSync(cache).mtimeMs, before, 'nothing new to write');
    assert.ok(
      ruleIds(parse(warm.stdout)).some((id) => id.endsWith('backlog-duplicate')),
      'cross-file findings survive the cache',
    );
  });

  it('re-lints when a file, the config or the tool changes', () => {
    const dir = project(8);
    const baseline = cli(['.', '-f', 'json'], dir);
    assert.ok(ruleIds(parse(baseline.stdout)).includes('backlog-0.md:5:story-acceptance-criteria'));
    // The config: the rule turned off must disappear from a cached run.
    fs.writeFileSync(
      path.join(dir, '.backlog-lint.json'),
      JSON.stringify({ rules: { 'story-acceptance-criteria': 'off' } }),
    );
    const configured = cli(['.', '-f', 'json'], dir);
    assert.ok(
      !ruleIds(parse(configured.stdout)).some((id) => id.endsWith('story-acceptance-criteria')),
      configured.stdout,
    );
    fs.rmSync(path.join(dir, '.backlog-lint.json'));
    // The file: a fixed story must not be reported from the cache.
    const file = path.join(dir, 'team-0', 'backlog-0.md');
    fs.writeFileSync(
      file,
      fs
        .readFileSync(file, 'utf8')
        .replace(
          '## S-2:',
          '### Acceptance criteria\n\n- Given a report, when I export it, then it downloads.\n\n## S-2:',
        ),
    );
    const edited = cli(['.', '-f', 'json'], dir);
    assert.ok(!ruleIds(parse(edited.stdout)).includes('backlog-0.md:5:story-acceptance-criteria'), edited.stdout);
  });

  it('discards a cache written by another build of the tool', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'backlog-lint-cache-')), 'cache.json');
    const config = testConfig();
    const output = lintFile({ text: story(1, false), filePath: '/x/backlog.md', config, fix: false });
    const cache = await LintCache.open(file, '0.1.0+aaaa');
    cache.set('/x/backlog.md', 'hash', config, output);
    await cache.save();
    assert.deepEqual((await LintCache.open(file, '0.1.0+aaaa')).get('/x/backlog.md', 'hash', config, false), output);
    assert.equal(
      (await LintCache.open(file, '0.1.0+bbbb')).get('/x/backlog.md', 'hash', config, false),
      undefined,
      'another rule build',
    );
    assert.equal(
      (await LintCache.open(file, '0.1.0+aaaa')).get('/x/backlog.md', 'other', config, false),
      undefined,
      'another text',
    );
    assert.equal(
      (await LintCache.open(file, '0.1.0+aaaa')).get(
        '/x/backlog.md',
        'hash',
        testConfig({ allowWords: ['fast'] }),
        false,
      ),
      undefined,
      'another config',
    );
    assert.equal(
      (await LintCache.open(file, '0.1.0+aaaa')).get('/x/backlog.md', 'hash', config, true),
      undefined,
      'a fixable finding under --fix',
    );
  });

  it('ignores a corrupt cache file, honours --cache-location and --no-cache', () => {
    const dir = project(8);
    const location = path.join(dir, 'ci-cache', 'lint.json');
    fs.mkdirSync(path.dirname(location));
    fs.writeFileSync(location, '{"format": 1, "tool": tru');
    const first = cli(['.', '-f', 'json', '--cache-location', location], dir);
    assert.equal(first.stderr, '');
    assert.ok(fs.readFileSync(location, 'utf8').startsWith('backlog-lint-cache '), 'rewritten whole');
    assert.equal(cli(['.', '-f', 'json', '--cache-location', location], dir).stdout, first.stdout);
    assert.equal(fs.existsSync(path.join(dir, '.backlog-lint-cache')), false);
    cli(['.', '-f', 'json', '--no-cache'], dir);
    assert.equal(fs.existsSync(path.join(dir, '.backlog-lint-cache')), false);
  });

  it('--fix through workers and the cache writes the fixes, and a warm run agrees', () => {
    const dir = project(40);
    const fixed = cli(['.', '-f', 'json', '--fix', '--concurrency', '2'], dir);
    const again = cli(['.', '-f', 'json', '--no-cache', '--concurrency', '1'], dir);
    const warm = cli(['.', '-f', 'json'], dir);
    assert.equal(again.stdout, fixed.stdout);
    assert.equal(warm.stdout, fixed.stdout);
    assert.match(
      fs.readFileSync(path.join(dir, 'team-0', 'backlog-0.md'), 'utf8'),
      /Acceptance criteria[\s\S]*## S-2:/,
    );
  });

  it('shards split the files deterministically, disjoint and complete', () => {
    const dir = project(30);
    const all = parse(cli(['.', '-f', 'json', '--no-cache'], dir).stdout).map((r) => r.filePath);
    const shards = [1, 2, 3].map((i) =>
      parse(cli(['.', '-f', 'json', '--no-cache', '--shard', `${i}/3`], dir).stdout).map((r) => r.filePath),
    );
    assert.deepEqual(shards.flat().sort(), [...all].sort());
    assert.equal(new Set(shards.flat()).size, all.length);
    assert.deepEqual(
      shards.map((s) => s.length),
      [10, 10, 10],
    );
    assert.deepEqual(selectShard(['a', 'b', 'c', 'd', 'e'], parseShard('2/2')), ['b', 'd']);
    for (const bad of ['0/2', '3/2', '1/0', 'x', '1-2']) {
      const r = cli(['.', '--shard', bad], dir);
      assert.equal(r.code, 2, bad);
      assert.match(r.stderr, /--shard expects i\/n/);
    }
    assert.equal(cli(['.', '--concurrency', '0'], dir).code, 2);
  });
});
