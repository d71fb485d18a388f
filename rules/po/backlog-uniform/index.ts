import { z } from 'zod';
import type { Section, Story } from '../../../src/core/rule-api';
import { defineRule } from '../../../src/core/rule-api';
import docs from './README.md';

const options = z.strictObject({
  /** Also tell "I want" from "I can" / "I need" / "I would like" within Connextra stories. */
  distinguishWant: z.boolean().default(false),
});

const NAMES: Record<string, string> = {
  connextra: 'Connextra ("As a …")',
  job: 'job story ("When …")',
};

/** The template a story is written in; with `distinguishWant`, Connextra is split by its want verb. */
function shapeOf(story: Story, text: string, distinguishWant: boolean): string {
  const st = story.statement;
  if (st.template !== 'connextra' || !distinguishWant || !st.role || !st.means) return st.template;
  const verb =
    /\bi\s+(want|need|can|could|would\s+like|wish|should|must|am\s+able|expect|require)|\bi['’](?:d\s+like|m\s+able)/i.exec(
      text.slice(st.role.end, st.means.start),
    );
  const word = (verb?.[1] ?? verb?.[0] ?? 'want').toLowerCase().replace(/\s+/g, ' ');
  return `connextra:${word}`;
}

/**
 * The innermost heading section holding `offset`, or null before the first heading. Sections are in
 * document order and do not overlap, so a binary search finds it: a backlog has thousands of them.
 */
function sectionAt(sections: readonly Section[], offset: number): Section | null {
  let lo = 0;
  let hi = sections.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sections[mid] as Section;
    if (offset < s.span.start) hi = mid - 1;
    else if (offset >= s.span.end) lo = mid + 1;
    else return sectionAt(s.children, offset) ?? s;
  }
  return null;
}

function describe(shape: string): string {
  const [template, verb] = shape.split(':');
  return verb ? `"As a …, I ${verb.replace(/^i['’]/, '')} …"` : (NAMES[template as string] ?? shape);
}

export default defineRule({
  meta: {
    id: 'backlog-uniform',
    role: 'po',
    artifacts: ['backlog'],
    severity: 'info',
    description:
      'A backlog mixes story templates (Connextra and job stories); stories that deviate from the majority are reported.',
    rationale:
      'One template across a backlog lets the Product Owner and the team scan, compare and order stories quickly; a mix makes equal needs look different.',
    fixable: false,
  },
  docs,
  options,
  check(ctx) {
    const stories = ctx.model.backlog?.stories.filter((s) => s.statement.template !== 'invalid') ?? [];
    if (stories.length < 3) return;
    const shapes = stories.map((s) => shapeOf(s, ctx.doc.text, ctx.options.distinguishWant));
    const counts = new Map<string, number>();
    for (const s of shapes) counts.set(s, (counts.get(s) ?? 0) + 1);
    const ranked = [...counts].sort((a, b) => b[1] - a[1]);
    const [majority, second] = ranked;
    // A tie has no majority to align with; reporting either side would be arbitrary.
    if (!majority || !second || majority[1] === second[1]) return;
    // Job stories kept under their own heading ("## Job stories") are a deliberate second template, not a slip.
    const sections = stories.map((s) => sectionAt(ctx.model.sections, s.statement.span.start));
    const mixed = new Set(sections.filter((_sec, i) => shapes[i] === majority[0]).map((sec) => sec));
    stories.forEach((story, i) => {
      const shape = shapes[i] as string;
      if (shape === majority[0] || !mixed.has(sections[i] as Section | null)) return;
      ctx.report({
        artifact: 'story',
        span: story.statement.span,
        message: `Written as a ${describe(shape)}; ${majority[1]} of ${stories.length} use ${describe(majority[0])}: rewrite it alike`,
      });
    });
  },
});
