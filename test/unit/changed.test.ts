import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { addedLines } from '../../src/cli/changed';
import { runCli, tempProject } from '../helpers/cli';

const STORY = (n: number) => `- As a shopper, I want feature number ${n}.\n`;
const backlog = (...stories: number[]) =>
  `# Backlog\n\n- As a shopper, I want to save my cart, so that I can buy later.\n${stories.map(STORY).join('')}`;

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd: dir,
    encoding: 'utf8',
  });
}

function repo(): string {
  const dir = tempProject('changed', { 'docs/old.md': backlog(1, 2), 'docs/same.md': backlog(3, 4), 'notes.txt': 'x' });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'base');
  git(dir, 'checkout', '-qb', 'feature');
  return dir;
}

const reported = (out: string) =>
  (JSON.parse(out) as { filePath: string; messages: { line: number }[] }[])
    .filter((r) => r.messages.length > 0)
    .map((r) => `${path.basename(r.filePath)}:${[...new Set(r.messages.map((m) => m.line))].join(',')}`);

describe('--changed and --changed-lines', function () {
  this.timeout(60000);

  it('reads the new side of diff hunks; pure deletions add no line', () => {
    assert.deepEqual(addedLines('@@ -3 +3 @@\n@@ -10,2 +11,3 @@ x\n@@ -20,4 +22,0 @@\n'), [
      [3, 3],
      [11, 13],
    ]);
  });

  it('reports only files changed since the merge base with main: committed, staged, unstaged and untracked', async () => {
    const dir = repo();
    fs.appendFileSync(path.join(dir, 'docs/old.md'), STORY(5));
    git(dir, 'commit', '-qam', 'more');
    fs.writeFileSync(path.join(dir, 'docs/new.md'), backlog(6));
    const all = await runCli(dir, ['--no-cache', '-f', 'json', '--changed']);
    assert.deepEqual(reported(all.out), ['new.md:3,4', 'old.md:3,4,5,6']);
    const lines = await runCli(dir, ['--no-cache', '-f', 'json', '--changed-lines']);
    // In old.md only line 6 was added; the new file counts as changed throughout.
    assert.deepEqual(reported(lines.out), ['new.md:3,4', 'old.md:6']);
    // An explicit ref: nothing changed against the branch itself but the untracked file.
    assert.deepEqual(reported((await runCli(dir, ['--no-cache', '-f', 'json', '--changed=HEAD'])).out), ['new.md:3,4']);
  });

  it('still checks across every file: a story added that repeats one in an unchanged file is reported', async () => {
    const dir = repo();
    const story = '- As a shopper, I want to export my order history as a spreadsheet.\n';
    fs.appendFileSync(path.join(dir, 'docs/old.md'), story);
    git(dir, 'commit', '-qam', 'export');
    git(dir, 'branch', '-qf', 'main');
    fs.appendFileSync(path.join(dir, 'docs/same.md'), story);
    const out = await runCli(dir, ['--no-cache', '--changed-lines', 'docs']);
    assert.match(out.out, /docs\/same\.md\n(.*\n)* {2}6:3 .*Duplicate of the story at old\.md:6/);
    assert.doesNotMatch(out.out, /docs\/old\.md/);
  });

  it('exits 2 with a clear message outside a repository or for an unknown ref, and takes a path after --changed as a path', async () => {
    const outside = tempProject('changed-none', { 'a.md': backlog(1) });
    const none = await runCli(outside, ['--changed']);
    assert.equal(none.code, 2);
    assert.match(none.err, /is not inside a git repository/);
    const dir = repo();
    const bad = await runCli(dir, ['--changed=nope']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /'nope' is not a commit/);
    assert.match((await runCli(dir, ['--changed=--output=x'])).err, /is not a git ref/);
    assert.equal((await runCli(dir, ['--changed', 'docs'])).code, 0);
  });
});
