/**
 * `npm run stress` part: the incremental-lint property (test/fuzz/incremental-lint.ts) at length. Random
 * backlogs and PRDs under random edits; after every edit the editor's incremental lint must report what
 * a full lint reports. `npm test` runs 100 documents with a fixed seed; this runs more, with a new seed.
 *
 *   npm run stress -- --only incremental-lint [--runs N] [--seed N]
 */
import * as fc from 'fast-check';
import { incrementalLintProperty, type Counts } from '../../test/fuzz/incremental-lint';

export async function main(argv: string[]): Promise<number> {
  const flag = (name: string): number | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? Number(argv[i + 1]) : undefined;
  };
  const numRuns = flag('--runs') ?? 3000;
  const seed = flag('--seed') ?? Date.now() % 2 ** 31;
  const counts: Counts = { edits: 0, reused: 0, checked: 0 };
  const t = performance.now();
  const out = fc.check(incrementalLintProperty(counts), { numRuns, seed });
  const seconds = ((performance.now() - t) / 1000).toFixed(0);
  if (out.failed) {
    console.log(`incremental-lint: FAILED (seed ${seed}) after ${counts.edits} edits: ${String(out.errorInstance)}`);
    return 1;
  }
  console.log(
    `incremental-lint: ${numRuns} documents, ${counts.edits} lints equal to a full lint (seed ${seed}, ${seconds} s); section checks reused ${counts.reused}, re-run ${counts.checked}`,
  );
  return 0;
}
