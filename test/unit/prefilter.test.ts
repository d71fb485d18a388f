/**
 * The two shortcuts around the full parse must never change a result:
 * - the processors without autolink literals or tables give the same tree as remark-gfm for text
 *   without what those need;
 * - a document the prefilter skips gets exactly what a full lint gives it (no artifact, no findings).
 * Both are checked on every Markdown file of the repository and on generated documents.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { lintText } from '../helpers/lint';
import { fullProcessor, gfmPartsFor, parseTree, processorFor, type GfmParts } from '../../src/core/gfm-lite';
import { checkStructure, TooComplexError } from '../../src/core/limits';
import { cannotBeArtifact } from '../../src/core/prefilter';
import { markdownDocument } from '../fuzz/markdown';
import { testConfig } from '../helpers/config';
import { REPO_ROOT } from '../helpers/rule-suite';

function markdownFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.') || entry.name === 'out' || entry.name === 'dist')
      continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) markdownFiles(full, out);
    else if (/\.(md|markdown)$/.test(entry.name)) out.push(full);
  }
  return out;
}

/** Takes away every autolink trigger, so the processor without autolink literals applies. */
const withoutAutolinks = (text: string): string =>
  text.replace(/@/g, ' at ').replace(/:\/\//g, ': //').replace(/www\./gi, 'www ');
/** Takes away every pipe and aligning colon, so the processor without tables applies. */
const withoutTables = (text: string): string => text.replace(/\|/g, '/').replace(/:(?=-)|(?<=-):/g, ';');

/** Each cheaper processor, with what makes a text fit it. */
const shortcuts: { name: string; parts: GfmParts; clean: (text: string) => string }[] = [
  { name: 'without autolink literals', parts: { autolinkLiterals: false, tables: true }, clean: withoutAutolinks },
  { name: 'without tables', parts: { autolinkLiterals: true, tables: false }, clean: withoutTables },
  {
    name: 'without either',
    parts: { autolinkLiterals: false, tables: false },
    clean: (t) => withoutTables(withoutAutolinks(t)),
  },
];

/** Removes what remark's trees carry besides structure and offsets that could differ between processors. */
const tree = (processor: typeof fullProcessor, text: string): string => JSON.stringify(processor.parse(text));

/** Turns an artifact into ordinary Markdown often enough for the prefilter to say "skip". */
const plainVersion = (text: string): string => text.replace(/\bi\b/gi, 'we').replace(/^---/, '');

const corpus = markdownFiles(REPO_ROOT).map((f) => ({
  file: f,
  text: fs.readFileSync(f, 'utf8').replace(/^\uFEFF/, ''),
}));
const config = testConfig();

describe('parse shortcuts', () => {
  it('finds Markdown in the repository to check', () => assert.ok(corpus.length > 50, `${corpus.length} files`));

  for (const { name, parts, clean } of shortcuts) {
    const processor = processorFor(parts);

    it(`the processor ${name} gives remark-gfm's tree on text it fits (repository files)`, () => {
      for (const { file, text } of corpus) {
        const fitting = clean(text);
        // The cleaning must really make the text one the shortcut is chosen for.
        if (!parts.autolinkLiterals) assert.equal(gfmPartsFor(fitting).autolinkLiterals, false);
        if (!parts.tables) assert.equal(gfmPartsFor(fitting).tables, false);
        assert.equal(tree(processor, fitting), tree(fullProcessor, fitting), file);
      }
    });

    it(`the processor ${name} gives remark-gfm's tree on text it fits (generated)`, () => {
      fc.assert(
        fc.property(markdownDocument(), (doc) => {
          const fitting = clean(doc);
          assert.equal(tree(processor, fitting), tree(fullProcessor, fitting));
        }),
        { numRuns: 300 },
      );
    });
  }

  it("parseTree gives remark-gfm's tree for any text (generated, with and without pipes and triggers)", () => {
    fc.assert(
      fc.property(
        markdownDocument(),
        fc.constantFrom<(t: string) => string>((t) => t, withoutAutolinks, withoutTables),
        (doc, vary) => {
          const text = vary(doc);
          assert.equal(JSON.stringify(parseTree(text)), tree(fullProcessor, text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("parseTree gives remark-gfm's tree for one-column tables without pipes", () => {
    for (const text of ['a\n:-\n', '\u0000---\n:---\n: :\n---\n', 'Title\n--:\nrow\n'])
      assert.equal(JSON.stringify(parseTree(text)), tree(fullProcessor, text));
  });

  it('sees every autolink trigger and every table', () => {
    for (const t of ['mail me@x.io', 'see https://x.io', 'WWW.example.com', 'xmpp:a@b.c'])
      assert.ok(gfmPartsFor(t).autolinkLiterals, t);
    for (const t of ['a | b\n- | -', '| a |\n| - |', 'a \\| b', 'a\n:-', 'a b\n--:', '\u0000---\n:---\n'])
      assert.ok(gfmPartsFor(t).tables, t);
    assert.deepEqual(gfmPartsFor('# Plain\n\ntext - with -- dashes\n---'), { autolinkLiterals: false, tables: false });
  });

  it('does not skip front matter behind two BOMs (fuzz-found)', () => {
    const text = '\uFEFF\uFEFF---\ntype: story\n\n---\n';
    assert.equal(cannotBeArtifact(text, 'notes.md', config), false);
    assert.equal(lintText(text, { filePath: 'notes.md', config }).artifact, 'story');
  });

  it('a document the prefilter skips lints to no artifact and no findings (repository files)', () => {
    let skipped = 0;
    for (const { file, text } of corpus) {
      for (const variant of [text, plainVersion(text)]) {
        const name = path.join(path.dirname(file), 'notes.md');
        if (!cannotBeArtifact(variant, name, config)) continue;
        skipped++;
        const full = lintText(variant, { filePath: name, config });
        assert.deepEqual(
          { artifact: full.artifact, findings: full.findings, suppressed: full.suppressed },
          { artifact: null, findings: [], suppressed: [] },
          file,
        );
      }
    }
    // The check must have something to check: ordinary Markdown (READMEs, docs) is skipped.
    assert.ok(skipped >= 5, `only ${skipped} documents skipped`);
  });

  it('a document the prefilter skips lints to no artifact and no findings (generated)', () => {
    let skipped = 0;
    fc.assert(
      fc.property(fc.oneof(markdownDocument(), markdownDocument().map(plainVersion)), (doc) => {
        if (!cannotBeArtifact(doc, 'notes.md', config)) return;
        // A document too deeply nested to parse is refused, not linted: nothing is lost by skipping it.
        try {
          checkStructure(doc);
        } catch (err) {
          if (err instanceof TooComplexError) return;
          throw err;
        }
        skipped++;
        const full = lintText(doc, { filePath: 'notes.md', config });
        assert.equal(full.artifact, null);
        assert.deepEqual(full.findings, []);
      }),
      { numRuns: 500 },
    );
    assert.ok(skipped > 0, 'no generated document was skipped');
  });

  it('never skips front matter, artifact file names, artifact globs, statements or named sections', () => {
    const plain = '# Notes\n\nSome text about the build.\n';
    assert.equal(cannotBeArtifact(plain, 'notes.md', config), true);
    assert.equal(cannotBeArtifact(`---\ntitle: x\n---\n${plain}`, 'notes.md', config), false);
    assert.equal(cannotBeArtifact(plain, 'login.story.md', config), false);
    assert.equal(cannotBeArtifact(plain, 'notes.md', testConfig({ artifact: 'prd' })), false);
    assert.equal(cannotBeArtifact(`${plain}\nAs a user, I want x.\n`, 'notes.md', config), false);
    assert.equal(cannotBeArtifact(`${plain}\n## Success **met**rics\n`, 'notes.md', config), false);
    assert.equal(cannotBeArtifact(`${plain}\nNon\n-goals\n---\n`, 'notes.md', config), false);
    assert.equal(cannotBeArtifact(`${plain}\n## Go&#97;ls\n`, 'notes.md', config), false);
    assert.equal(cannotBeArtifact(`${plain}\n| Item | Why |\n| --- | --- |\n`, 'notes.md', config), false);
    assert.equal(cannotBeArtifact(`${plain}\n## Q3\n`, 'notes.md', config), false);
  });
});
