/**
 * In-process figures: milliseconds per document for the parse, the classification and the rules, and the
 * time to re-lint a large backlog after a one-character edit (what the editor pays per keystroke):
 * parsing it whole, parsing it incrementally, and also reusing classification and rule results for the
 * untouched top-level sections, side by side on the same edits.
 */
import { classify } from '../../src/core/classify';
import { lintDocument, lintParsed } from '../../src/core/engine';
import { IncrementalParser } from '../../src/core/incremental-parse';
import { LintReuse } from '../../src/core/incremental-lint';
import { LintClient } from '../../src/extension/lint-client';
import { parseMarkdown } from '../../src/core/parse';
import { defaultConfig } from '../../src/config/defaults';
import { builtinRules as rules } from '../../src/rule-set';
import { Random } from './random';
import { median, percentile } from './measure';

export interface StageTimes {
  parseMs: number;
  classifyMs: number;
  rulesMs: number;
}

/** Median over `runs` passes of the mean per document; the first pass warms the JIT and is dropped. */
export function stageTimes(docs: readonly { path: string; text: string }[], runs: number): StageTimes {
  const config = defaultConfig();
  const passes: StageTimes[] = [];
  for (let run = 0; run <= runs; run++) {
    let parse = 0;
    let cls = 0;
    let all = 0;
    for (const d of docs) {
      let t = performance.now();
      const doc = parseMarkdown(d.text, d.path);
      parse += performance.now() - t;
      t = performance.now();
      classify(doc, { filePath: d.path, config });
      cls += performance.now() - t;
      t = performance.now();
      lintParsed(doc, { filePath: d.path, config, rules });
      all += performance.now() - t;
    }
    // lintParsed classifies again before the rules run: the rules are what it adds.
    if (run > 0)
      passes.push({
        parseMs: parse / docs.length,
        classifyMs: cls / docs.length,
        rulesMs: Math.max(0, all - cls) / docs.length,
      });
  }
  return {
    parseMs: median(passes.map((p) => p.parseMs)),
    classifyMs: median(passes.map((p) => p.classifyMs)),
    rulesMs: median(passes.map((p) => p.rulesMs)),
  };
}

export interface EditLatency {
  bytes: number;
  stories: number;
  edits: number;
  /** Each lint parses the whole text, as a CLI run does. */
  full: Percentiles;
  /** Before section reuse: the incremental parser re-parses what the edit touched, classification and rules run on all of it (nothing is collected for checks across files). */
  incremental: Percentiles;
  /** Of that lint: the parse alone, and classification plus rules. */
  incrementalParse: Percentiles;
  incrementalRest: Percentiles;
  /** The editor's way: the incremental parse, and classification and rule results reused for untouched top-level sections (LintReuse). */
  reused: Percentiles;
  /** Of that lint: classification plus rules (the parse is the one above). */
  reusedRest: Percentiles;
  /** Edits the incremental parser handled without a full parse. */
  partialParses: number;
  /** Section checks of rules of scope 'section' that were reused, and that ran. */
  sectionChecks: { reused: number; checked: number };
  /** Whether every reused lint gave the full lint's findings. */
  identical: boolean;
}

export interface Percentiles {
  p50: number;
  p95: number;
  max: number;
}

function percentiles(times: number[]): Percentiles {
  return { p50: median(times), p95: percentile(times, 95), max: Math.max(...times) };
}

/** A one-character edit at a seeded place: mostly typing, sometimes a deletion. */
function keystroke(r: Random, text: string): string {
  const at = r.int(0, text.length - 1);
  return r.chance(0.25)
    ? text.slice(0, at) + text.slice(at + 1)
    : `${text.slice(0, at)}${r.pick(['a', ' ', 'e', '.'])}${text.slice(at)}`;
}

/**
 * One-character edits (insertions, and deletions of a character) at seeded places in the backlog, each
 * followed by the lint the editor runs; the full and the incremental lint take turns on the same texts.
 */
export function editLatency(text: string, edits: number): EditLatency {
  const config = defaultConfig();
  const r = new Random(99);
  const options = { filePath: 'backlog.md', config, rules };
  const parser = new IncrementalParser();
  const reuseParser = new IncrementalParser();
  const reuse = new LintReuse();
  let current = text;
  lintDocument(current, options);
  lintDocument(current, { ...options, parser, crossFile: false });
  lintDocument(current, { ...options, parser: reuseParser, reuse, crossFile: false });
  const full: number[] = [];
  const incremental: number[] = [];
  const parse: number[] = [];
  const rest: number[] = [];
  const reused: number[] = [];
  const reusedRest: number[] = [];
  let identical = true;
  for (let i = 0; i < edits; i++) {
    current = keystroke(r, current);
    let t = performance.now();
    const reference = lintDocument(current, options).result;
    full.push(performance.now() - t);
    t = performance.now();
    const doc = parser.parse(current, options.filePath);
    const parsed = performance.now();
    lintParsed(doc, { ...options, crossFile: false });
    const done = performance.now();
    parse.push(parsed - t);
    rest.push(done - parsed);
    incremental.push(done - t);
    t = performance.now();
    const reusedDoc = reuseParser.parse(current, options.filePath);
    const reusedParsed = performance.now();
    const result = lintParsed(reusedDoc, { ...options, reuse, crossFile: false }).result;
    const reusedDone = performance.now();
    reused.push(reusedDone - t);
    reusedRest.push(reusedDone - reusedParsed);
    identical &&= JSON.stringify(result) === JSON.stringify(reference);
  }
  return {
    bytes: Buffer.byteLength(text),
    stories: (text.match(/^## /gm) ?? []).length,
    edits,
    full: percentiles(full),
    incremental: percentiles(incremental),
    incrementalParse: percentiles(parse),
    incrementalRest: percentiles(rest),
    reused: percentiles(reused),
    reusedRest: percentiles(reusedRest),
    partialParses: parser.stats.partial,
    sectionChecks: { ...reuse.stats },
    identical,
  };
}

export interface WorkerLatency {
  edits: number;
  /** From posting the edited text to the worker until its findings are back on this thread. */
  roundTrip: Percentiles;
  /** Time this thread was busy meanwhile (sending, receiving and decoding): what the extension host pays. */
  hostBusy: Percentiles;
  findings: number;
}

/** The editor's path end to end: the same edits, linted by the extension's worker thread (dist/lint-worker.js). */
export async function workerLatency(text: string, edits: number, workerScript: string): Promise<WorkerLatency> {
  const config = defaultConfig();
  const r = new Random(99);
  const client = new LintClient({ warn: (m) => console.error(m), error: (m) => console.error(m) }, workerScript);
  const key = 'file:///bench/backlog.md';
  let current = text;
  let findings = 0;
  const roundTrip: number[] = [];
  const busy: number[] = [];
  try {
    await client.lint(key, current, 'backlog.md', config);
    for (let i = 0; i < edits; i++) {
      current = keystroke(r, current);
      const elu = performance.eventLoopUtilization();
      const t = performance.now();
      const out = await client.lint(key, current, 'backlog.md', config);
      roundTrip.push(performance.now() - t);
      busy.push(performance.eventLoopUtilization(elu).active);
      // Sequential requests: none is superseded by a newer one of the same document.
      findings = out?.result.findings.length ?? 0;
    }
  } finally {
    client.dispose();
  }
  if (client.thread !== 'worker') throw new Error(`the bench needs ${workerScript}: run npm run build`);
  return { edits, roundTrip: percentiles(roundTrip), hostBusy: percentiles(busy), findings };
}
