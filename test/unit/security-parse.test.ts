/**
 * Hostile documents (issue 11, items 2 and 9): structural limits before the parse, the time budget per
 * file, the hard size cap, UTF-16, and the CRLF fuzz seed. Sizes stay small here; the full-size
 * cases, timed, run in `npm run stress` (scripts/stress/parse-limits.stress.ts).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigError, createConfigLoader, memoryFileSystem } from '../../src/config';
import { defaultConfig } from '../../src/config/defaults';
import { allRules } from '../../rules';
import { lintText } from '../helpers/lint';
import { fixAll } from '../helpers/lint';
import {
  checkStructure,
  MAX_CONTAINER_DEPTH,
  MAX_INLINE_DEPTH,
  MAX_TEXT_LENGTH,
  TooComplexError,
} from '../../src/core/limits';
import { runWithin, TimeBudgetError } from '../../src/core/time-budget';
import { parseCliArgs } from '../../src/cli/args';
import { lintFile, lintFileWithin } from '../../src/cli/lint-job';
import { decodeDocument, FileReadError, HARD_MAX_FILE_SIZE } from '../../src/cli/read';
import { WorkerPool, WorkerTimeoutError } from '../../src/cli/workers';
import { checkDocument } from '../fuzz/properties';
import { REPO_ROOT } from '../helpers/rule-suite';

const STORY = 'As a user I want to export reports so that I can share them';
const config = defaultConfig();

function refusal(text: string): TooComplexError | undefined {
  try {
    checkStructure(text);
    return undefined;
  } catch (err) {
    if (err instanceof TooComplexError) return err;
    throw err;
  }
}

const nestedList = (levels: number): string =>
  `${Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- ${STORY} ${i}`).join('\n')}\n`;

/**
 * What a file stopped by a 1 ms budget reports. Which of the two ways stops it depends on the machine:
 * the estimate before the parse, or the clock during it. Both name the budget and the flag.
 */
function overBudget(file: string, anchor = '^'): RegExp {
  const how = '(took more than 1 ms to lint, stopped|:\\d+: too complex to lint within the time budget of 1 ms.*)';
  return new RegExp(`${anchor}${file}:? ?${how}, not linted \\(raise the limit with --max-time-per-file\\)$`);
}

describe('security: structural limits before the parse', () => {
  const cases: [string, () => string, number][] = [
    ['a list nested 400 levels', () => nestedList(400), MAX_CONTAINER_DEPTH + 1],
    ['`- ` repeated 2,000 times on one line', () => '- '.repeat(2000), 1],
    ['`- ` repeated 20,000 times on one line, then text', () => `${'- '.repeat(20000)}${STORY}`, 1],
    ['`1. ` repeated 100 times on one line', () => `${'1. '.repeat(100)}${STORY}`, 1],
    ['5,000 nested emphases', () => `${'*a '.repeat(5000)}x${' b*'.repeat(5000)}`, 1],
    ['a run of 5,000 asterisks around a word', () => `${'*'.repeat(5000)}${STORY}${'*'.repeat(5000)}`, 1],
    ['20,000 nested block quotes', () => `${'>'.repeat(20000)} ${STORY}`, 1],
    [
      'block quotes nested one more per line',
      () => Array.from({ length: 100 }, (_, i) => `${'> '.repeat(i + 1)}${STORY}`).join('\n'),
      MAX_CONTAINER_DEPTH + 1,
    ],
    [
      'emphasis opened across the lines of one paragraph',
      () => `${STORY}\n${'*a\n'.repeat(100)}`,
      MAX_INLINE_DEPTH + 2,
    ],
  ];
  for (const [name, make, line] of cases) {
    it(`refuses ${name}, at line ${line}, and the lint reports it without parsing`, () => {
      const text = make();
      const err = refusal(text);
      assert.ok(err, 'not refused');
      assert.equal(err.line, line);
      assert.match(err.message, /^too complex to lint: /);
      const out = lintFile({ text, filePath: 'x.story.md', config, fix: true });
      assert.equal(out.result.findings.length, 0);
      assert.equal(out.result.problem?.line, line);
      assert.match(
        out.result.problem?.message ?? '',
        new RegExp(`^x\\.story\\.md:${line}: too complex to lint: .*, not linted$`),
      );
    });
  }

  it('lints nesting right at the limits (no stack overflow, no refusal)', () => {
    const list = nestedList(MAX_CONTAINER_DEPTH);
    const quotes = `${'>'.repeat(MAX_CONTAINER_DEPTH)} ${STORY}`;
    const emphasis = `${'*a '.repeat(MAX_INLINE_DEPTH)}${STORY}${' b*'.repeat(MAX_INLINE_DEPTH)}`;
    for (const text of [list, quotes, emphasis]) {
      assert.equal(refusal(text), undefined);
      lintText(text, { filePath: 'x.story.md', config });
    }
    assert.ok(refusal(nestedList(MAX_CONTAINER_DEPTH + 1)));
    assert.ok(refusal(`${'*a '.repeat(MAX_INLINE_DEPTH + 1)}x`));
  });

  it('does not refuse what real documents hold', () => {
    const documents = [
      // deep indentation in code, far past the container limit in columns
      `# Notes\n\n\`\`\`json\n${Array.from({ length: 80 }, (_, i) => `${' '.repeat(i * 2)}"k${i}": {`).join('\n')}\n\`\`\`\n`,
      `${' '.repeat(200)}indented code\n`,
      // a table of globs: each row is parsed on its own
      `| Pattern | Kind |\n| --- | --- |\n${Array.from({ length: 200 }, (_, i) => `| *.part${i}.md | story |`).join('\n')}\n`,
      // thematic breaks, bold separators, snake_case and arithmetic
      `- - -\n\n* * *\n\n****\n\n${'snake_case_name and 2 * 3 * 4 and a*b*c '.repeat(100)}`,
      // many closed emphases in one long paragraph
      `${'**Bold** and _italic_ and ~~struck~~ words, '.repeat(500)}\n`,
      // a tight list of 500 items, 8 levels deep at most
      Array.from({ length: 500 }, (_, i) => `${'  '.repeat(i % 8)}- ${STORY}`).join('\n'),
      // a tight glossary list: "**`code`**:" opens and closes a bold run the scan cannot pair on each item
      Array.from({ length: 60 }, (_, i) => `* **\`field_${i}\`**: what the column holds.`).join('\n'),
      // the same runs in ATX headings, one after another with no blank line
      Array.from({ length: 60 }, (_, i) => `### **\`step_${i}\`**:`).join('\n'),
    ];
    for (const text of documents) assert.equal(refusal(text)?.message, undefined);
  });

  it('refuses the same document whatever its line endings', () => {
    const text = nestedList(40);
    assert.equal(refusal(text.replace(/\n/g, '\r\n'))?.line, refusal(text)?.line);
    assert.equal(refusal(text.replace(/\n/g, '\r'))?.line, refusal(text)?.line);
  });

  it('is not fooled by a second BOM, which the parser drops too (found by npm run fuzz)', () => {
    const text = `${'>- '.repeat(40)}${STORY}`;
    assert.equal(refusal(`\uFEFF${text}`)?.line, 1);
    assert.ok(lintFile({ text: `\uFEFF\uFEFF${text}`, filePath: 'x.story.md', config, fix: false }).result.problem);
  });

  it('gives the same verdict with one BOM more, however many the text starts with (found by npm run fuzz)', () => {
    const text = `${'>- '.repeat(40)}${STORY}`;
    for (const boms of ['', '\uFEFF', '\uFEFF\uFEFF', '\uFEFF\uFEFF\uFEFF']) {
      assert.equal(refusal(`\uFEFF${boms}${text}`)?.line, refusal(`${boms}${text}`)?.line, `${boms.length} BOMs`);
      assert.equal(refusal(`${boms}${text}`)?.line, 1, `${boms.length} BOMs`);
    }
  });

  it('places fixes right after two BOMs, in CRLF, across fix rounds (found by the short fuzz run in npm test)', () => {
    const text = '\uFEFF\uFEFFuser\r\n\r\n';
    const fixed = fixAll(text, { filePath: 'feature.prd.md', config }).text;
    assert.ok(fixed.startsWith('\uFEFF\uFEFFuser\r\n\r\n## '), JSON.stringify(fixed.slice(0, 30)));
    assert.doesNotMatch(fixed.replace(/\r\n/g, ''), /[\r\n]/, 'only CRLF line endings');
    checkDocument(text, config, 'feature.prd.md');
  });

  it('refuses before the parse text sure to run out of its time budget, and only with a budget', () => {
    // 32 list markers a line costs far more per character than prose (limits.ts, WORK_PER_MS).
    const heavy = `${'- '.repeat(32)}${STORY}\n\n`.repeat(400);
    assert.match(refusal(heavy)?.message ?? 'linted', /^linted$/);
    const err = (() => {
      try {
        checkStructure(heavy, { budgetMs: 20 });
      } catch (e) {
        return e as TooComplexError;
      }
      return undefined;
    })();
    assert.match(err?.message ?? '', /too complex to lint within the time budget of 20 ms/);
    assert.ok(err && err.line > 1 && err.line < 800, `line ${err?.line}`);
    // Plain prose of the same length gets the same budget and is tried.
    checkStructure('Plain words and nothing else. '.repeat(heavy.length / 30), { budgetMs: 20 });
    assert.ok(lintFile({ text: heavy, filePath: 'x.story.md', config, fix: false, budgetMs: 20 }).result.problem);
  });

  it('refuses text over the hard length limit', () => {
    const err = refusal('a'.repeat(MAX_TEXT_LENGTH + 1));
    assert.match(err?.message ?? '', /too large to lint/);
  });
});

describe('security: time budget per file', () => {
  it('stops synchronous work on this thread when the budget is over, and the thread goes on', () => {
    const started = Date.now();
    assert.throws(
      () =>
        runWithin(() => {
          for (;;);
        }, 50),
      TimeBudgetError,
    );
    assert.ok(Date.now() - started < 5000);
    assert.equal(
      runWithin(() => 42, 1000),
      42,
    );
  });

  it('passes other errors through, and runs without a budget when it is 0', () => {
    assert.throws(
      () =>
        runWithin(() => {
          throw new RangeError('boom');
        }, 1000),
      /boom/,
    );
    assert.equal(
      runWithin(() => 'no budget', 0),
      'no budget',
    );
  });

  it('reports a file over its budget as a problem that names the flag', () => {
    const text = `${STORY}\n\n`.repeat(4000);
    const out = lintFileWithin({ text, filePath: 'big.story.md', config, fix: false }, 1);
    assert.match(out.result.problem?.message ?? '', overBudget('big\\.story\\.md'));
    assert.equal(
      lintFileWithin({ text: STORY, filePath: 'x.story.md', config, fix: false }, 60000).result.problem,
      undefined,
    );
  });

  it('terminates a worker that does not answer in time, and the next job gets a new worker', async function () {
    this.timeout(30000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backlog-lint-pool-'));
    const script = path.join(dir, 'worker.js');
    // A stand-in for the CLI bundle, speaking worker-protocol.ts: says it is ready (the budget starts then), hangs on "hang", answers anything else.
    fs.writeFileSync(
      script,
      `const { parentPort } = require('node:worker_threads');
parentPort.postMessage({ ready: true });
parentPort.on('message', ({ id, request: job }) => { if (job.text === 'hang') for (;;); parentPort.postMessage({ id, reply: { result: { filePath: job.filePath }, crossFile: [], directives: [] } }); });\n`,
    );
    const pool = new WorkerPool(script, 1, 300);
    try {
      const job = (text: string) => ({ text, filePath: `${text}.md`, config, fix: false });
      await assert.rejects(pool.run(job('hang')), WorkerTimeoutError);
      assert.equal((await pool.run(job('ok'))).result.filePath, 'ok.md');
    } finally {
      await pool.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('parses --max-time-per-file, with a default', () => {
    assert.equal(parseCliArgs(['--max-time-per-file', '250']).maxTimePerFile, 250);
    assert.equal(parseCliArgs(['--max-time-per-file', '0']).maxTimePerFile, 0);
    assert.ok(parseCliArgs([]).maxTimePerFile > 0);
    assert.throws(() => parseCliArgs(['--max-time-per-file', '5s']), /whole number/);
  });
});

describe('security: reading files', () => {
  it('refuses UTF-16 (both byte orders) with a message that says so', () => {
    for (const bom of [
      [0xff, 0xfe],
      [0xfe, 0xff],
    ]) {
      const raw = Buffer.concat([Buffer.from(bom), Buffer.from(STORY, bom[0] === 0xff ? 'utf16le' : 'latin1')]);
      assert.throws(
        () => decodeDocument(raw, 'wide.md'),
        (err: Error) =>
          err instanceof FileReadError &&
          err.message === 'wide.md: UTF-16 is not supported, not linted (save it as UTF-8)',
      );
    }
  });

  it('keeps a hard size cap whatever --max-file-size says', () => {
    const raw = Buffer.alloc(HARD_MAX_FILE_SIZE + 1, 0x61);
    assert.throws(
      () => decodeDocument(raw, 'huge.md', 6e7),
      /huge\.md: \d+ bytes is over the hard size limit of \d+ bytes/,
    );
    assert.throws(() => decodeDocument(Buffer.from('abc'), 'small.md', 2), /over the size limit of 2 bytes/);
  });
});

describe('security: CLI on hostile documents', function () {
  this.timeout(60000);
  const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

  it('reports each too-complex file with its line and goes on with the others, in one thread and in workers', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backlog-lint-complex-'));
    try {
      fs.writeFileSync(path.join(dir, 'deep.story.md'), nestedList(50));
      fs.writeFileSync(path.join(dir, 'dashes.story.md'), '- '.repeat(3000));
      fs.writeFileSync(path.join(dir, 'fine.story.md'), `${STORY}\n`);
      for (const concurrency of ['1', '2']) {
        const r = spawnSync(
          process.execPath,
          [CLI, '--no-cache', '--format', 'json', '--concurrency', concurrency, '.'],
          { cwd: dir, encoding: 'utf8' },
        );
        assert.equal(r.status, 2, r.stderr);
        const results = JSON.parse(r.stdout) as {
          filePath: string;
          messages: { message: string; fatal?: boolean }[];
        }[];
        const messageOf = (name: string) =>
          results
            .find((x) => x.filePath.endsWith(name))
            ?.messages.map((m) => m.message)
            .join('\n') ?? '';
        assert.match(messageOf('deep.story.md'), /deep\.story\.md:33: too complex to lint/);
        assert.match(messageOf('dashes.story.md'), /dashes\.story\.md:1: too complex to lint/);
        assert.doesNotMatch(messageOf('fine.story.md'), /too complex|took more than/);
      }
      // Over 2 MB is linted in a worker of its own even in one thread; a 1 ms budget stops it.
      fs.writeFileSync(path.join(dir, 'long.story.md'), `${STORY}\n\n`.repeat(40000));
      const r = spawnSync(
        process.execPath,
        [CLI, '--no-cache', '--concurrency', '1', '--max-time-per-file', '1', 'long.story.md'],
        { cwd: dir, encoding: 'utf8' },
      );
      assert.equal(r.status, 2, r.stderr);
      assert.match(
        r.stdout.split('\n').find((l) => l.includes('not linted')) ?? '',
        overBudget('\\S*long\\.story\\.md', ''),
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('security: hostile configs', () => {
  it('a JSON config nested 100,000 levels is a config error naming the config file, not a stack overflow', async () => {
    const fs = memoryFileSystem({
      '/r/.backlog-lint.json': `{"x":${'['.repeat(100000)}${']'.repeat(100000)}}`,
      '/r/a.md': '',
    });
    const loader = createConfigLoader({ fs, rules: allRules });
    await assert.rejects(
      loader.forFile('/r/a.md'),
      (err: Error) =>
        err instanceof ConfigError && err.file === '/r/.backlog-lint.json' && /nested too deeply/.test(err.message),
    );
  });

  it('an allowWords of 130,000 entries loads and lints', async () => {
    const words = Array.from({ length: 130000 }, (_, i) => `w${i}`);
    const fs = memoryFileSystem({
      '/r/.backlog-lint.json': JSON.stringify({ allowWords: words }),
      '/r/a.story.md': '',
    });
    const config = await createConfigLoader({ fs, rules: allRules }).forFile('/r/a.story.md');
    assert.equal(config.allowWords.length, 130000);
    lintText(
      `${STORY}
`,
      { filePath: '/r/a.story.md', config },
    );
  });
});

describe('security: --fix near the limits (found by npm run fuzz, seed 20261203)', () => {
  it('withholds fixes that together would nest the text past the limits, instead of throwing', () => {
    // A story at the deepest nesting allowed: its criteria template would add one level more.
    const text = `# Backlog\n\n${'1. '.repeat(MAX_CONTAINER_DEPTH)}As a writer, I want to export my notes, so that I keep a copy.\n`;
    assert.equal(refusal(text), undefined);
    const fixed = fixAll(text, { filePath: 'backlog.md', config: defaultConfig() });
    assert.equal(refusal(fixed.text), undefined);
    assert.ok(fixed.withheld.length > 0);
    checkDocument(text, defaultConfig(), 'backlog.md', { crlfEquivalence: true });
  });
});

describe('security: fuzz seed 862920116 (CRLF line endings changed the findings)', () => {
  it('a checked task item followed by a lazy line gets the same findings with CRLF', () => {
    const text = '---\ntype: roadmap-item\n---\n- [x]\n`';
    const key = (t: string) =>
      lintText(t, { filePath: 'doc.md', config })
        .findings.map((f) => `${f.ruleId}@${f.line}:${f.column}`)
        .join(' ');
    assert.notEqual(key(text), '');
    assert.equal(key(text.replace(/\n/g, '\r\n')), key(text));
    checkDocument(text, config, 'doc.md', { crlfEquivalence: true });
  });
});
