/**
 * In-process figures: milliseconds per document for the parse, the classification and the rules, and the
 * time to re-lint a 1,000-story backlog after a one-character edit (what the editor pays per keystroke).
 */
import { classify } from '../../src/core/classify';
import { lintDocument, lintParsed } from '../../src/core/engine';
import { parseMarkdown } from '../../src/core/parse';
import { defaultConfig } from '../../src/config/defaults';
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
      lintParsed(doc, { filePath: d.path, config });
      all += performance.now() - t;
    }
    // lintParsed classifies again before the rules run: the rules are what it adds.
    if (run > 0) passes.push({ parseMs: parse / docs.length, classifyMs: cls / docs.length, rulesMs: Math.max(0, all - cls) / docs.length });
  }
  return { parseMs: median(passes.map((p) => p.parseMs)), classifyMs: median(passes.map((p) => p.classifyMs)), rulesMs: median(passes.map((p) => p.rulesMs)) };
}

export interface EditLatency {
  bytes: number;
  stories: number;
  edits: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

/** One-character insertions at seeded places in the backlog, each followed by the lint the editor runs. */
export function editLatency(text: string, edits: number): EditLatency {
  const config = defaultConfig();
  const r = new Random(99);
  let current = text;
  lintDocument(current, { filePath: 'backlog.md', config });
  const times: number[] = [];
  for (let i = 0; i < edits; i++) {
    const at = r.int(0, current.length);
    current = `${current.slice(0, at)}${r.pick(['a', ' ', 'e', '.'])}${current.slice(at)}`;
    const t = performance.now();
    lintDocument(current, { filePath: 'backlog.md', config });
    times.push(performance.now() - t);
  }
  return { bytes: Buffer.byteLength(text), stories: (text.match(/^## /gm) ?? []).length, edits, p50Ms: median(times), p95Ms: percentile(times, 95), maxMs: Math.max(...times) };
}
