/** Focus mode in the editor: which lines are held back as the user types, inserts a template and moves on. */
import * as assert from 'node:assert/strict';
import { outsideFocus } from '../../src/core/focus';
import { FocusTracker } from '../../src/extension/focus-tracker';

const typed = (line: number) => ({ startLine: line, newLines: 0, oldLines: 0 });

describe('focus mode: the lines being edited', () => {
  it('holds back nothing until the user types, so clicking a finding never hides it', () => {
    const t = new FocusTracker();
    assert.equal(t.moved('a', 4, 0), false);
    assert.deepEqual(t.focus('a', 0), []);
  });

  it('holds back the typed line while the cursor stays on it, and lets go when it leaves', () => {
    const t = new FocusTracker();
    t.edited('a', [typed(4)]);
    assert.equal(t.moved('a', 4, 0), false);
    assert.deepEqual(t.focus('a', 0), [{ fromLine: 5, toLine: 5 }]);
    assert.equal(t.moved('a', 9, 0), true, 'leaving the line republishes');
    assert.deepEqual(t.focus('a', 0), []);
    assert.equal(t.moved('a', 4, 0), false, 'coming back without typing holds nothing back');
    assert.deepEqual(t.focus('a', 0), []);
  });

  it('holds back a whole inserted template while the cursor tabs through it', () => {
    const t = new FocusTracker();
    t.edited('a', [{ startLine: 10, newLines: 5, oldLines: 0 }]);
    for (const line of [10, 12, 15]) assert.equal(t.moved('a', line, 0), false);
    assert.deepEqual(t.focus('a', 0), [{ fromLine: 11, toLine: 16 }]);
    t.edited('a', [typed(12)]);
    assert.deepEqual(t.focus('a', 0), [{ fromLine: 11, toLine: 16 }], 'typing in a slot keeps the block');
    assert.equal(t.moved('a', 17, 0), true);
  });

  it('grows with Enter at the end of the block and with lines inserted just above it', () => {
    const t = new FocusTracker();
    t.edited('a', [typed(3)]);
    t.edited('a', [{ startLine: 3, newLines: 1, oldLines: 0 }]);
    assert.deepEqual(t.focus('a', 0), [{ fromLine: 4, toLine: 5 }]);
    t.edited('a', [{ startLine: 2, newLines: 1, oldLines: 0 }]);
    assert.deepEqual(
      t.focus('a', 0),
      [{ fromLine: 3, toLine: 6 }],
      'shifted down by one and extended up to the new line',
    );
    t.edited('a', [{ startLine: 0, newLines: 2, oldLines: 0 }]);
    assert.deepEqual(t.focus('a', 0), [{ fromLine: 1, toLine: 3 }], 'an insert far above is an edit elsewhere');
  });

  it('an edit elsewhere starts a new block; the number setting widens the block', () => {
    const t = new FocusTracker();
    t.edited('a', [typed(3)]);
    t.edited('a', [typed(30)]);
    assert.deepEqual(t.focus('a', 0), [{ fromLine: 31, toLine: 31 }]);
    assert.equal(t.moved('a', 32, 2), false, 'within two lines of the block');
    assert.deepEqual(t.focus('a', 2), [{ fromLine: 29, toLine: 33 }]);
    t.forget('a');
    assert.deepEqual(t.focus('a', 2), []);
  });

  it('the published findings are those outside the focus', () => {
    const findings = [
      { line: 2, endLine: 2 },
      { line: 4, endLine: 6 },
      { line: 8, endLine: 8 },
    ];
    assert.deepEqual(outsideFocus(findings, [{ fromLine: 5, toLine: 5 }]), [findings[0], findings[2]]);
    assert.deepEqual(outsideFocus(findings, []), findings);
  });
});
