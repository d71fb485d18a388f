/**
 * Finding categories, so a rule's finding can be compared with a reviewer's words. A rule id maps to the
 * categories it can report; a gold `what` text maps by keyword rules to the categories it names. A match
 * needs a category in common. Missing sections carry the section ("section:risks") so that a missing
 * audience does not count for a missing risks section.
 */
const RULE_CATEGORIES: Record<string, readonly string[]> = {
  'story-benefit': ['benefit'],
  'story-acceptance-criteria': ['acceptance criteria'],
  'acceptance-criteria-testable': ['acceptance criteria', 'vague term'],
  'story-atomic': ['atomicity'],
  'story-format': ['story format'],
  'backlog-uniform': ['story format'],
  'story-minimal': ['minimal'],
  'backlog-duplicate': ['duplicate'],
  'story-strategy-drift': ['strategy'],
  'ambiguous-language': ['vague term'],
  placeholder: ['placeholder'],
  'front-matter': ['front matter'],
  'prd-problem': ['section:problem'],
  'prd-audience': ['section:audience'],
  'prd-success-metrics': ['section:metrics'],
  'prd-scope': ['section:scope'],
  'prd-risks': ['section:risks'],
  'epic-objective': ['section:objective'],
  'prd-delivery-drift': ['delivery drift'],
  'metric-measurable': ['metric'],
  'roadmap-item-why': ['why'],
  'roadmap-item-horizon': ['horizon'],
};

/** The categories a rule reports; a rule this table does not know is its own category (and matches nothing). */
export function ruleCategories(ruleId: string): readonly string[] {
  return RULE_CATEGORIES[ruleId] ?? [ruleId];
}

/** Categories some rule reports: gold in other categories cannot be found by any rule. */
export const COVERED = new Set(Object.values(RULE_CATEGORIES).flat());

const SECTIONS: [RegExp, string][] = [
  [/\brisks?\b/, 'section:risks'],
  [/non-goals|out[- ]of[- ]scope|exclusions/, 'section:scope'],
  [/audience|target[- ]users?|target users|personas?/, 'section:audience'],
  [/success[- ]metrics?|metrics? section|\bkpis?\b/, 'section:metrics'],
  [/problem statement|problem (?:only )?implied|no problem\b/, 'section:problem'],
  [/\bobjective section|no objective/, 'section:objective'],
];

/** Keyword rules, first match wins per group; a text may name several categories. */
const WHAT_RULES: [RegExp, string][] = [
  [
    /placeholder|unfilled|unrendered|\{\{|replace this|empty (?:sections?|bullet|backlog rows|acceptance-criteria|date)|outline only|heading .*empty|sections? .*empty|template placeholder|\(html comment only\)|story template only inside|\btbd\b|\btodo\b/,
    'placeholder',
  ],
  [
    /\bvague|unmeasurable|not measurable|subjective|hedged|absolute claim|unverifiable|unspecified|weak want|without threshold|no measurable/,
    'vague term',
  ],
  [/features? in one story|two roles|story names two roles|several features/, 'atomicity'],
  [
    /no benefit|without benefit|benefit rows empty|empty so that|lacks? the "so i can"|no zodat|circular|benefit (?:restates|repeats)|business value restates|no role variety, no benefit/,
    'benefit',
  ],
  [/acceptance[- ]criteria|\bac\b|criteri(?:on|a)|critère|criterio|test step/, 'acceptance criteria'],
  [/rationale|\bwhy\b|what, rarely why/, 'why'],
  [
    /horizon|\bdates?\b|no timeline|time box|undated|\btbd\b|release target|timeline|not a commitment|quarters/,
    'horizon',
  ],
  [/stale|past releases|past-tense|accreted|last updated/, 'stale'],
  [/metric|\btarget\b|\bkpi|measur|baseline|\bslo\b|outcome|output/, 'metric'],
  [/without mitigation/, 'risk mitigation'],
  [/duplicate|identical|repeats stories/, 'duplicate'],
  [
    /grammar|typo|word error|missing verb|garbled|stray|third person|inconsistent pronoun|setext|cp1252|jargon/,
    'grammar',
  ],
  [
    /without .*structure|weak want|shared stem|stem plus|feature checkboxes|modified story format|written as user stor|titled .*user stories|titled 'use cases'/,
    'story format',
  ],
  [/technical|developer stories|implementation|team tasks|nfr /, 'technical story'],
  [/open questions?|to be determined|todo/, 'open question'],
  [/external|points to|lives on|contains no items|no items|per-subproject|project board/, 'external roadmap'],
  [/priority|prioriti|moscow|nice to have|stretch/, 'priority'],
];

/** The categories a gold `what` names; empty when no keyword rule knows it. */
export function whatCategories(what: string): string[] {
  const w = what.toLowerCase();
  const out = new Set<string>();
  // "no X section" / "no risks" / "X named only in prose": a missing or absent section.
  if (
    /^(?:no |template has no |roles section lists impacts but no |.*\bonly (?:implied|named|in|inside)\b|.*\b(?:named|stated) only\b|.*given but target users not identified|'cost-benefit analysis' heading present but no content)/.test(
      w,
    ) ||
    /\bno .*section/.test(w)
  ) {
    for (const [re, cat] of SECTIONS) if (re.test(w)) out.add(cat);
  }
  for (const [re, cat] of WHAT_RULES) {
    if (cat === 'metric' && [...out].some((c) => c.startsWith('section:') || c === 'horizon' || c === 'benefit'))
      continue;
    if (re.test(w)) out.add(cat);
  }
  return [...out];
}
