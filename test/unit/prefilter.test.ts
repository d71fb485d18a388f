/**
 * The two shortcuts around the full parse must never change a result:
 * - the autolink-free processor gives the same tree as remark-gfm for text without autolink triggers;
 * - a document the prefilter skips gets exactly what a full lint gives it (no artifact, no findings).
 * Both are checked on every Markdown file of the repository and on generated documents.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { lintText } from '../../src/core/engine';
import { fullProcessor, liteProcessor, mayHaveAutolinkLiteral } from '../../src/core/gfm-lite';
import { cannotBeArtifact } from '../../src/core/prefilter';
import { markdownDocument } from '../fuzz/markdown';
import { testConfig } from '../helpers/config';
import { REPO_ROOT } from '../helpers/rule-suite';

function markdownFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.') || entry.name === 'out' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) markdownFiles(full, out);
    else if (/\.(md|markdown)$/.test(entry.name)) out.push(full);
  }
  return out;
}

/** Takes away every autolink trigger, so the lite processor applies. */
const withoutTriggers = (text: string): string => text.replace(/@/g, ' at ').replace(/:\/\//g, ': //').replace(/www\./gi, 'www ');

/** Removes what remark's trees carry besides structure and offsets that could differ between processors. */
const tree = (processor: typeof fullProcessor, text: string): string => JSON.stringify(processor.parse(text));

/** Turns an artifact into ordinary Markdown often enough for the prefilter to say "skip". */
const plainVersion = (text: string): string => text.replace(/\bi\b/gi, 'we').replace(/^---/, '');

const corpus = markdownFiles(REPO_ROOT).map((f) => ({ file: f, text: fs.readFileSync(f, 'utf8').replace(/^\uFEFF/, '') }));
const config = testConfig();

describe('parse shortcuts', () => {
  it('finds Markdown in the repository to check', () => assert.ok(corpus.length > 50, `${corpus.length} files`));

  it('the autolink-free processor gives remark-gfm\'s tree on text without triggers (repository files)', () => {
    for (const { file, text } of corpus) {
      const clean = withoutTriggers(text);
      assert.equal(mayHaveAutolinkLiteral(clean), false);
      assert.equal(tree(liteProcessor, clean), tree(fullProcessor, clean), file);
    }
  });

  it('the autolink-free processor gives remark-gfm\'s tree on text without triggers (generated)', () => {
    fc.assert(
      fc.property(markdownDocument(), (doc) => {
        const clean = withoutTriggers(doc);
        assert.equal(tree(liteProcessor, clean), tree(fullProcessor, clean));
      }),
      { numRuns: 300 },
    );
  });

  it('sees every autolink trigger', () => {
    for (const t of ['mail me@x.io', 'see https://x.io', 'WWW.example.com', 'xmpp:a@b.c']) assert.ok(mayHaveAutolinkLiteral(t), t);
  });

  it('a document the prefilter skips lints to no artifact and no findings (repository files)', () => {
    let skipped = 0;
    for (const { file, text } of corpus) {
      for (const variant of [text, plainVersion(text)]) {
        const name = path.join(path.dirname(file), 'notes.md');
        if (!cannotBeArtifact(variant, name, config)) continue;
        skipped++;
        const full = lintText(variant, { filePath: name, config });
        assert.deepEqual({ artifact: full.artifact, findings: full.findings, suppressed: full.suppressed }, { artifact: null, findings: [], suppressed: [] }, file);
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
