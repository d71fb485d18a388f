/** `--explain RULE`: the rule's documentation with its rationale right under the title, where a reader looks first. */
import type { Rule } from '../core/rule';

export function explanation(rule: Rule<any>): string {
  const docs = rule.docs.endsWith('\n') ? rule.docs : `${rule.docs}\n`;
  const why = `> **Why:** ${rule.meta.rationale}\n`;
  const title = /^# [^\n]*\n/.exec(docs);
  return title ? `${title[0]}\n${why}${docs.slice(title[0].length)}` : `${why}\n${docs}`;
}
