import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { parseCsv } from '../../scripts/eval/csv';
import { runEval } from '../../scripts/eval/evaluate';
import { score } from '../../scripts/eval/metrics';
import { REPO_ROOT } from '../helpers/rule-suite';

const CORPUS = path.join(REPO_ROOT, 'test', 'fixtures', 'eval');

describe('eval: metrics', () => {
  it('computes precision, recall and F1 from counts', () => {
    const items = [
      ...Array.from({ length: 3 }, () => ({ predicted: true, actual: true })),
      { predicted: true, actual: false },
      ...Array.from({ length: 3 }, () => ({ predicted: false, actual: true })),
      { predicted: false, actual: false },
    ];
    const s = score(items);
    assert.deepEqual([s.tp, s.fp, s.fn, s.tn], [3, 1, 3, 1]);
    assert.equal(s.precision, 0.75);
    assert.equal(s.recall, 0.5);
    assert.equal(s.f1, 0.6);
  });
  it('leaves undefined ratios undefined instead of 0 or 1', () => {
    const s = score([{ predicted: false, actual: false }]);
    assert.deepEqual([s.precision, s.recall, s.f1], [null, null, null]);
  });
  it('reads quoted CSV fields with commas, quotes and line breaks', () => {
    assert.deepEqual(parseCsv('a,b\n"x, ""y""","1\n2"\n'), [{ a: 'x, "y"', b: '1\n2' }]);
  });
});

describe('eval: fixture corpus', () => {
  const summary = runEval(CORPUS);
  const checks = summary.labelled[0]?.checks ?? [];
  const counts = (name: string) => {
    const c = checks.find((x) => x.name === name);
    assert.ok(c, `no check ${name}`);
    return { labelled: c.labelled, tp: c.scores.tp, fp: c.scores.fp, fn: c.scores.fn, tn: c.scores.tn };
  };

  it('scores story-atomic per story against the atomic column', () => {
    // P1 upload and share (TP), P2 name and date (FN: nouns), P3 create, edit and delete (FP: labelled atomic).
    assert.deepEqual(counts('story-atomic'), { labelled: 7, tp: 1, fp: 1, fn: 1, tn: 4 });
    const c = checks.find((x) => x.name === 'story-atomic');
    assert.equal(c?.scores.f1, 0.5);
    assert.deepEqual(c?.falsePositives.map((e) => e.id), ['P3']);
  });
  it('maps several label values to one positive class', () => {
    // brackets (S1, flagged) and not_minimal (S3, a line break inside the cell is not a second sentence).
    assert.deepEqual(counts('story-minimal'), { labelled: 7, tp: 1, fp: 0, fn: 1, tn: 5 });
  });
  it('leaves rows without a label out of the check', () => {
    assert.deepEqual(counts('ambiguous-language'), { labelled: 6, tp: 1, fp: 0, fn: 1, tn: 4 });
    assert.deepEqual(counts('ambiguous-language (Vagueness only)'), { labelled: 6, tp: 1, fp: 0, fn: 0, tn: 5 });
  });
  it('keeps every row with its findings and labels only when asked to', () => {
    assert.equal(summary.labelled[0]?.rows, undefined);
    const rows = runEval(CORPUS, { dump: true, nodeModules: [] }).labelled[0]?.rows ?? [];
    assert.equal(rows.length, 7);
    const p1 = rows.find((r) => r.id === 'P1');
    assert.deepEqual(p1?.findings['story-atomic'], ['and share']);
    assert.deepEqual(p1?.labels, { atomic: 'conjunctions', minimal: 'minimal', Unambiguous: 'Unambiguous' });
    assert.equal(p1?.group, 'photos');
  });
  it('skips checks whose column the file lacks', () => {
    assert.equal(checks.some((c) => c.name === 'backlog-duplicate'), false);
  });
  it('rates findings per 100 stories in one-story-per-line files and ignores word lists', () => {
    const st = summary.stories[0];
    assert.equal(st?.files, 1);
    assert.equal(st?.stories, 4);
    assert.equal(st?.rules['story-minimal']?.per100, 25);
  });
  it('measures PRD section recognition and story location in documents', () => {
    const d = summary.documents.find((x) => x.folder === 'specs');
    assert.deepEqual(d?.kinds, { prd: 1 });
    assert.deepEqual(
      Object.fromEntries(Object.entries(d?.sections ?? {}).map(([k, v]) => [k, [v.present, v.recognised]])),
      { Motivation: [1, 1], Goals: [1, 1], 'Non-Goals': [1, 1], Risks: [1, 1] },
    );
    assert.deepEqual(d?.stories, { inText: 1, located: 1 });
  });
  it('counts findings on ordinary Markdown and checks the targets', () => {
    assert.equal(summary.nonArtifacts.files, 1);
    assert.equal(summary.nonArtifacts.findings, 0);
    const atomic = summary.targets.find((t) => t.name === 'story-atomic F1');
    assert.deepEqual([atomic?.measured, atomic?.met], ['0.50', false]);
    assert.equal(summary.targets.find((t) => t.name === 'PRD sections recognised')?.met, true);
  });
});
