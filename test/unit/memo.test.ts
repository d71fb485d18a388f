/** Memo tables keep what the last two lints used, and nothing older. */
import * as assert from 'node:assert/strict';
import { memoByText, nextMemoGeneration } from '../../src/core/memo';

describe('memoByText', () => {
  const counting = () => {
    const calls: string[] = [];
    const upper = memoByText(
      (s: string) => s,
      (s: string) => {
        calls.push(s);
        return s.toUpperCase();
      },
    );
    return { calls, upper };
  };

  it('computes a text once per lint', () => {
    const { calls, upper } = counting();
    nextMemoGeneration();
    assert.equal(upper('a'), 'A');
    assert.equal(upper('a'), 'A');
    assert.deepEqual(calls, ['a']);
  });

  it('finds in the next lint what the last one used, and keeps it while it is used', () => {
    const { calls, upper } = counting();
    nextMemoGeneration();
    upper('a');
    for (let i = 0; i < 5; i++) {
      nextMemoGeneration();
      upper('a');
    }
    assert.deepEqual(calls, ['a']);
  });

  it('forgets what the last two lints did not use', () => {
    const { calls, upper } = counting();
    nextMemoGeneration();
    upper('a');
    upper('b');
    nextMemoGeneration();
    upper('b');
    nextMemoGeneration();
    upper('b');
    upper('a');
    assert.deepEqual(calls, ['a', 'b', 'a']);
  });

  it('starts afresh after lints that did not call it', () => {
    const { calls, upper } = counting();
    nextMemoGeneration();
    upper('a');
    nextMemoGeneration();
    nextMemoGeneration();
    upper('a');
    assert.deepEqual(calls, ['a', 'a']);
  });

  it('caches results that are null or undefined', () => {
    let calls = 0;
    const none = memoByText(
      (s: string) => s,
      () => {
        calls++;
        return undefined;
      },
    );
    nextMemoGeneration();
    none('x');
    none('x');
    assert.equal(calls, 1);
  });
});
