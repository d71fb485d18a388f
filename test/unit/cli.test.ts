/**
 * The built `backlog-lint` binary on fixture folders: exit codes, every format, --fix, stdin,
 * suppression, config errors. Run after `node esbuild.js` (npm test does that).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/rule-suite';
import { sarifErrors } from '../fixtures/formatters/sarif-validator';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'cli');

function cli(
  args: string[],
  opts: { cwd?: string; input?: string } = {},
): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? FIXTURES,
    input: opts.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function copyFixture(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backlog-lint-cli-'));
  fs.cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

interface JsonResult {
  filePath: string;
  messages: {
    ruleId: string | null;
    severity: number;
    line: number;
    column: number;
    role: string;
    artifact: string;
    message: string;
  }[];
  errorCount: number;
  warningCount: number;
}

describe('CLI', function () {
  this.timeout(30000);

  before(() => assert.ok(fs.existsSync(CLI), `build first: ${CLI} is missing`));

  it('exits 1 and reports an error finding with stylish output', () => {
    const r = cli(['project']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /project\/backlog\.md/);
    assert.match(r.stdout, /5:1\s+error\s+.*no acceptance criteria.*story-acceptance-criteria/);
    assert.match(r.stdout, /✖ \d+ problems? \(\d+ errors?/);
    assert.doesNotMatch(r.stdout, /\x1b\[/, 'no colour when NO_COLOR is set');
  });

  it('gives ordinary Markdown and suppressed findings no output', () => {
    const r = cli(['project', '--format', 'json']);
    const results = JSON.parse(r.stdout) as JsonResult[];
    const byName = new Map(results.map((x) => [path.relative(path.join(FIXTURES, 'project'), x.filePath), x]));
    assert.deepEqual(byName.get('docs/notes.md')?.messages, []);
    assert.deepEqual(
      byName.get('suppressed.story.md')?.messages.map((m) => m.ruleId),
      [],
    );
    const backlog = byName.get('backlog.md');
    assert.ok(backlog);
    const ac = backlog.messages.filter((m) => m.ruleId === 'story-acceptance-criteria');
    assert.deepEqual(
      ac.map((m) => [m.line, m.column, m.severity, m.role, m.artifact]),
      [[5, 1, 2, 'po', 'story']],
    );
  });

  it('exits 0 on a clean folder and prints nothing', () => {
    const r = cli(['clean']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
  });

  it('writes SARIF 2.1.0 that validates, with suppressions and relative URIs', () => {
    const r = cli(['project', '--format', 'sarif']);
    const log = JSON.parse(r.stdout) as {
      runs: {
        results: {
          ruleId: string;
          suppressions?: unknown[];
          locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }[];
        }[];
      }[];
    };
    assert.deepEqual(sarifErrors(log), []);
    const results = log.runs[0]?.results ?? [];
    const ac = results.filter((x) => x.ruleId === 'story-acceptance-criteria');
    assert.ok(
      ac.some(
        (x) =>
          x.suppressions && x.locations[0]?.physicalLocation.artifactLocation.uri === 'project/suppressed.story.md',
      ),
    );
    assert.ok(
      ac.some((x) => !x.suppressions && x.locations[0]?.physicalLocation.artifactLocation.uri === 'project/backlog.md'),
    );
    assert.ok(results.every((x) => x.locations[0]?.physicalLocation.artifactLocation.uriBaseId === '%SRCROOT%'));
    const empty = JSON.parse(cli(['clean', '--format', 'sarif']).stdout) as { runs: { results: unknown[] }[] };
    assert.deepEqual(empty.runs[0]?.results, []);
  });

  it('writes GitHub workflow commands and JUnit XML', () => {
    const gh = cli(['project', '--format', 'github']).stdout;
    assert.match(
      gh,
      /^::error file=project\/backlog\.md,line=5,col=1,endLine=5,endColumn=\d+,title=story-acceptance-criteria::/m,
    );
    const junit = cli(['project', '--format', 'junit']).stdout;
    assert.match(junit, /^<\?xml/);
    assert.match(junit, /<testsuite [^>]*name="project\/backlog\.md"/);
    assert.match(junit, /<failure /);
  });

  it('honours --quiet, --max-warnings and --role', () => {
    const dir = copyFixture('project');
    fs.writeFileSync(
      path.join(dir, '.backlog-lint.json'),
      JSON.stringify({ rules: { 'story-acceptance-criteria': 'warning' } }),
    );
    const warnOnly = cli(['.', '--format', 'json'], { cwd: dir });
    const warnings = (JSON.parse(warnOnly.stdout) as JsonResult[]).reduce((n, x) => n + x.warningCount, 0);
    const errors = (JSON.parse(warnOnly.stdout) as JsonResult[]).reduce((n, x) => n + x.errorCount, 0);
    assert.ok(warnings > 0);
    if (errors === 0) {
      assert.equal(warnOnly.code, 0);
      assert.equal(cli(['.', '--max-warnings', '0'], { cwd: dir }).code, 1);
    }
    const quiet = JSON.parse(cli(['.', '--quiet', '--format', 'json'], { cwd: dir }).stdout) as JsonResult[];
    assert.ok(quiet.every((x) => x.messages.every((m) => m.severity === 2)));
    const pmOnly = JSON.parse(cli(['.', '--role', 'pm', '--format', 'json'], { cwd: dir }).stdout) as JsonResult[];
    assert.ok(pmOnly.every((x) => x.messages.every((m) => m.role !== 'po')));
  });

  it('fixes files atomically and idempotently with --fix', () => {
    const dir = copyFixture('project');
    const file = path.join(dir, 'backlog.md');
    fs.chmodSync(file, 0o640);
    const r = cli(['backlog.md', '--fix', '--format', 'json'], { cwd: dir });
    const after = fs.readFileSync(file, 'utf8');
    assert.match(
      after,
      /### Acceptance criteria\n\n- Given \\<context>, when \\<action>, then \\<observable outcome>\n\n## T-2/,
    );
    const remaining = (JSON.parse(r.stdout) as JsonResult[])[0]?.messages.filter(
      (m) => m.ruleId === 'story-acceptance-criteria',
    );
    assert.deepEqual(remaining, []);
    assert.equal(fs.statSync(file).mode & 0o777, 0o640, 'file mode kept');
    cli(['backlog.md', '--fix'], { cwd: dir });
    assert.equal(fs.readFileSync(file, 'utf8'), after, 'a second --fix changes nothing');
    assert.deepEqual(
      fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')),
      [],
      'no temp files left',
    );
  });

  it('keeps CRLF line endings and a BOM when fixing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backlog-lint-crlf-'));
    const file = path.join(dir, 'login.story.md');
    fs.writeFileSync(file, '\uFEFF# Log in\r\n\r\nAs a member, I want to log in, so that I see my orders.\r\n');
    cli(['login.story.md', '--fix'], { cwd: dir });
    const text = fs.readFileSync(file, 'utf8');
    assert.ok(text.startsWith('\uFEFF# Log in\r\n'));
    assert.match(text, /\r\n## Acceptance criteria\r\n\r\n- Given /);
    assert.doesNotMatch(text.replace(/\r\n/g, ''), /\n/, 'no bare LF introduced');
  });

  it('lints standard input with --stdin-filename', () => {
    const r = cli(['-', '--stdin-filename', 'x.story.md', '--format', 'json'], {
      input: 'As a member, I want to log in, so that I see my orders.\n',
    });
    const results = JSON.parse(r.stdout) as JsonResult[];
    assert.equal(results.length, 1);
    assert.ok(results[0]?.messages.some((m) => m.ruleId === 'story-acceptance-criteria'));
  });

  it('exits 2 with the file and key path for a broken config', () => {
    const r = cli(['bad-config']);
    assert.equal(r.code, 2);
    assert.match(r.stdout + r.stderr, /\.backlog-lint\.json.*rules\.story-acceptance-criteria/);
  });

  it('exits 2 for a usage error, an unknown rule to explain, and a missing path', () => {
    assert.equal(cli(['--format', 'xml']).code, 2);
    assert.equal(cli(['--explain', 'no-such-rule']).code, 2);
    assert.equal(cli(['does-not-exist']).code, 2);
  });

  it('reports binary and non-UTF-8 files as problems without stopping the run', () => {
    const dir = copyFixture('project');
    fs.writeFileSync(path.join(dir, 'binary.md'), Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02]));
    fs.writeFileSync(path.join(dir, 'latin1.md'), Buffer.from([0x23, 0x20, 0xe9, 0x74, 0xe9]));
    const r = cli(['.', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 2);
    const results = JSON.parse(r.stdout) as (JsonResult & { messages: { fatal?: boolean; message: string }[] })[];
    const msg = (name: string): string => results.find((x) => x.filePath.endsWith(name))?.messages[0]?.message ?? '';
    assert.match(msg('binary.md'), /binary file/);
    assert.match(msg('latin1.md'), /not valid UTF-8/);
    assert.ok(
      results.some((x) => x.filePath.endsWith('backlog.md') && x.messages.length > 0),
      'other files still linted',
    );
  });

  it('explains a rule, lists rules, and prints the config', () => {
    assert.match(cli(['--explain', 'story-acceptance-criteria']).stdout, /^# story-acceptance-criteria/);
    assert.match(cli(['--list-rules']).stdout, /story-acceptance-criteria\s+po\s+story, backlog/);
    const printed = JSON.parse(cli(['--print-config', 'project/backlog.md']).stdout) as {
      rules: Record<string, { severity: string }>;
    };
    assert.equal(printed.rules['story-acceptance-criteria']?.severity, 'error');
  });

  it('runs the README walk-through: the worked dor.yaml lints, and --explain and --list-rules know its rules', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backlog-lint-pack-'));
    fs.mkdirSync(path.join(dir, '.backlog-lint'));
    fs.copyFileSync(path.join(REPO_ROOT, 'examples', 'packs', 'dor.yaml'), path.join(dir, '.backlog-lint', 'dor.yaml'));
    const config = 'packs: ["./.backlog-lint/dor.yaml"]\nrules:\n  acme/no-asap: error\n';
    fs.writeFileSync(path.join(dir, '.backlog-lint.yaml'), config);
    const story = 'As an accountant, I want to export invoices ASAP, so that I can close the month.';
    fs.writeFileSync(path.join(dir, 'backlog.md'), `# Backlog\n\n## Story 1: Export\n\n${story}\n`);
    const lint = cli(['.'], { cwd: dir });
    const estimate = /Story has no estimate; add an "Estimate:" line with story points\.\s+acme\/story-estimate/;
    assert.match(lint.stdout, estimate);
    assert.match(lint.stdout, /error\s+"ASAP" sets no deadline/);
    assert.match(cli(['--explain', 'acme/story-estimate'], { cwd: dir }).stdout, /^# acme\/story-estimate/);
    assert.match(cli(['--list-rules'], { cwd: dir }).stdout, /acme\/no-asap\s+po\s+story, backlog/);
    // A broken config still lets a built-in rule be explained, and says why the pack's rules are missing.
    fs.writeFileSync(path.join(dir, '.backlog-lint.yaml'), 'packs: ["./.backlog-lint/none.yaml"]\n');
    const broken = cli(['--explain', 'story-benefit'], { cwd: dir });
    assert.match(broken.stdout, /^# story-benefit/);
    assert.match(broken.stderr, /none\.yaml.*built-in rules only/);
    assert.equal(cli(['--explain', 'acme/story-estimate'], { cwd: dir }).code, 2);
  });

  it('writes a starter config with --init, and refuses to overwrite it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backlog-lint-init-'));
    assert.equal(cli(['--init'], { cwd: dir }).code, 0);
    assert.ok(fs.existsSync(path.join(dir, '.backlog-lint.jsonc')));
    assert.equal(cli(['--init'], { cwd: dir }).code, 2);
    assert.equal(cli(['.'], { cwd: dir }).code, 0, 'the starter config is valid');
  });
});
