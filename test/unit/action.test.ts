/**
 * The GitHub Action (action.yml, scripts/action/run.mjs), run locally as the runner would: in a git checkout
 * with GitHub's environment variables, the CLI from this build, and no network.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { tempProject } from '../helpers/cli';

const ROOT = path.resolve(__dirname, '../../..');
const SCRIPT = path.join(ROOT, 'scripts/action/run.mjs');
const CLI = path.join(ROOT, 'dist/cli.js');
const BACKLOG =
  '# Backlog\n\n- As a shopper, I want to save my cart, so that I can buy later.\n- As a shopper, I want to see my past orders.\n';

function git(dir: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir });
}

/** A pull request: main has the backlog and its baseline; the PR branch adds one story without a benefit. */
function pullRequest(): string {
  const dir = tempProject('action', { 'docs/backlog.md': BACKLOG });
  execFileSync(process.execPath, [CLI, '--no-cache', '--update-baseline', 'docs'], { cwd: dir, stdio: 'ignore' });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'base');
  git(dir, 'checkout', '-qb', 'pr');
  fs.writeFileSync(
    path.join(dir, 'docs/backlog.md'),
    BACKLOG.replace('# Backlog\n\n', '# Backlog\n\n- As a clerk, I want to refund an order.\n'),
  );
  git(dir, 'commit', '-qam', 'new story');
  return dir;
}

function runAction(dir: string, inputs: Record<string, string>) {
  const runnerTemp = fs.mkdtempSync(path.join(dir, '..', 'runner-'));
  const summary = path.join(runnerTemp, 'step_summary');
  const output = path.join(runnerTemp, 'output');
  fs.writeFileSync(summary, '');
  fs.writeFileSync(output, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_BASE_REF: 'main',
    GITHUB_HEAD_REF: 'pr',
    GITHUB_WORKSPACE: dir,
    GITHUB_ACTION_PATH: ROOT,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: output,
    RUNNER_TEMP: runnerTemp,
    BACKLOG_LINT_CLI: CLI,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/-/g, '_').toUpperCase()}`] = value;
  const res = spawnSync(process.execPath, [SCRIPT], { cwd: dir, env, encoding: 'utf8' });
  return {
    code: res.status,
    log: res.stdout,
    summary: fs.readFileSync(summary, 'utf8'),
    outputs: Object.fromEntries(
      fs
        .readFileSync(output, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(/=(.*)/s).slice(0, 2)),
    ),
  };
}

describe('GitHub Action', function () {
  this.timeout(90000);

  it('declares every input it reads, each passed to the script under its INPUT_ name', () => {
    const action = parseYaml(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8'));
    const step = action.runs.steps[0];
    assert.equal(action.runs.using, 'composite');
    for (const name of Object.keys(action.inputs)) {
      assert.equal(step.env[`INPUT_${name.replace(/-/g, '_').toUpperCase()}`], `\${{ inputs.${name} }}`, name);
    }
    const read = [...fs.readFileSync(SCRIPT, 'utf8').matchAll(/(?:input|choice|yes)\(\s*'([a-z-]+)'/g)].map(
      (m) => m[1],
    );
    assert.deepEqual([...new Set(read)].sort(), Object.keys(action.inputs).sort());
  });

  it('on a pull request with a baseline: one annotation, a job summary, SARIF, and fail-on warning fails', () => {
    const dir = pullRequest();
    const run = runAction(dir, { paths: 'docs', 'changed-only': 'lines', 'fail-on': 'warning', sarif: 'true' });
    assert.equal(run.code, 1, run.log);
    const annotations = run.log.split('\n').filter((l) => /^::(error|warning|notice) file=/.test(l));
    assert.equal(annotations.length, 1, run.log);
    assert.match(annotations[0]!, /^::warning file=docs\/backlog\.md,line=3,.*title=story-benefit::/);
    assert.ok(run.summary.startsWith('### backlog-lint: 1 problem in 1 file\n'), run.summary);
    assert.match(run.summary, /2 existing findings held back by the baseline/);
    assert.match(run.summary, /\| \[3\]\(docs\/backlog\.md#L3\) \| warning \| story-benefit \|/);
    assert.equal(run.outputs['exit-code'], '1');
    const sarif = JSON.parse(fs.readFileSync(run.outputs['sarif-file'] as string, 'utf8'));
    assert.equal(sarif.runs[0].results.length, 1);
    assert.match(run.log, /::error title=backlog-lint::backlog-lint exited with 1 \(fail-on: warning\)/);
  });

  it('passes with fail-on error (warnings only) and never', () => {
    const dir = pullRequest();
    const error = runAction(dir, { paths: 'docs', 'fail-on': 'error', annotations: 'false', summary: 'false' });
    assert.equal(error.code, 0, error.log);
    assert.equal(error.outputs['exit-code'], '0');
    assert.ok(!/^::warning/m.test(error.log));
    assert.equal(error.outputs['sarif-file'], undefined);
    assert.equal(
      runAction(dir, { paths: 'docs', 'fail-on': 'never', roles: 'po', annotations: 'false', summary: 'false' }).code,
      0,
    );
  });

  it('fails clearly on a bad input or a broken baseline, whatever fail-on says', () => {
    const dir = pullRequest();
    const bad = runAction(dir, { 'fail-on': 'sometimes' });
    assert.equal(bad.code, 2);
    assert.match(
      bad.log,
      /::error title=backlog-lint::input 'fail-on' must be one of error, warning, never; got 'sometimes'/,
    );
    fs.writeFileSync(path.join(dir, 'broken.json'), '{');
    const broken = runAction(dir, {
      baseline: 'broken.json',
      'fail-on': 'never',
      annotations: 'false',
      summary: 'false',
    });
    assert.equal(broken.code, 1);
    assert.equal(broken.outputs['exit-code'], '2');
  });
});
