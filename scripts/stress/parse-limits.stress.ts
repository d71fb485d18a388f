/**
 * `npm run stress` part (issue 11, item 2): the issue's hostile documents at full size, and 10 MB documents
 * right at the structural limits, each linted by the built CLI (dist/cli.js, `node esbuild.js` first) in
 * a process of its own. Each must be linted, or reported as too complex or over its time budget, within
 * 5 s of linting time (the CLI's start-up, measured on an empty file, is taken off).
 *
 *   node scripts/lib/bundle-run.mjs … or npm run stress; arguments: [--only NAME] [--budget-ms N]
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const STORY = 'As a user I want to export reports so that I can share them';
const LIMIT_MS = 5000;
const TEN_MB = 10 * 1024 * 1024;

const fill = (unit: string, size: number): string => unit.repeat(Math.max(1, Math.floor(size / unit.length)));
const nestedList = (levels: number): string =>
  `${Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- ${STORY} ${i}`).join('\n')}\n`;

const CASES: [string, () => string][] = [
  ['list nested 400 levels', () => nestedList(400)],
  ['list nested 800 levels', () => nestedList(800)],
  ['list nested 1,000 levels', () => nestedList(1000)],
  ['"- " x 2,000 on one line', () => '- '.repeat(2000)],
  ['"- " x 10,000 on one line', () => '- '.repeat(10000)],
  ['"- " x 20,000 on one line', () => '- '.repeat(20000)],
  ['5,000 nested emphases', () => `${'*a '.repeat(5000)}${STORY}${' b*'.repeat(5000)}`],
  ['20,000 nested block quotes', () => `${'>'.repeat(20000)} ${STORY}`],
  ['10 MB of lists nested 32 levels', () => fill(nestedList(32), TEN_MB)],
  ['10 MB of 32 "- " per line', () => fill(`${'- '.repeat(32)}${STORY}\n\n`, TEN_MB)],
  ['10 MB of emphasis nested 32 levels', () => fill(`${'*a '.repeat(32)}${STORY}${' b*'.repeat(32)}\n\n`, TEN_MB)],
  ['10 MB of dense inline markup', () => fill('*a* `b` [c](d) ', TEN_MB).replace(/(.{70}) /g, '$1\n')],
];

interface Outcome {
  ms: number;
  code: number;
  what: string;
}

function lint(cli: string, file: string, budgetMs: number | undefined): Outcome {
  const args = [
    cli,
    '--no-cache',
    '--format',
    'json',
    ...(budgetMs === undefined ? [] : ['--max-time-per-file', String(budgetMs)]),
    file,
  ];
  const started = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - started;
  let what = `exit ${r.status}${r.signal ? ` (${r.signal})` : ''}`;
  try {
    const [result] = JSON.parse(r.stdout) as { messages: { message: string; fatal?: boolean }[] }[];
    const fatal = result?.messages.find((m) => m.fatal);
    what = fatal
      ? fatal.message.replace(/^.*?: (?=too|took|needs)/, '')
      : `linted, ${result?.messages.length ?? 0} findings`;
  } catch {
    what += `: ${(r.stderr || r.stdout).split('\n')[0]}`;
  }
  return { ms, code: r.status ?? -1, what };
}

export async function main(argv: string[]): Promise<number> {
  const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
  const budget = argv.includes('--budget-ms') ? Number(argv[argv.indexOf('--budget-ms') + 1]) : undefined;
  const cli = path.resolve('dist', 'cli.js');
  if (!fs.existsSync(cli)) {
    console.log(`parse-limits: FAIL, ${cli} is missing (run node esbuild.js)`);
    return 1;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backlog-lint-stress-'));
  let failures = 0;
  try {
    const empty = path.join(dir, 'empty.story.md');
    fs.writeFileSync(empty, '');
    const startup = lint(cli, empty, budget).ms;
    for (const [name, make] of CASES) {
      if (only && !name.includes(only)) continue;
      const file = path.join(dir, 'case.story.md');
      fs.writeFileSync(file, make());
      const o = lint(cli, file, budget);
      const ok =
        o.ms - startup <= LIMIT_MS &&
        (o.code === 0 ||
          o.code === 1 ||
          (o.code === 2 && /^(too complex|took more than|needs more than)/.test(o.what)));
      if (!ok) failures++;
      console.error(
        `  ${ok ? 'ok  ' : 'FAIL'} ${name}: ${(o.ms / 1000).toFixed(2)} s (${(fs.statSync(file).size / 1e6).toFixed(2)} MB): ${o.what}`,
      );
    }
    console.log(
      `parse-limits: ${failures === 0 ? 'PASS' : 'FAIL'}, ${failures} of the hostile documents took over ${LIMIT_MS / 1000} s of lint time (CLI start-up ${(startup / 1000).toFixed(2)} s taken off) or crashed`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return failures === 0 ? 0 : 1;
}
