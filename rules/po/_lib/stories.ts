/** Helpers shared by the PO rules: which stories are backlog items, and how story text is compared. */
import { opensWithBenefit } from '../../../src/core/rule-api';
import type { DocumentModel, Story } from '../../../src/core/rule-api';

/** Stories quoted in a PRD, epic or business case illustrate a need; only backlog items and story files are the PO's to check. */
export function backlogStories(model: DocumentModel): Story[] {
  return model.stories.filter((s) => s.parent === 'story' || s.parent === 'backlog');
}

/** Well-formed stories (a recognised template with role and means). */
export function wellFormedStories(model: DocumentModel): Story[] {
  return backlogStories(model).filter((s) => s.statement.template !== 'invalid');
}

/**
 * True when the story is written in English (or in a table whose language is unknown): rules whose word lists
 * are English stay silent on other languages rather than misread them.
 */
export function inEnglish(story: Story): boolean {
  return story.statement.language === undefined || story.statement.language === 'en';
}

const ARTICLES = new Set(['a', 'an', 'the']);

/** Lower-case word tokens without punctuation or articles: what two copies of a story still share. */
export function tokens(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []).filter((t) => !ARTICLES.has(t));
}

export function normalize(text: string): string {
  return tokens(text).join(' ');
}

/** A benefit clause that opens a sentence of its own ("… my cart. So that I can come back later.", "Damit kann ich …"). */
export { opensWithBenefit as benefitSentence };
