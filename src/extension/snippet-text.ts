/**
 * A fix's inserted text as snippet text: each `<placeholder>` of the role's template becomes a tab
 * stop, so Tab walks them as in "Create from template". Kept apart from `vscode` so it is unit-tested.
 */

/**
 * `<role>`, `<what problem users have, and why now>`: a letter first, no markup or line break inside,
 * not after a word character (`List<string>` is a generic type, not a slot to fill). The backslash of the
 * templates' `\<role>` (which keeps it visible in the preview) belongs to the slot, so typing over the
 * selected placeholder leaves no stray `\`.
 */
const SLOT = /(?<![\p{L}\p{N}_\\])\\?<[\p{L}][^<>\n`*]{0,200}>/gu;

/** Snippet syntax gives `$`, `}` and `\` meaning; everything else is literal. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/**
 * The snippet for `texts` (the edits of one fix, in document order), numbering tab stops across them
 * so no two slots are mirrored; undefined when the fix has no placeholder (a plain edit does).
 */
export function snippetsOf(texts: readonly string[]): string[] | undefined {
  let stop = 0;
  const out = texts.map((text) => {
    let snippet = '';
    let from = 0;
    for (const m of text.matchAll(SLOT)) {
      const at = m.index ?? 0;
      snippet += `${escapeSnippet(text.slice(from, at))}\${${++stop}:${escapeSnippet(m[0])}}`;
      from = at + m[0].length;
    }
    return snippet + escapeSnippet(text.slice(from));
  });
  return stop === 0 ? undefined : out;
}
