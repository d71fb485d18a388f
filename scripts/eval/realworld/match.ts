/** One-to-one matching of gold and predicted items by line within a tolerance: as many pairs as possible, nearest preferred. */
export interface Matching<G, P> {
  pairs: { gold: G; pred: P }[];
  missed: G[];
  extra: P[];
}

export function matchByLine<G, P>(
  gold: readonly G[],
  pred: readonly P[],
  goldLine: (g: G) => number,
  predLine: (p: P) => number,
  tolerance: number,
  compatible: (g: G, p: P) => boolean = () => true,
): Matching<G, P> {
  // Per gold item, its candidates nearest first (ties in document order).
  const options = gold.map((g) =>
    pred
      .map((p, pi) => ({ pi, d: Math.abs(goldLine(g) - predLine(p)) }))
      .filter((c) => c.d <= tolerance && compatible(g, pred[c.pi] as P))
      .sort((a, b) => a.d - b.d || a.pi - b.pi)
      .map((c) => c.pi),
  );
  // A maximum matching (augmenting paths), so two adjacent gold lines each read one line off both match.
  const owner = new Array<number>(pred.length).fill(-1);
  const assign = (gi: number, seen: Set<number>): boolean => {
    for (const pi of options[gi] as number[]) {
      if (seen.has(pi)) continue;
      seen.add(pi);
      if (owner[pi] === -1 || assign(owner[pi] as number, seen)) {
        owner[pi] = gi;
        return true;
      }
    }
    return false;
  };
  for (let gi = 0; gi < gold.length; gi++) assign(gi, new Set());
  const pairs: { gold: G; pred: P }[] = [];
  const usedG = new Set<number>();
  owner.forEach((gi, pi) => {
    if (gi === -1) return;
    usedG.add(gi);
    pairs.push({ gold: gold[gi] as G, pred: pred[pi] as P });
  });
  return { pairs, missed: gold.filter((_, i) => !usedG.has(i)), extra: pred.filter((_, i) => owner[i] === -1) };
}

/** Precision / recall / F1 from counts; null where undefined. */
export function prf(
  tp: number,
  fp: number,
  fn: number,
): { tp: number; fp: number; fn: number; precision: number | null; recall: number | null; f1: number | null } {
  const precision = tp + fp > 0 ? tp / (tp + fp) : null;
  const recall = tp + fn > 0 ? tp / (tp + fn) : null;
  const f1 =
    precision !== null && recall !== null && precision + recall > 0
      ? (2 * precision * recall) / (precision + recall)
      : null;
  return { tp, fp, fn, precision, recall, f1 };
}
