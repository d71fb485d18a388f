/**
 * Naive detectors the issue quotes figures for, scored on the same rows as the rules so the evaluation
 * can be checked against the issue author's counting: a conjunction regex over the goal, and the
 * OpenReq "vague" lexicon over the whole story.
 */
import * as fs from 'node:fs';
import type { LabelCheck, LabelledRow } from './labelled';
import { score, type Scores } from './metrics';
import { escapeRegExp } from '../../src/core/classify/text';

export interface Baseline {
  name: string;
  /** The check (labels.json name) it is scored against. */
  check: string;
  predict(story: string): boolean;
}

export interface BaselineResult {
  name: string;
  check: string;
  scores: Scores;
}

/** The goal: after "I want / need / would like / can", up to "so that" / "in order to". */
function goalOf(story: string): string {
  const m = /\bI\s+(?:want|need|would\s+like|can)\b(.*)/i.exec(story);
  const rest = m ? (m[1] ?? '') : story;
  const end = rest.search(/,?\s*\b(?:so\s+that|in\s+order\s+to)\b/i);
  return end === -1 ? rest : rest.slice(0, end);
}

export const conjunctionBaseline: Baseline = {
  name: 'naive conjunction regex ("and" in the goal)',
  check: 'story-atomic',
  predict: (story) => /\band\b/i.test(goalOf(story)),
};

/** The OpenReq `vague` lexicon (lex_lexical.json), when the corpus ships it; words and punctuation as listed. */
export function openReqBaseline(lexiconFile: string): Baseline | null {
  if (!fs.existsSync(lexiconFile)) return null;
  const lexicon = JSON.parse(fs.readFileSync(lexiconFile, 'utf8')) as Record<string, { lexicon?: string[] }>;
  // The published list spells "fi"/"fl" with ligatures; the stories do not.
  const words = (lexicon.vague?.lexicon ?? []).map((w) => w.normalize('NFKC').toLowerCase());
  if (words.length === 0) return null;
  const alternatives = words
    .sort((a, b) => b.length - a.length)
    .map((w) => (/^\w.*\w$|^\w$/.test(w) ? `\\b${escapeRegExp(w)}\\b` : escapeRegExp(w)));
  const re = new RegExp(alternatives.join('|'), 'i');
  return {
    name: 'OpenReq "vague" lexicon (whole story)',
    check: 'ambiguous-language',
    predict: (story) => re.test(story),
  };
}

export function scoreBaseline(baseline: Baseline, rows: readonly LabelledRow[], check: LabelCheck): BaselineResult {
  const items = rows
    .filter((r) => (r.cells[check.column] ?? '') !== '')
    .map((r) => ({
      predicted: baseline.predict(r.story),
      actual: check.positive.includes(r.cells[check.column] ?? ''),
    }));
  return { name: baseline.name, check: check.name, scores: score(items) };
}
