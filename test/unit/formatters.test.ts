import * as assert from 'node:assert/strict';
import { FORMAT_NAMES, format, isFormatName, type FormatName } from '../../src/formatters';
import { allResults, cleanResult, context } from '../fixtures/formatters/results';

describe('formatters: format()', () => {
  it('lists the seven formats', () => {
    assert.deepEqual([...FORMAT_NAMES].sort(), ['github', 'gitlab', 'json', 'junit', 'markdown', 'sarif', 'stylish']);
  });

  it('recognises format names', () => {
    assert.ok(isFormatName('sarif'));
    assert.ok(!isFormatName('xml'));
    assert.ok(!isFormatName('toString'));
  });

  it('throws a helpful error for an unknown name from an unchecked caller', () => {
    assert.throws(() => format('xml' as FormatName, [], context()), /Unknown format "xml".*stylish/);
  });

  for (const name of FORMAT_NAMES) {
    it(`${name}: output ends with a newline or is empty`, () => {
      const out = format(name, allResults(), context());
      assert.ok(out.endsWith('\n'), `${name} output must end with a newline`);
      const clean = format(name, [cleanResult()], context());
      assert.ok(clean === '' || clean.endsWith('\n'));
    });

    it(`${name}: never prints the absolute cwd except in json`, () => {
      const out = format(name, allResults(), context());
      if (name === 'json') return;
      // SARIF names cwd once, as the %SRCROOT% base URI, never as a plain path.
      assert.ok(!out.includes(context().cwd), `${name} leaked the absolute cwd`);
    });
  }
});
