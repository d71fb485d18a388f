// The GitHub Action's step (action.yml): runs backlog-lint for the log, the annotations, the job summary and
// SARIF, and decides whether the step fails. Inputs come as INPUT_* variables (action.yml maps them); it
// writes its outputs to $GITHUB_OUTPUT and the Markdown report to $GITHUB_STEP_SUMMARY, as GitHub expects.
// Each report is its own run of the CLI: after the first, the cache makes the others cheap.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const env = process.env;
const actionRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const workspace = env.GITHUB_WORKSPACE || process.cwd();
const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'markdown', 'gitlab'];

function input(name, fallback = '') {
  const value = (env[`INPUT_${name.replace(/-/g, '_').toUpperCase()}`] ?? '').trim();
  return value === '' ? fallback : value;
}

function choice(name, allowed, fallback) {
  const value = input(name, fallback).toLowerCase();
  if (!allowed.includes(value)) {
    console.log(`::error title=backlog-lint::input '${name}' must be one of ${allowed.join(', ')}; got '${value}'`);
    process.exit(2);
  }
  return value;
}

/** The CLI to run: the repository's own install first, so the version its lockfile pins is the one CI runs. */
function cliCommand() {
  if (env.BACKLOG_LINT_CLI) return [process.execPath, env.BACKLOG_LINT_CLI];
  try {
    const local = createRequire(path.join(workspace, 'package.json')).resolve('backlog-lint/package.json');
    return [process.execPath, path.join(path.dirname(local), 'dist', 'cli.js')];
  } catch {
    const version = input(
      'version',
      JSON.parse(fs.readFileSync(path.join(actionRoot, 'package.json'), 'utf8')).version,
    );
    return [process.platform === 'win32' ? 'npx.cmd' : 'npx', '--yes', `backlog-lint@${version}`];
  }
}

const format = choice('format', FORMATS, 'stylish');
const failOn = choice('fail-on', ['error', 'warning', 'never'], 'error');
const changedOnly = choice('changed-only', ['false', 'true', 'lines'], 'false');
const yes = (name, fallback) => choice(name, ['true', 'false'], fallback) === 'true';

const common = [];
const roles = input('roles');
if (roles) common.push('--role', roles);
const baseline = input('baseline');
if (baseline) common.push('--baseline', baseline);
if (changedOnly === 'true') common.push('--changed');
if (changedOnly === 'lines') common.push('--changed-lines');
if (failOn === 'warning') common.push('--max-warnings', '0');
const paths = input('paths', '.').split(/\s+/).filter(Boolean);

const [command, ...prefix] = cliCommand();
function lint(extra, capture) {
  const args = [...prefix, ...common, ...extra, '--', ...paths];
  const res = spawnSync(command, args, {
    cwd: workspace,
    stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'],
    encoding: 'utf8',
    env: { ...env, FORCE_COLOR: capture ? '0' : env.FORCE_COLOR },
  });
  if (res.error) {
    console.log(`::error title=backlog-lint::cannot run ${command}: ${res.error.message}`);
    process.exit(2);
  }
  return { code: res.status ?? 2, out: res.stdout ?? '' };
}

function setOutput(name, value) {
  if (env.GITHUB_OUTPUT) fs.appendFileSync(env.GITHUB_OUTPUT, `${name}=${value}\n`);
}

console.log(`::group::backlog-lint ${paths.join(' ')}`);
const main = lint(['--format', format, ...(format === 'stylish' ? ['--color'] : [])], false);
console.log('::endgroup::');
if (yes('annotations', 'true') && format !== 'github') lint(['--format', 'github'], false);
if (yes('summary', 'true') && env.GITHUB_STEP_SUMMARY) {
  const summary = lint(['--format', 'markdown'], true);
  fs.appendFileSync(env.GITHUB_STEP_SUMMARY, summary.out);
}
if (yes('sarif', 'false')) {
  const file = path.join(workspace, 'backlog-lint.sarif');
  lint(['--format', 'sarif', '--output', file], false);
  setOutput('sarif-file', file);
}
setOutput('exit-code', String(main.code));

// Exit 2 (a broken config, an unreadable file, a bad ref) always fails: nothing was checked there.
const fails = main.code === 2 || (main.code === 1 && failOn !== 'never');
if (fails)
  console.log(
    `::error title=backlog-lint::backlog-lint exited with ${main.code}${main.code === 1 ? ` (fail-on: ${failOn})` : ''}`,
  );
process.exit(fails ? 1 : 0);
