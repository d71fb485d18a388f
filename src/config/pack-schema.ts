/**
 * A rule pack as data: a name, a role and declarative rules over the document model, validated with zod
 * (the JSON Schema in schemas/backlog-lint-pack.schema.json is generated from this). Every list and
 * string is bounded, so a hostile pack is refused with a key path instead of slowing every lint.
 */
import { z } from 'zod';
import { ACTIVE_SEVERITIES, PACKS, type ActiveSeverity, type Pack } from '../core/types';

/** Bounds: far above any team's Definition of Ready, far below what could slow a lint. */
export const PACK_LIMITS = {
  bytes: 256 * 1024,
  rules: 200,
  terms: 500,
  aliases: 100,
  patternLength: 200,
  text: 2000,
  template: 16 * 1024,
} as const;

const id = z
  .string()
  .max(64)
  .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'expected a kebab-case id (story-estimate)');
const text = z.string().min(10, 'expected at least 10 characters').max(PACK_LIMITS.text);
const phrase = z.string().min(1).max(PACK_LIMITS.patternLength);
const severity = z.enum(ACTIVE_SEVERITIES as [ActiveSeverity, ...ActiveSeverity[]]);
const pattern = z
  .string()
  .min(1)
  .max(PACK_LIMITS.patternLength)
  .describe('A regular expression in RE2 syntax (no backreferences or lookaround), run in linear time.');
const sectioned = z.enum(['prd', 'epic', 'business-case']);
/** The section kinds the classifier knows, by their vocabulary names (src/core/vocab/sections/*.json). */
const sectionKind = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z][a-z-]*$/);

const common = {
  id,
  severity: severity.default('warning'),
  message: text.describe('What is wrong and what to do, in one short line.'),
  rationale: text.describe('Why the role needs it.'),
  description: text.optional().describe('One line for rule lists; defaults to the message.'),
  url: z.url().max(500).optional().describe('Where the rule is documented; findings link to it.'),
};

const aliases = z
  .record(
    z.string().regex(/^[a-z]{2}$/, 'expected a two-letter language code'),
    z.array(phrase).min(1).max(PACK_LIMITS.aliases),
  )
  .describe('Heading names per language (en, fr, de …), compared without case, numbering or markup.');

export const requireSectionSchema = z.strictObject({
  ...common,
  kind: z.literal('require-section'),
  artifact: sectioned,
  section: sectionKind
    .optional()
    .describe('A section kind the classifier knows (problem, audience, metrics, scope, risks, goals …).'),
  also: z.array(sectionKind).max(10).optional().describe('More section kinds that count as stating it.'),
  aliases: aliases.optional(),
  where: z
    .enum(['opening', 'anywhere'])
    .default('anywhere')
    .describe('Where a labelled line ("**Problem:** …") counts: in the opening summary, or anywhere.'),
  storiesCount: z
    .boolean()
    .default(false)
    .describe('A user story naming its role ("As a …") also states it (an audience, say).'),
  template: z
    .string()
    .min(1)
    .max(PACK_LIMITS.template)
    .optional()
    .describe("Markdown the fix inserts, in the pack's section order."),
  fixTitle: text.optional(),
});

const valueShape = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('number') }),
  z.strictObject({ type: z.literal('date') }),
  z.strictObject({ type: z.literal('one-of'), values: z.array(phrase).min(1).max(PACK_LIMITS.terms) }),
  z.strictObject({ type: z.literal('pattern'), pattern }),
]);

export const requireFieldSchema = z.strictObject({
  ...common,
  kind: z.literal('require-field'),
  on: z.enum(['story', 'roadmap-item', 'front-matter']).describe('What must carry the field.'),
  field: phrase.describe('The label ("Estimate" in "Estimate: 3"), column header or front-matter key.'),
  aliases: z.array(phrase).max(PACK_LIMITS.aliases).optional(),
  value: valueShape.optional().describe('The shape the value must have.'),
});

const scope = z.enum(['statement', 'criteria', 'story', 'document']).or(z.strictObject({ section: sectionKind }));

export const forbidTermsSchema = z.strictObject({
  ...common,
  kind: z.literal('forbid-terms'),
  terms: z
    .array(phrase)
    .min(1)
    .max(PACK_LIMITS.terms)
    .describe('Words or phrases, matched as whole words without case.'),
  patterns: z.array(pattern).max(50).optional(),
  scope: z.array(scope).min(1).max(10).default(['document']),
});

export const preferTermsSchema = z.strictObject({
  ...common,
  kind: z.literal('prefer-terms'),
  swap: z.record(phrase, phrase).describe('Term → the one to write instead.'),
  scope: z.array(scope).min(1).max(10).default(['document']),
});

export const limitSchema = z.strictObject({
  ...common,
  kind: z.literal('limit'),
  count: z.enum(['criteria-per-story', 'statement-words', 'roadmap-items-per-horizon', 'stories-per-backlog']),
  max: z.number().int().min(0).max(100000),
});

export const packRuleSchema = z.discriminatedUnion('kind', [
  requireSectionSchema,
  requireFieldSchema,
  forbidTermsSchema,
  preferTermsSchema,
  limitSchema,
]);

export const packSchema = z
  .strictObject({
    $schema: z.string().max(500).optional(),
    name: z
      .string()
      .max(64)
      .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'expected a kebab-case name (acme)')
      .describe('Prefix of its rule ids: acme/story-estimate.'),
    description: text.optional(),
    role: z.enum(PACKS as [Pack, ...Pack[]]).describe('The role whose reviews the pack speaks for.'),
    rules: z.array(packRuleSchema).min(1).max(PACK_LIMITS.rules),
  })
  .describe('A backlog-lint rule pack');

export type PackData = z.output<typeof packSchema>;
export type PackRuleData = z.output<typeof packRuleSchema>;

/** A pack as loaded: where it came from (for messages), and whether its ids carry its name. */
export interface LoadedPack {
  source: string;
  data: PackData;
  /** Built-in packs keep bare ids (prd-problem); a team's are namespaced (acme/story-estimate). */
  builtin?: boolean;
  /** Source and a fingerprint of its text: what caches and worker threads tell packs apart by. */
  key: string;
}
