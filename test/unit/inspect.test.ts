/** `--inspect`: the reading of a document (kind and evidence, roles, stories, sections, roadmap items), in the core and the CLI. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../src/config/defaults';
import { inspectText } from '../../src/core/inspect';
import { REPO_ROOT } from '../helpers/rule-suite';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'inspect');
const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const read = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const inspect = (name: string, config = defaultConfig()) =>
  inspectText(read(name), { filePath: path.join(FIXTURES, name), config });

describe('inspect: core', () => {
  it('names the file name as the evidence for a PRD and lists its named sections', () => {
    const r = inspect('checkout.prd.md');
    assert.equal(r.kind, 'prd');
    assert.deepEqual(
      r.evidence.map((e) => e.signal),
      ['file-name'],
    );
    assert.match(r.evidence[0]?.detail ?? '', /checkout\.prd\.md/);
    assert.deepEqual(r.sections, [
      { line: 1, title: 'Faster checkout', kind: null },
      { line: 3, title: 'Problem', kind: 'problem' },
      { line: 7, title: 'Success metrics', kind: 'metrics' },
    ]);
    assert.deepEqual(r.roles, ['po', 'pm']);
  });
  it('gives each story its lines, form, parts and own acceptance criteria', () => {
    const r = inspect('garden.md');
    assert.equal(r.kind, 'backlog');
    assert.deepEqual(r.stories[0], {
      line: 3,
      endLine: 3,
      form: 'connextra',
      role: 'gardener',
      means: 'record what I planted',
      benefit: 'I know what to water',
      acceptanceCriteria: { line: 4, endLine: 5 },
    });
    assert.deepEqual(
      r.stories.slice(1).map((s) => [s.line, s.benefit === null, s.acceptanceCriteria]),
      [
        [6, true, null],
        [7, false, null],
      ],
    );
    assert.ok(r.evidence.every((e) => e.signal === 'content'));
  });
  it('reads roadmap items with their why and the horizon they inherit, from a front-matter type', () => {
    const r = inspect('plan.md');
    assert.equal(r.kind, 'roadmap');
    assert.deepEqual(r.evidence, [
      { signal: 'front-matter', says: 'roadmap', detail: 'type: roadmap', lines: [{ line: 2, text: 'type: roadmap' }] },
    ]);
    assert.deepEqual(r.roadmapItems, [
      { line: 8, title: 'Offline mode', why: 'field teams lose signal.', horizon: 'Now' },
      { line: 13, title: 'Dark theme', why: null, horizon: 'Later' },
    ]);
  });
  it('says a config glob decided, and gives ordinary Markdown no kind and no roles', () => {
    assert.deepEqual(inspect('notes.md').kind, null);
    assert.deepEqual(inspect('notes.md').roles, []);
    const mapped = inspect('notes.md', { ...defaultConfig(), artifact: 'prd' });
    assert.equal(mapped.kind, 'prd');
    assert.equal(mapped.evidence[0]?.signal, 'config');
  });
  it('narrows the roles to the one front matter names', () => {
    const r = inspectText('---\ntype: story\nrole: po\n---\nAs a cook, I want a timer, so that nothing burns.\n', {
      filePath: 'timer.md',
      config: defaultConfig(),
    });
    assert.deepEqual([r.kind, r.roles, r.stories[0]?.line], ['story', ['po'], 5]);
  });
});

describe('inspect: CLI', function () {
  this.timeout(30000);
  const cli = (args: string[], input?: string) => {
    const r = spawnSync(process.execPath, [CLI, '--no-cache', ...args], { cwd: FIXTURES, input, encoding: 'utf8' });
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  };
  it('prints one JSON object per discovered file and exits 0', () => {
    const r = cli(['--inspect', '.']);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { filePath: string; kind: string | null }[];
    assert.deepEqual(out.map((o) => [path.basename(o.filePath), o.kind]).sort(), [
      ['checkout.prd.md', 'prd'],
      ['garden.md', 'backlog'],
      ['notes.md', null],
      ['plan.md', 'roadmap'],
    ]);
  });
  it('inspects standard input under --stdin-filename', () => {
    const r = cli(['--inspect', '--stdin-filename', 'sprint.prd.md', '-'], '# Sprint\n\n## Problem\n\nIt is slow.\n');
    assert.equal(r.code, 0, r.stderr);
    const [only] = JSON.parse(r.stdout) as { kind: string; evidence: { signal: string }[] }[];
    assert.equal(only?.kind, 'prd');
    assert.equal(only?.evidence[0]?.signal, 'file-name');
  });
  it('exits 2 and names a file it cannot read', () => {
    const r = cli(['--inspect', 'notes.md', 'missing.md']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /missing\.md/);
  });
});
