import type { List, RootContent, Table } from 'mdast';
import { sectionKind, sectionKinds } from '../../../src/core/rule-api';
import { offsets } from '../../../src/core/rule-api';
import { lineEndAt } from '../../../src/core/rule-api';
import type { Section } from '../../../src/core/rule-api';
import { defineRule, type RuleContext } from '../../../src/core/rule-api';
import docs from './README.md';
import words from './measurable.json';

const alternation = (list: readonly string[]): string => list.map((w) => w.replace(/ /g, '\\s+')).join('|');

/** What makes a metric measurable: a number not glued to a word ("p95" alone is a name, not a target), a comparison, a quarter, a deadline. */
const MEASURABLE: readonly RegExp[] = [
  /(?<![\p{L}\p{N}_])\d/u,
  /[%‰≥≤±<>→]/,
  /\b(?:q[1-4]|h[12]|fy\s?\d{2,4})\b/i,
  new RegExp(`\\b(?:${alternation(words.numberWords)})\\b`, 'i'),
  new RegExp(`\\bwithin\\s+(?:a|an|one|the\\s+first)\\s+(?:${alternation(words.periods)})s?\\b`, 'i'),
  new RegExp(
    `\\b(?:by|before|until|in)\\s+(?:the\\s+end\\s+of|end\\s+of|eoy|eoq|${alternation(words.months)})\\b`,
    'i',
  ),
  /\bfrom\s+[^\s,;.]+(?:\s+[^\s,;.]+)?\s+to\s+[^\s,;.]/i,
  new RegExp(`\\bno\\s+(?:${alternation(words.guardrails)})\\b`, 'i'),
];

/** A `<placeholder>` the template left (the placeholder rule reports it), as opposed to an HTML tag. */
const PLACEHOLDER = /<(?!\/?(?:br|b|i|em|strong|sup|sub|span|a|code|p|div|img)\b)[^<>\n]+>/i;
/** Sub-sections of a metrics section that describe how data is collected, not what success is. */
const NOT_METRICS =
  /\b(?:instrument\w*|telemetry|tracking|dashboards?|logging|methodology|method|data sources?|destination|where (?:we|to) (?:publish|report)|how (?:we|to) (?:track|collect|measure))\b/i;
/** A line that points at the metrics instead of being one ("targets in the table below"). */
const POINTER = /\b(?:below|as follows|(?:in|see) the (?:table|chart|dashboard|list))\b/i;
/** "Label: value" lines: a paragraph of them holds one metric per line. */
const LABELLED = /^[ \t]*[^:\n]{1,40}:[ \t]*\S/;

interface Unit {
  start: number;
  end: number;
}

/**
 * A binary criterion is testable as it stands: a state or an action that holds or does not, under a
 * condition ("Writes are blocked when the project is read-only", "A member cannot see another team's
 * files once removed").
 */
const BINARY = [
  new RegExp(
    String.raw`\b(?:is|are|gets?|becomes?|stays?|remains?|be)\s+(?:not\s+|never\s+|always\s+|automatically\s+)?\p{L}+(?:ed|en)\b[^.;]{0,200}?\b(?:${alternation(words.conditions)})\b`,
    'iu',
  ),
  new RegExp(
    String.raw`\b(?:cannot|can't|can\s+no\s+longer|never|always|must(?:\s+not)?|will\s+not|won't)\s+(?:be\s+)?\p{L}+[^.;]{0,200}?\b(?:${alternation(words.conditions)})\b`,
    'iu',
  ),
];
const NOT_BINARY = new RegExp(`\\b(?:${alternation(words.notBinary)})\\b`, 'i');
/** "Metric 1 (e.g. MAU)": a slot the template numbered, which the placeholder rule reports. */
const SLOT = new RegExp(
  String.raw`^(?:[-*+]|\d+[.)])?\s*(?:\[[ xX]\]\s*)?(?:\*\*|__)?\s*(?:${alternation(words.slotNouns)})\s+\d{1,2}(?:\s*(?:\*\*|__))?\s*(?:[:(–—-]|\|?$)`,
  'iu',
);

function binary(text: string): boolean {
  return BINARY.some((re) => re.test(text)) && !NOT_BINARY.test(text);
}

function measurable(text: string): boolean {
  const plain = text
    .replace(/^[ \t]*(?:[-*+]|\d+[.)])[ \t]+/gm, '')
    .replace(/\]\([^)\s]*\)/g, ']')
    .replace(/https?:\/\/\S+/g, '')
    .replace(/<\/?[a-z][^<>\n]*>/gi, ' ');
  return MEASURABLE.some((re) => re.test(plain)) || binary(plain);
}

/** Metrics sections that are neither inside another one nor inside a design section (where "Metrics" means instrumentation). */
function metricsSections(sections: readonly Section[]): Section[] {
  const parent = new Map<Section, Section>();
  for (const s of sections) for (const c of s.children) parent.set(c, s);
  return sections.filter((s) => {
    if (sectionKind(s.title) !== 'metrics') return false;
    for (let p = parent.get(s); p; p = parent.get(p)) {
      const kinds = sectionKinds(p.title);
      if (kinds.includes('metrics') || kinds.includes('requirements')) return false;
    }
    return true;
  });
}

/** Descendant sections to leave out: instrumentation notes and sections of another named kind (risks, scope …). */
function skippedRanges(section: Section): Unit[] {
  const out: Unit[] = [];
  const walk = (s: Section): void => {
    for (const c of s.children) {
      const kind = sectionKind(c.title);
      if ((kind && kind !== 'metrics') || NOT_METRICS.test(c.title)) out.push({ start: c.span.start, end: c.span.end });
      else walk(c);
    }
  };
  walk(section);
  return out;
}

function paragraphUnits(text: string, start: number, end: number): Unit[] {
  const lines: Unit[] = [];
  let at = start;
  for (const line of text.slice(start, end).split('\n')) {
    lines.push({ start: at, end: at + line.length });
    at += line.length + 1;
  }
  // A wrapped sentence is one metric; only lines that each carry a label are separate metrics.
  return lines.length > 1 && lines.every((l) => LABELLED.test(text.slice(l.start, l.end))) ? lines : [{ start, end }];
}

function units(ctx: RuleContext<unknown>, nodes: readonly RootContent[]): Unit[] {
  const text = ctx.doc.text;
  const out: Unit[] = [];
  const hasItems = nodes.some((n) => n.type === 'list' || n.type === 'table');
  // "Objectives:" over a list in an OKR section: the list states goals, the "Key results:" list the metrics.
  let goals = false;
  for (const node of nodes) {
    if (node.type === 'paragraph') {
      const label = /^([^:\n]{1,40}):\s*$/.exec(
        text
          .slice(...offsets(node))
          .replace(/[*_]/g, '')
          .trim(),
      )?.[1];
      if (label !== undefined) {
        const kinds = sectionKinds(label);
        goals = kinds.includes('goals') && !kinds.includes('metrics');
        continue;
      }
    }
    if (goals && node.type === 'list') {
      goals = false;
      continue;
    }
    goals = false;
    if (node.type === 'list') {
      for (const item of (node as List).children) {
        // "Slack metrics" over nested items is a group: the nested items are the metrics.
        const nested = item.children.find((c): c is List => c.type === 'list');
        const head = item.children[0];
        const said = head?.type === 'paragraph' ? text.slice(...offsets(head)).trim() : '';
        if (nested && said !== '' && !said.includes(':') && said.split(/\s+/).length <= 3) {
          for (const sub of nested.children) {
            const [s, e] = offsets(sub);
            out.push({ start: s, end: e });
          }
          continue;
        }
        const [s, e] = offsets(item);
        out.push({ start: s, end: e });
      }
    } else if (node.type === 'table') {
      for (const row of (node as Table).children.slice(1)) {
        const [s, e] = offsets(row);
        out.push({ start: s, end: e });
      }
    } else if (node.type === 'paragraph' && !hasItems) {
      out.push(...paragraphUnits(text, ...offsets(node)));
    }
  }
  return out.filter((u) => {
    const t = text.slice(u.start, u.end).trim();
    // An intro ("We track:"), a template row or an instrument name (`invites_sent_total`) is no metric to judge.
    return (
      t !== '' &&
      !t.endsWith(':') &&
      !POINTER.test(t) &&
      !PLACEHOLDER.test(t) &&
      !SLOT.test(t.replace(/^\|\s*/, '')) &&
      !/^(?:[-*+]|\d+[.)])?\s*(?:\[[ xX]\]\s*)?`/.test(t) &&
      !/^\|?[\s|]*$/.test(t)
    );
  });
}

/** The first line of a unit, without its list marker: what gets underlined. */
function firstLine(text: string, u: Unit): Unit {
  const end = lineEndAt(text, u.start, u.end);
  const marker = /^[ \t]*(?:[-*+]|\d+[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/.exec(text.slice(u.start, end));
  return { start: u.start + (marker ? marker[0].length : 0), end };
}

export default defineRule({
  meta: {
    id: 'metric-measurable',
    role: 'pm',
    artifacts: ['prd', 'epic', 'business-case'],
    severity: 'warning',
    description: 'A success metric has no number, target or baseline.',
    rationale:
      'A metric without a target cannot be met or missed; the Product Manager needs it to decide after launch whether to iterate, stop or move on.',
    fixable: false,
  },
  docs,
  check(ctx) {
    const artifact = ctx.model.sectioned;
    if (!artifact) return;
    const text = ctx.doc.text;
    for (const section of metricsSections(artifact.sections)) {
      const skipped = skippedRanges(section);
      const nodes = ctx.doc.root.children.filter((n) => {
        const [s, e] = offsets(n);
        return s >= section.heading.end && e <= section.span.end && !skipped.some((r) => s >= r.start && e <= r.end);
      });
      for (const unit of units(ctx, nodes)) {
        if (measurable(text.slice(unit.start, unit.end))) continue;
        ctx.report({
          artifact: artifact.kind,
          span: firstLine(text, unit),
          message: 'Metric has no number, baseline or target: say from what to what by when',
        });
      }
    }
  },
});
