/**
 * The incremental parser must give exactly the tree a full parse gives, after any edit: random documents
 * (test/fuzz/markdown.ts) under random sequences of edits, with the snippets that open and close blocks
 * across chunks (fences, HTML comments, headings, definitions, front matter, line endings).
 */
import * as assert from 'node:assert';
import * as fc from 'fast-check';
import { IncrementalParser } from '../../src/core/incremental-parse';
import { parseMarkdown } from '../../src/core/parse';
import { structuredDocument } from '../fuzz/markdown';

const SNIPPETS = [
  '\n',
  '\n\n',
  '\r',
  '\r\n',
  '#',
  '## New story\n\nAs a user, I want x, so that y.\n',
  '\n## H\n',
  '```',
  '\n```\n',
  '~~~\n',
  '<!--',
  '-->',
  '<div>',
  '\n\n',
  '[a]: https://x.y',
  '[^1]: note',
  '---\n',
  '- ',
  '> ',
  '| a |\n| - |\n',
  '    ',
  'word',
  'As a',
  ' ',
];

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.integer({ min: 0, max: 9999 }).map((n) => n / 10000),
  remove: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 60 }) }),
  insert: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 6 }), fc.constant('')),
});

/** Documents with many top-level sections, so most edits fall between two of them. */
const sectioned = fc
  .array(fc.tuple(fc.constantFrom('#', '##', '###', '## ', '##'), structuredDocument), { minLength: 2, maxLength: 6 })
  .map((parts) => parts.map(([h, body], i) => `${h} Section ${i}\n\n${body}\n`).join('\n'));

function apply(text: string, e: Edit): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(at + e.remove);
}

function sameAsFullParse(parser: IncrementalParser, text: string): void {
  const doc = parser.parse(text, 'backlog.md');
  const full = parseMarkdown(text, 'backlog.md');
  assert.deepStrictEqual(doc.root, full.root);
  assert.deepStrictEqual(doc.frontMatter, full.frontMatter);
  assert.deepStrictEqual(doc.lines, full.lines);
}

describe('incremental parse', () => {
  it("gives the full parse's tree after every edit of a sequence", function () {
    this.timeout(120000);
    let partial = 0;
    fc.assert(
      fc.property(
        sectioned,
        fc.array(edit, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        (base, edits, eol) => {
          const parser = new IncrementalParser();
          let text = base.replace(/\n/g, eol);
          sameAsFullParse(parser, text);
          for (const e of edits) {
            text = apply(text, e);
            sameAsFullParse(parser, text);
          }
          partial += parser.stats.partial;
        },
      ),
      { numRuns: 300 },
    );
    // The property is only worth something if most edits took the partial path.
    assert.ok(partial > 300, `only ${partial} partial re-parses`);
  });

  it('re-parses one section for a keystroke inside it, and the whole text when a definition is added', () => {
    const parser = new IncrementalParser();
    const sections = Array.from(
      { length: 50 },
      (_, i) => `## S-${i}: Story\n\nAs a user, I want thing ${i}, so that I win.\n`,
    );
    let text = sections.join('\n');
    parser.parse(text, 'backlog.md');
    text = text.replace('thing 7', 'thing 77');
    sameAsFullParse(parser, text);
    assert.deepStrictEqual(parser.stats, { partial: 1, full: 1 });
    text += '\n[ref]: https://example.com\n';
    sameAsFullParse(parser, text);
    assert.strictEqual(parser.stats.full, 2);
  });

  it('takes the section before into the re-parse when an edit turns a heading into text', () => {
    const parser = new IncrementalParser();
    let text = '# A\n\n## B\n\nbody b\n\n## C\n\nbody c\n\n## D\n\nbody d\n';
    parser.parse(text, 'backlog.md');
    text = text.replace('## C', 'x## C');
    sameAsFullParse(parser, text);
    assert.deepStrictEqual(parser.stats, { partial: 1, full: 1 });
  });

  it('falls back to a full parse when an edit opens a fence that swallows the sections after it', () => {
    const parser = new IncrementalParser();
    let text = '# A\n\ntext\n\n## B\n\nmore\n\n## C\n\nend\n';
    parser.parse(text, 'backlog.md');
    text = text.replace('text', '```\ntext');
    sameAsFullParse(parser, text);
    assert.ok(
      parser.parse(text, 'backlog.md').root.children.every((n) => n.type !== 'heading' || n.position?.start.line === 1),
    );
  });
});
