/**
 * `npm run bench`: generates the artifact corpus, then times backlog-lint (dist/cli.js) and
 * markdownlint-cli2 side by side on it, and prints in-process figures.
 *   --files N     corpus size (default 2000)
 *   --runs N      repetitions of each timed run (default 3); medians are reported
 *   --dir PATH    where to write the corpus (default: a folder under the OS temp dir)
 *   --skip-mdl    time backlog-lint only
 *   --editor-only the in-editor re-lint latency only (no corpus, no CLI runs)
 *   --stories N,M backlog sizes for the re-lint latency (default 1000,5000)
 *   --scale N     only the scale run: N tiny files, cold and warm, side by side with markdownlint-cli2
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bigBacklog, generateCorpus, writeCorpus } from './corpus';
import { editLatency, stageTimes, workerLatency } from './in-process';
import { median, runProcess, type ProcessRun } from './measure';
import { scaleRun } from './scale';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

interface Row {
  tool: string;
  runs: ProcessRun[];
}

function summarise(row: Row, files: number, mb: number): string[] {
  const seconds = median(row.runs.map((r) => r.seconds));
  const rss = median(row.runs.map((r) => r.peakRssMb));
  return [
    row.tool,
    seconds.toFixed(2),
    (files / seconds).toFixed(1),
    (mb / seconds).toFixed(2),
    rss.toFixed(0),
    row.runs.map((r) => r.seconds.toFixed(1)).join(' / '),
  ];
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Re-lint latency per keystroke in large backlogs: a full lint, the incremental ones (without and with section reuse), and the editor's worker. */
async function printEditLatency(runs: number, root: string, sizes: readonly number[]): Promise<void> {
  for (const stories of sizes) {
    const text = bigBacklog(stories);
    const edits = Math.max(20, Math.round((40 * runs * 1000) / Math.max(stories, 1000)));
    console.log(
      `\nLoad average: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    const edit = editLatency(text, edits);
    console.log(
      `Re-lint after a one-character edit, ${edit.stories}-story backlog (${(edit.bytes / 1024).toFixed(0)} KB), ${edit.edits} edits (${edit.partialParses} re-parsed in part; section checks reused ${edit.sectionChecks.reused}, re-run ${edit.sectionChecks.checked}; findings ${edit.identical ? 'identical to' : 'DIFFERENT from'} the full lint's):`,
    );
    const row = (name: string, p: { p50: number; p95: number; max: number }) => [
      name,
      ...[p.p50, p.p95, p.max].map((n) => n.toFixed(1)),
    ];
    const worker = await workerLatency(text, edits, path.join(root, 'dist', 'lint-worker.js'));
    console.log(
      table(
        ['lint', 'p50 ms', 'p95 ms', 'max ms'],
        [
          row('full parse + classification + rules', edit.full),
          row('before: incremental parse + classification + rules', edit.incremental),
          row('  of which the incremental parse', edit.incrementalParse),
          row('  of which classification + rules', edit.incrementalRest),
          row('after: incremental parse + sections reused', edit.reused),
          row('  of which classification + rules', edit.reusedRest),
          row(`editor: worker round trip (${worker.findings} findings)`, worker.roundTrip),
          row('  of which the extension host thread is busy', worker.hostBusy),
        ],
      ),
    );
    const target = stories <= 1000 ? 16 : 50;
    console.log(
      `Ratio, p95 before ÷ after: ${(edit.incremental.p95 / edit.reused.p95).toFixed(1)}×; after: ${edit.reused.p95.toFixed(1)} ms p95 (target ≤ ${target} ms at ${stories} stories)`,
    );
    if (!edit.identical)
      throw new Error('the incremental lint with section reuse gave other findings than the full lint');
  }
}

export async function main(args: string[], root: string): Promise<number> {
  const count = Number(option(args, '--files') ?? 2000);
  const runs = Number(option(args, '--runs') ?? 3);
  const sizes = (option(args, '--stories') ?? '1000,5000').split(',').map(Number);
  if (option(args, '--scale') !== undefined)
    return scaleRun(Number(option(args, '--scale')), runs, root, args.includes('--skip-mdl'));
  if (args.includes('--editor-only')) {
    console.log(
      `Machine: ${os.availableParallelism()} cores, Node ${process.version}; load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    await printEditLatency(runs, root, sizes);
    return 0;
  }
  const dir = path.resolve(option(args, '--dir') ?? path.join(os.tmpdir(), 'backlog-lint-bench', `corpus-${count}`));
  const cli = path.join(root, 'dist', 'cli.js');
  const mdl = path.join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');

  console.log(
    `Machine: ${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`,
  );
  console.log(
    `Load average at start: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const files = generateCorpus(count);
  const { bytes } = writeCorpus(dir, files);
  const mb = bytes / 2 ** 20;
  const kinds = new Map<string, number>();
  for (const f of files) kinds.set(f.type, (kinds.get(f.type) ?? 0) + 1);
  console.log(
    `Corpus: ${files.length} files, ${mb.toFixed(1)} MB in ${dir} (${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')}; ${files.filter((f) => f.faulty).length} with defects)`,
  );

  const cacheDir = path.join(dir, '.bench-cache');
  const lintArgs = (extra: string[]): string[] => [
    cli,
    '.',
    '--format',
    'json',
    '--output',
    path.join(os.tmpdir(), `bench-report-${process.pid}.json`),
    ...extra,
  ];
  const cold: Row = { tool: 'backlog-lint, cold (empty cache)', runs: [] };
  const coldNoCache: Row = { tool: 'backlog-lint --no-cache', runs: [] };
  const serial: Row = { tool: 'backlog-lint --no-cache --concurrency 1', runs: [] };
  const warm: Row = { tool: 'backlog-lint, warm (cache, nothing changed)', runs: [] };
  const markdownlint: Row = { tool: 'markdownlint-cli2 0.24.1', runs: [] };
  for (let i = 0; i < runs; i++) {
    // Interleaved, so a busy moment on the machine hits every tool alike.
    process.stdout.write(`run ${i + 1}/${runs}: `);
    if (!args.includes('--skip-mdl')) {
      markdownlint.runs.push(await runProcess(process.execPath, [mdl, '**/*.md'], dir));
      process.stdout.write('markdownlint-cli2 ');
    }
    fs.rmSync(cacheDir, { recursive: true, force: true });
    cold.runs.push(await runProcess(process.execPath, lintArgs(['--cache-location', `${cacheDir}/`]), dir));
    warm.runs.push(await runProcess(process.execPath, lintArgs(['--cache-location', `${cacheDir}/`]), dir));
    coldNoCache.runs.push(await runProcess(process.execPath, lintArgs(['--no-cache']), dir));
    serial.runs.push(await runProcess(process.execPath, lintArgs(['--no-cache', '--concurrency', '1']), dir));
    console.log('backlog-lint');
  }
  for (const row of [cold, warm, coldNoCache, serial, markdownlint]) {
    const bad = row.runs.find((r) => r.exitCode > 1);
    if (bad) throw new Error(`${row.tool} exited ${bad.exitCode}`);
  }
  const rows = [cold, warm, coldNoCache, serial, ...(markdownlint.runs.length ? [markdownlint] : [])];
  console.log(
    `\n${table(
      ['tool', 'wall s (median)', 'files/s', 'MB/s', 'peak RSS MB', 'runs (s)'],
      rows.map((r) => summarise(r, files.length, mb)),
    )}\n`,
  );
  const s = (row: Row): number => median(row.runs.map((r) => r.seconds));
  const rss = (row: Row): number => median(row.runs.map((r) => r.peakRssMb));
  if (markdownlint.runs.length) {
    console.log(
      `Ratio, files/s, backlog-lint cold ÷ markdownlint-cli2: ${(s(markdownlint) / s(cold)).toFixed(2)}× (target ≥ 1.5×)`,
    );
    console.log(
      `Ratio, peak RSS, backlog-lint cold ÷ markdownlint-cli2: ${(rss(cold) / rss(markdownlint)).toFixed(2)} (target ≤ 1)`,
    );
  }
  console.log(`Ratio, warm ÷ cold wall time: cold is ${(s(cold) / s(warm)).toFixed(1)}× the warm run (target ≥ 10×)`);
  console.log(`Ratio, threads: --concurrency 1 takes ${(s(serial) / s(coldNoCache)).toFixed(2)}× the default\n`);

  const sample = files.filter((_, i) => i % 10 === 0).map((f) => ({ path: path.join(dir, f.path), text: f.text }));
  const stages = stageTimes(sample, runs);
  const avgKb = sample.reduce((n, d) => n + d.text.length, 0) / sample.length / 1024;
  console.log(
    `In-process, ms per document (median of ${runs}, ${sample.length} documents of ${avgKb.toFixed(1)} KB on average):`,
  );
  console.log(
    table(
      ['parse', 'classification', 'rules', 'total'],
      [
        [stages.parseMs, stages.classifyMs, stages.rulesMs, stages.parseMs + stages.classifyMs + stages.rulesMs].map(
          (n) => n.toFixed(2),
        ),
      ],
    ),
  );
  await printEditLatency(runs, root, sizes);
  console.log(
    `\nLoad average at end: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  return 0;
}
