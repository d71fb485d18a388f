/**
 * The editor's lint worker (src/extension/lint-client.ts): the same results as the core in this thread,
 * incremental across versions of one document, and linting in this thread when no worker can run.
 */
import * as assert from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allRules } from '../../rules/index';
import { ConfigError, createConfigLoader, nodeFileSystem } from '../../src/config';
import { defaultConfig } from '../../src/config/defaults';
import { lintDocument } from '../helpers/lint';
import { fixAll } from '../helpers/lint';
import { LintClient } from '../../src/extension/lint-client';

const WORKER = path.resolve(__dirname, '..', '..', '..', 'dist', 'lint-worker.js');
const BACKLOG = Array.from(
  { length: 30 },
  (_, i) => `## S-${i}: Export ${i}\n\nAs an accountant, I want to export report ${i}, so that I can file taxes.\n`,
).join('\n');

function quietLog(): { warnings: string[]; warn: (m: string) => void; error: (m: string) => void } {
  const warnings: string[] = [];
  return { warnings, warn: (m: string) => warnings.push(m), error: (m: string) => warnings.push(m) };
}

describe('lint client (editor worker thread)', () => {
  const config = defaultConfig();

  it('reports in the worker what the core reports here, version after version, and fixes the same', async () => {
    const log = quietLog();
    const client = new LintClient(log, WORKER);
    try {
      let text = BACKLOG;
      for (const edit of ['', 'fast ', 'user-friendly ', '\n## S-99: New\n\nAs a user, I want x.\n']) {
        text = text.replace('## S-7', `${edit}## S-7`);
        const out = await client.lint('file:///backlog.md', text, '/w/backlog.md', config);
        assert.deepStrictEqual(out?.result, lintDocument(text, { filePath: '/w/backlog.md', config }).result);
      }
      assert.strictEqual(
        await client.fixAll(text, '/w/backlog.md', config),
        fixAll(text, { filePath: '/w/backlog.md', config }).text,
      );
      assert.deepStrictEqual(log.warnings, []);
    } finally {
      client.dispose();
    }
  });

  it('sends only the newest of the lints of one document that queued behind a running one', async () => {
    const client = new LintClient(quietLog(), WORKER);
    try {
      const texts = [BACKLOG, `${BACKLOG}\nfast `, `${BACKLOG}\nfast and user-friendly `];
      const [first, skipped, last] = await Promise.all(
        texts.map((t) => client.lint('file:///backlog.md', t, '/w/backlog.md', config)),
      );
      assert.deepStrictEqual(
        first?.result,
        lintDocument(texts[0] as string, { filePath: '/w/backlog.md', config }).result,
      );
      assert.strictEqual(skipped, undefined);
      assert.deepStrictEqual(
        last?.result,
        lintDocument(texts[2] as string, { filePath: '/w/backlog.md', config }).result,
      );
      // Another document does not wait for this one's.
      const other = await client.lint('file:///other.md', BACKLOG, '/w/other.md', config);
      assert.ok(other);
    } finally {
      client.dispose();
    }
  });

  it('lints in this thread, with a warning, when the worker script is missing', async () => {
    const log = quietLog();
    const client = new LintClient(log, path.join(__dirname, 'no-such-worker.js'));
    try {
      const out = await client.lint(undefined, BACKLOG, '/w/backlog.md', config);
      assert.deepStrictEqual(out?.result, lintDocument(BACKLOG, { filePath: '/w/backlog.md', config }).result);
      assert.match(log.warnings.join('\n'), /linting in the extension host.*no-such-worker\.js is missing/);
    } finally {
      client.dispose();
    }
  });

  it('refuses work after it is disposed', async () => {
    const client = new LintClient(quietLog(), WORKER);
    client.dispose();
    await assert.rejects(client.lint(undefined, BACKLOG, '/w/backlog.md', config), /shutting down/);
  });

  it('stops a worker that overruns the budget, reports that document, and lints the ones queued behind it in a new worker', async function () {
    this.timeout(20000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backlog-lint-client-budget-'));
    const script = path.join(dir, 'worker.js');
    // A stand-in for lint-worker.js, speaking worker-protocol.ts: hangs on the text "hang", answers any other lint.
    fs.writeFileSync(
      script,
      `const { parentPort } = require('node:worker_threads');
parentPort.postMessage({ ready: true });
parentPort.on('message', ({ id, request }) => { if (request.text === 'hang') for (;;); parentPort.postMessage({ id, reply: { result: { filePath: request.filePath, findings: [] }, crossFile: [], directives: [] } }); });\n`,
    );
    const log = quietLog();
    const client = new LintClient(log, script, 300);
    try {
      const [hung, queued] = await Promise.all([
        client.lint('file:///hang.md', 'hang', '/w/hang.md', config),
        client.lint('file:///ok.md', 'ok', '/w/ok.md', config),
      ]);
      assert.match(hung?.result.problem?.message ?? '', /took more than 300 ms/);
      assert.equal(queued?.result.filePath, '/w/ok.md');
      assert.equal(queued?.result.problem, undefined);
      assert.equal(client.thread, 'worker');
      assert.deepStrictEqual(log.warnings, ['a lint took more than 300 ms: the lint worker was stopped']);
    } finally {
      client.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('config resolution in the worker', () => {
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backlog-lint-worker-config-'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
    const spec = () => ({ stopAt: dir, readTemplates: true });

    it('resolves what the core loader resolves in this thread', async () => {
      fs.writeFileSync(
        path.join(dir, '.backlog-lint.json'),
        JSON.stringify({
          rules: { 'story-benefit': 'error' },
          artifacts: { 'specs/*.md': 'prd' },
          ignores: ['drafts/**'],
        }),
      );
      const client = new LintClient(quietLog(), WORKER);
      try {
        for (const rel of ['specs/a.md', 'drafts/b.md', 'c.md']) {
          const file = path.join(dir, rel);
          const here = await createConfigLoader({ ...spec(), fs: nodeFileSystem(), rules: allRules }).forFile(file);
          assert.deepStrictEqual(await client.resolveConfig('k', spec(), file), here, rel);
        }
      } finally {
        client.dispose();
      }
    });

    it('rejects with a ConfigError that still names the file, the key and the message', async () => {
      const config = path.join(dir, '.backlog-lint.json');
      fs.writeFileSync(config, JSON.stringify({ rules: { 'story-benefit': 'eror' } }));
      const client = new LintClient(quietLog(), WORKER);
      try {
        const err = await client.resolveConfig('k', spec(), path.join(dir, 'a.md')).then(
          () => undefined,
          (e: unknown) => e,
        );
        assert.ok(err instanceof ConfigError, String(err));
        assert.strictEqual(err.file, config);
        assert.strictEqual(err.keyPath, 'rules.story-benefit');
        assert.match(err.message, /rules\.story-benefit/);
        // clearConfigs: the fixed file is read again.
        fs.writeFileSync(config, JSON.stringify({ rules: { 'story-benefit': 'error' } }));
        client.clearConfigs();
        const fixed = await client.resolveConfig('k', spec(), path.join(dir, 'a.md'));
        assert.strictEqual(fixed.rules['story-benefit']?.severity, 'error');
      } finally {
        client.dispose();
      }
    });

    it('a FIFO named like a config is refused without blocking', async function () {
      if (process.platform === 'win32') this.skip();
      execFileSync('mkfifo', [path.join(dir, '.backlog-lint.json')]);
      const client = new LintClient(quietLog(), WORKER);
      try {
        await assert.rejects(
          client.resolveConfig('k', spec(), path.join(dir, 'a.md')),
          (e: unknown) => e instanceof ConfigError && /not a regular file/.test(e.message),
        );
      } finally {
        client.dispose();
      }
    });
  });
});
