/**
 * No pattern the linter runs backtracks badly: every RegExp exercised while linting the rule fixtures is run
 * on inputs built from its own fragments, and every rule and the classifier lint adversarial documents.
 * Sizes are kept small so this completes quickly; it asserts completion, not speed.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../helpers/lint';
import { defaultConfig } from '../../src/config/defaults';
import { REPO_ROOT } from '../helpers/rule-suite';
import { adversarialDocuments, adversarialInputs, collectPatterns, exercise, lintAdversarial } from '../fuzz/regex';

function fixtureFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) fixtureFiles(full, out);
    else if (entry.name.endsWith('.md') && full.includes(`${path.sep}fixtures${path.sep}`)) out.push(full);
  }
  return out;
}

describe('regex safety', function () {
  this.timeout(120000);
  const fixtures = fixtureFiles(path.join(REPO_ROOT, 'rules'));
  const patterns = collectPatterns(() => {
    for (const file of fixtures)
      lintText(fs.readFileSync(file, 'utf8'), { filePath: path.basename(file), config: defaultConfig() });
    for (const doc of adversarialDocuments(50, 10)) lintAdversarial(doc);
  });

  it('collects the patterns the linter runs', () => {
    assert.ok(fixtures.length > 50, `rule fixtures found: ${fixtures.length}`);
    // The classifier and every rule use patterns; far fewer would mean the collection broke.
    assert.ok(patterns.length > 100, `patterns collected: ${patterns.length}`);
  });

  it('runs every collected pattern to completion on adversarial input built from its fragments', () => {
    for (const re of patterns) {
      for (const input of adversarialInputs(re, 2000)) exercise(re, input);
    }
  });

  for (const doc of adversarialDocuments(5000, 20)) {
    it(`lints an adversarial document: ${doc.name}`, () => lintAdversarial(doc));
  }
});
