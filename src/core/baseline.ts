/**
 * The baseline (`backlog-lint-baseline.json`): the findings a team accepted when it adopted backlog-lint,
 * so a run reports only new ones. Modelled on ESLint's bulk suppressions: counted per file and rule, so
 * moving or editing text does not break it. Each entry also keeps a short fingerprint of the line every
 * finding was on; they are only consulted when a file has more findings of a rule than recorded, to tell
 * the new ones from the old (ESLint then reports all of them, which buries the one new finding).
 * Pure: the CLI and the editor read and write the file themselves.
 */
import { z } from 'zod';
import type { Finding } from './types';

export const BASELINE_FILE_NAME = 'backlog-lint-baseline.json';
const VERSION = 1;

export interface BaselineEntry {
  count: number;
  /** One per recorded finding (a multiset, sorted); empty when unknown, and then counts alone decide. */
  fingerprints: string[];
}

/** Per file (relative to the baseline's folder, forward slashes), per rule id. */
export type Baseline = Map<string, Map<string, BaselineEntry>>;

export class BaselineError extends Error {
  constructor(
    readonly file: string,
    readonly keyPath: string | undefined,
    message: string,
  ) {
    super(`${file}: ${keyPath ? `${keyPath}: ` : ''}${message}`);
    this.name = 'BaselineError';
  }
}

const entrySchema = z.strictObject({
  count: z.number().int().min(0),
  fingerprints: z.array(z.string().regex(/^[0-9a-f]{1,16}$/)).optional(),
});
const baselineSchema = z.strictObject({
  version: z.literal(VERSION),
  files: z.record(z.string(), z.record(z.string(), entrySchema)),
});

export function parseBaseline(text: string, file: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new BaselineError(
      file,
      undefined,
      `not valid JSON (${(err as Error).message}); delete it and run with --update-baseline`,
    );
  }
  const parsed = baselineSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const keyPath = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
    throw new BaselineError(file, keyPath, issue?.message ?? 'not a backlog-lint baseline');
  }
  const baseline: Baseline = new Map();
  for (const [path, rules] of Object.entries(parsed.data.files)) {
    const entries = new Map<string, BaselineEntry>();
    for (const [ruleId, entry] of Object.entries(rules)) {
      if (entry.count > 0)
        entries.set(ruleId, { count: entry.count, fingerprints: [...(entry.fingerprints ?? [])].sort() });
    }
    if (entries.size > 0) baseline.set(path, entries);
  }
  return baseline;
}

/** Sorted keys, one fingerprint per line, trailing newline: the same findings always give the same bytes. */
export function serializeBaseline(baseline: Baseline): string {
  const files: Record<string, Record<string, { count: number; fingerprints: string[] }>> = {};
  for (const path of [...baseline.keys()].sort(byCodeUnit)) {
    const entries = baseline.get(path) as Map<string, BaselineEntry>;
    const rules: Record<string, { count: number; fingerprints: string[] }> = {};
    for (const ruleId of [...entries.keys()].sort(byCodeUnit)) {
      const entry = entries.get(ruleId) as BaselineEntry;
      if (entry.count > 0)
        rules[ruleId] = { count: entry.count, fingerprints: [...entry.fingerprints].sort(byCodeUnit) };
    }
    if (Object.keys(rules).length > 0) files[path] = rules;
  }
  return `${JSON.stringify({ version: VERSION, files }, null, 2)}\n`;
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The text of 1-based line `n` of a document, or undefined when the text is not at hand. */
export type LineText = (line: number) => string | undefined;

export function lineTextOf(text: string): LineText {
  const lines = text.split(/\r\n|\r|\n/);
  return (n) => lines[n - 1];
}

export const NO_TEXT: LineText = () => undefined;

/**
 * 13 hex digits (53 bits) of the finding's line with white space collapsed: survives the line moving or
 * being re-indented, changes when its words do. Non-cryptographic: it only tells findings of one rule in
 * one file apart, and no one gains by forging a collision.
 */
function fingerprint(finding: Finding, lineText: LineText): string | undefined {
  const line = lineText(finding.line);
  if (line === undefined) return undefined;
  const text = line.trim().replace(/\s+/g, ' ');
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0').slice(-13);
}

function byRule(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const group = groups.get(f.ruleId);
    if (group) group.push(f);
    else groups.set(f.ruleId, [f]);
  }
  return groups;
}

/** What `--update-baseline` records for one file's reported findings. */
export function recordFindings(findings: readonly Finding[], lineText: LineText): Map<string, BaselineEntry> {
  const entries = new Map<string, BaselineEntry>();
  for (const [ruleId, group] of byRule(findings)) {
    const prints = group.map((f) => fingerprint(f, lineText));
    entries.set(ruleId, {
      count: group.length,
      fingerprints: prints.every((p) => p !== undefined) ? (prints as string[]).sort(byCodeUnit) : [],
    });
  }
  return entries;
}

export interface HeldBack {
  /** The findings to report: those beyond what the baseline records. */
  kept: Finding[];
  held: number;
  /** Recorded findings that no longer occur (`--prune-baseline` drops them). */
  stale: number;
}

/**
 * Splits one file's findings against its baseline entries. Per rule: up to `count` findings are held back;
 * when there are more, the ones whose line fingerprint is recorded are held back (never more than
 * `count`) and all others are reported, since nothing tells which of them is the new one.
 */
export function holdBack(
  findings: readonly Finding[],
  entries: ReadonlyMap<string, BaselineEntry> | undefined,
  lineText: LineText,
): HeldBack {
  if (!entries || entries.size === 0) return { kept: [...findings], held: 0, stale: 0 };
  const dropped = new Set<Finding>();
  let stale = 0;
  for (const [ruleId, entry] of entries)
    stale += Math.max(0, entry.count - findings.filter((f) => f.ruleId === ruleId).length);
  for (const [ruleId, group] of byRule(findings)) {
    const entry = entries.get(ruleId);
    if (!entry) continue;
    if (group.length <= entry.count) {
      for (const f of group) dropped.add(f);
      continue;
    }
    const recorded = multiset(entry.fingerprints);
    let budget = entry.count;
    for (const f of group) {
      const print = budget > 0 ? fingerprint(f, lineText) : undefined;
      if (print === undefined || !take(recorded, print)) continue;
      dropped.add(f);
      budget--;
    }
  }
  return { kept: findings.filter((f) => !dropped.has(f)), held: dropped.size, stale };
}

/**
 * `--prune-baseline` for one file: each rule's count falls to what still occurs, and fingerprints that no
 * longer match go; nothing is ever added. Undefined when nothing of the file is left.
 */
export function pruneEntries(
  entries: ReadonlyMap<string, BaselineEntry>,
  findings: readonly Finding[],
  lineText: LineText,
): Map<string, BaselineEntry> | undefined {
  const current = recordFindings(findings, lineText);
  const pruned = new Map<string, BaselineEntry>();
  for (const [ruleId, entry] of entries) {
    const now = current.get(ruleId);
    if (!now) continue;
    const count = Math.min(entry.count, now.count);
    const left = multiset(now.fingerprints);
    const prints = entry.fingerprints.filter((p) => take(left, p));
    // Fingerprints only help when there is one per finding; a partial list would mislead.
    pruned.set(ruleId, { count, fingerprints: prints.length === count ? prints : [] });
  }
  return pruned.size > 0 ? pruned : undefined;
}

function multiset(items: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

function take(set: Map<string, number>, item: string): boolean {
  const n = set.get(item) ?? 0;
  if (n === 0) return false;
  set.set(item, n - 1);
  return true;
}
