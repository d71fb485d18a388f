/**
 * Finding duplicate stories without comparing every pair. Two stories are the same when their
 * normalised text is equal, or when they have the same role and nearly the same goal (Jaccard ≥ 0.9 on
 * the goal's content words). Near matches use prefix filtering: two sets with Jaccard ≥ t share a word
 * among the first |A| − ⌈t·|A|⌉ + 1 of each in a global rare-first order, so only stories of the same
 * role sharing such a word are compared.
 */
export interface Entry {
  /** Normalised statement (no case, punctuation or articles). */
  text: string;
  /** Normalised role. */
  role: string;
  /** Content words of the goal. */
  means: string[];
}

export const THRESHOLD = 0.9;

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

/** For each entry, the index of the first earlier entry it duplicates (or -1). */
export function firstDuplicates(entries: readonly Entry[]): number[] {
  const sets = entries.map((e) => new Set(e.means));
  const freq = new Map<string, number>();
  for (const s of sets) for (const t of s) freq.set(t, (freq.get(t) ?? 0) + 1);
  const byText = new Map<string, number>();
  const index = new Map<string, number[]>();
  return entries.map((entry, i) => {
    const set = sets[i] as Set<string>;
    let found = byText.get(entry.text) ?? -1;
    const ordered = [...set].sort((a, b) => (freq.get(a) as number) - (freq.get(b) as number) || (a < b ? -1 : 1));
    const keys = ordered.slice(0, set.size - Math.ceil(THRESHOLD * set.size) + 1).map((t) => `${entry.role}\u0000${t}`);
    const seen = new Set<number>();
    for (const key of keys) {
      for (const j of index.get(key) ?? []) {
        if (seen.has(j) || (found >= 0 && j >= found)) continue;
        seen.add(j);
        if (jaccard(set, sets[j] as Set<string>) >= THRESHOLD) found = j;
      }
    }
    if (!byText.has(entry.text)) byText.set(entry.text, i);
    for (const key of keys) {
      const list = index.get(key) ?? [];
      list.push(i);
      index.set(key, list);
    }
    return found;
  });
}
