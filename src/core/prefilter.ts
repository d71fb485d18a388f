/**
 * Cheap pre-classification: tells, from the raw text alone, that a document cannot be an artifact, so the
 * CLI can skip its parse. It is conservative by construction: it answers "skip" only when none of the
 * evidence classification looks at can be present —
 * - no front matter (it could name a `type:` or be broken YAML the front-matter rule reports), no `artifacts`
 *   glob and no artifact file name;
 * - no story statement: every English statement form needs a standalone "I" ("I want", "I'd like", "I'm able to"),
 *   and every other language's a want or stem phrase of `vocab/stories.json` ("wil ik", "je souhaite");
 * - no named section, horizon or roadmap column: every heading (ATX lines, the paragraph above a setext
 *   underline) and every table header (a line with `|`, and the line above one) is checked, markup stripped, for any section,
 *   horizon or roadmap-field alias, a year or quarter, and the title cues of epics, PRDs and business cases.
 *   Such a line that uses escapes, entities, links or HTML (which could hide a word from this check)
 *   counts as evidence.
 * test/unit/prefilter.test.ts runs both paths over fixtures and generated documents.
 */
import { withoutBoms } from './bom';
import { kindFromFileName } from './classify/kind';
import { SECTION_CUES } from './classify/sections';
import { STORY_CUE } from './classify/statement';
import { EMOJI } from './classify/text';
import designVocabulary from './vocab/design-doc.json';
import fieldVocabulary from './vocab/roadmap-fields.json';
import type { EffectiveConfig } from './types';

const aliasesOf = (vocab: Record<string, unknown>, skip: string[]): string[] =>
  Object.entries(vocab).flatMap(([k, v]) => (k === '$comment' || skip.includes(k) ? [] : (v as string[])));

/** Lower-case cue words; a heading or table header containing any of them (even inside a word) may be evidence. */
const CUES: readonly string[] = [
  ...new Set([
    ...SECTION_CUES,
    ...designVocabulary.product,
    // Title columns never make a table a roadmap on their own.
    ...aliasesOf(fieldVocabulary, ['title']),
    'epic',
    'business case',
    'prd',
    'product requirement',
    'product spec',
    'term',
    'road map',
    'roadmap',
    'feuille de route',
    'hoja de ruta',
    'roteiro',
    'routekaart',
    'fahrplan',
    'release',
    'version',
    'phase',
    'template',
    'product brief',
    'product vision',
    'feature spec',
  ]),
];
/** Years, months with years ("March 2026", "2026-03") and quarters or halves name horizons. */
const HORIZON_PATTERN = /\d{4}|(?<![a-z0-9])(?:q[1-4]|h[12])(?![a-z0-9])/;
/** Markup that could split or hide a word in a heading's plain text. */
const OPAQUE = /[&\\<]|\]\(|\]\[/;
const STANDALONE_I = /(?<![A-Za-z0-9])[iI](?![A-Za-z0-9])/;
const SETEXT_UNDERLINE = /^[ \t>]*(?:=+|-+)[ \t]*$/;

function isEvidence(line: string): boolean {
  if (OPAQUE.test(line)) return true;
  const plain = line
    .toLowerCase()
    .replace(EMOJI, '')
    .replace(/[*_`~[\]]/g, '')
    .replace(/\s+/g, ' ');
  // Section cues are in the word form classification compares: no accents, punctuation as spaces.
  const words = plain
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9+]+/g, ' ');
  const glued = words.replace(/ /g, '');
  return (
    HORIZON_PATTERN.test(plain) || CUES.some((cue) => plain.includes(cue) || words.includes(cue) || glued.includes(cue))
  );
}

/** Lines that could be (part of) a heading or a table header. */
function candidateLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.includes('#') || line.includes('|')) out.push(line);
    // A table's header row sits above its delimiter row, which is the line that surely has a pipe.
    if (i > 0 && line.includes('|')) out.push(lines[i - 1] as string);
    if (i > 0 && SETEXT_UNDERLINE.test(line)) {
      // A setext heading is the whole paragraph above its underline: joined, so a phrase across lines is seen.
      let start = i;
      while (start > 0 && (lines[start - 1] as string).trim() !== '') start--;
      if (start < i) out.push(lines.slice(start, i).join(' '));
    }
  }
  return out;
}

/** True when classification would certainly find no artifact: the document can be reported clean unparsed. */
export function cannotBeArtifact(text: string, filePath: string | undefined, config: EffectiveConfig): boolean {
  if (config.artifact || kindFromFileName(filePath)) return false;
  // Every leading BOM, as the engine strips them (bom.ts): front matter can follow any number.
  const body = withoutBoms(text);
  if (body.startsWith('---')) return false;
  if (STANDALONE_I.test(body) || STORY_CUE.test(body)) return false;
  return !candidateLines(body).some(isEvidence);
}
