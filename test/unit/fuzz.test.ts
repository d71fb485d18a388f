/**
 * Short runs of the fuzz properties (test/fuzz/properties.ts) on generated and mutated Markdown; the long
 * run with figures is `npm run fuzz`. A failure prints the shrunk document and the seed to replay it.
 */
import * as fc from 'fast-check';
import { lintConfig, fileName } from '../fuzz/config';
import { markdownDocument, noise, structuredDocument } from '../fuzz/markdown';
import { checkDocument } from '../fuzz/properties';

describe('fuzz (short run): lint never throws, fixes never lose a byte and converge', function () {
  this.timeout(120000);

  it('holds for generated and mutated Markdown', () => {
    fc.assert(
      fc.property(
        markdownDocument(),
        lintConfig,
        fileName,
        (text, config, file) => void checkDocument(text, config, file),
      ),
      { numRuns: 400 },
    );
  });

  it('holds for story-heavy documents linted as backlogs', () => {
    fc.assert(
      fc.property(structuredDocument, lintConfig, (text, config) => void checkDocument(text, config, 'backlog.md')),
      { numRuns: 200 },
    );
  });

  it('holds for arbitrary strings, lone surrogates and control characters included', () => {
    fc.assert(
      fc.property(noise, lintConfig, fileName, (text, config, file) => void checkDocument(text, config, file)),
      { numRuns: 300 },
    );
  });
});
