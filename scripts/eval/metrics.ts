/** Precision, recall and F1 from per-item predictions against labels. */
export interface Scores {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export function score(items: readonly { predicted: boolean; actual: boolean }[]): Scores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const { predicted, actual } of items) {
    if (predicted && actual) tp++;
    else if (predicted) fp++;
    else if (actual) fn++;
    else tn++;
  }
  // An undefined ratio (nothing predicted, nothing labelled) is reported as null, never as a flattering 1 or 0.
  const precision = tp + fp > 0 ? tp / (tp + fp) : null;
  const recall = tp + fn > 0 ? tp / (tp + fn) : null;
  const f1 =
    precision !== null && recall !== null && precision + recall > 0
      ? (2 * precision * recall) / (precision + recall)
      : null;
  return { tp, fp, fn, tn, precision, recall, f1 };
}

export function fmt(n: number | null, digits = 2): string {
  return n === null ? '–' : n.toFixed(digits);
}
