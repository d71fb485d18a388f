/** The editor's incremental lint reports exactly what a full lint reports (test/fuzz/incremental-lint.ts); the long run is `npm run stress -- --only incremental-lint`. */
import * as assert from 'node:assert';
import * as fc from 'fast-check';
import { incrementalLintProperty, type Counts } from '../fuzz/incremental-lint';

describe('incremental lint', () => {
  it("gives a full lint's findings after every edit of a sequence, on backlogs and PRDs", function () {
    this.timeout(180000);
    const counts: Counts = { edits: 0, reused: 0, checked: 0 };
    fc.assert(incrementalLintProperty(counts), { numRuns: 100, seed: 20261203 });
    // The property is only worth something if sections were reused (and some re-checked).
    assert.ok(counts.reused > counts.checked, `reused ${counts.reused} section checks, re-ran ${counts.checked}`);
  });
});
