/**
 * `--shard i/n`: the i-th of n deterministic slices of the file set, so the jobs of a CI matrix lint a
 * monorepo in parallel. Files are dealt round-robin over the sorted list (every job finds the same sorted
 * list from the same patterns and folder), which keeps the slices within one file of each other in count.
 */
export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export function parseShard(value: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count)
    throw new Error(`--shard expects i/n with 1 ≤ i ≤ n (e.g. 2/4); got '${value}'`);
  return { index, count };
}

/** The files of one shard, in their original order. */
export function selectShard<T>(sortedFiles: readonly T[], shard: Shard): T[] {
  return sortedFiles.filter((_, i) => i % shard.count === shard.index - 1);
}
