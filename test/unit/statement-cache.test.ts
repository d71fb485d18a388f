/** The memoised statement finder gives what findStatement gives, wherever the text sits, time after time. */
import * as assert from 'node:assert';
import * as fc from 'fast-check';
import { statementAt } from '../../src/core/classify/statement-cache';
import { findStatement } from '../../src/core/classify/statement';

const statementLike = fc
  .tuple(
    fc.constantFrom('', 'US-1: ', '**Story:** ', '1. '),
    fc.constantFrom('As a', 'As an', 'When'),
    fc.string({ maxLength: 12 }),
    fc.constantFrom(', I want to', ' I want', ', I want to\n'),
    fc.string({ maxLength: 20 }),
    fc.constantFrom('', ', so that', ' so I can', '. Extra sentence.'),
    fc.string({ maxLength: 12 }),
  )
  .map((parts) => parts.join(' '));

describe('statement cache', () => {
  it('equals findStatement at any offset, on first and repeated calls', () => {
    fc.assert(
      fc.property(
        fc.oneof(statementLike, fc.string({ maxLength: 40 })),
        fc.nat(100_000),
        fc.nat(100_000),
        (text, a, b) => {
          assert.deepStrictEqual(statementAt(text, a), findStatement(text, a));
          assert.deepStrictEqual(statementAt(text, b), findStatement(text, b));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('hands out copies: changing one result does not change the next', () => {
    const text = 'As a user, I want to export, so that I can file taxes.';
    const first = statementAt(text, 5);
    assert.ok(first?.means);
    first.means.start = -1;
    assert.strictEqual(statementAt(text, 5)?.means?.start, findStatement(text, 5)?.means?.start);
  });
});
