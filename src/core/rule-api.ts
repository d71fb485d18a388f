/**
 * The one module rules import from the core: declaring a rule, what a check sees (context, document,
 * model), spans, fix helpers, text helpers and memoisation. Rules reaching past it into other core
 * modules would tie the core's internals to every rule; test/unit/architecture.test.ts keeps it so.
 */
export { defineRule, docsUrl, ruleMetaSchema } from './rule';
export type { CrossFileItem, CrossFileReport, ReportInput, Rule, RuleContext, RuleDefinition, RuleMeta } from './rule';
export type { ArtifactKind, Fix, Pack, Role, Span, TextEdit } from './types';
export { ARTIFACT_KINDS, MAX_MESSAGE_LENGTH } from './types';
export type { FrontMatter, FrontMatterEntry, ParsedDocument } from './document';
export { lineEndAt, nodeSpan, nodesSpan, spanOf } from './document';
export type * from './model';
export { insertionFix, renderBlock } from './fixes';
export { escapeRegExp, normalizeLabel, offsets, plainText, termAlternation } from './classify/text';
export { sectionKind, sectionKinds, type SectionKind } from './classify/sections';
export { isPlaceholderStatement, opensWithBenefit } from './classify/statement';
export { KIND_ALIASES, kindFromName } from './classify/kind';
export { ROLE_ALIASES, roleFromName } from './roles';
export { memoByText } from './memo';
export { closest } from './suggest';
export type { LoadedPack, PackData, PackRuleData } from '../config/pack-schema';
export { packSchema } from '../config/pack-schema';
