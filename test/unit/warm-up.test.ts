/** The editor worker's warm-up (src/extension/warm-up.ts): real artifacts to lint, and it yields and stops. */
import * as assert from 'node:assert/strict';
import { defaultConfig } from '../../src/config/defaults';
import { warmUp, warmUpDocument } from '../../src/extension/warm-up';
import { lintDocument } from '../helpers/lint';

describe('editor worker warm-up', () => {
  it('lints artifacts the classifier recognises, and the rules report on them, without a problem', () => {
    for (let n = 0; n < 4; n++) {
      const { result } = lintDocument(warmUpDocument(n), { filePath: `/w/warm-${n}.md`, config: defaultConfig() });
      assert.equal(result.problem, undefined);
      assert.notEqual(result.artifact, null);
      assert.ok(result.findings.length > 0, 'the rules ran on it');
    }
  });

  it('lints one document per turn and stops once a real lint has run', async () => {
    const linted: number[] = [];
    let real = false;
    const done = warmUp(
      () => linted.push(linted.length),
      () => real,
    );
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    real = true;
    await done;
    assert.ok(linted.length >= 1 && linted.length <= 3, `${linted.length} warm-up lints`);
  });
});
