/**
 * Pieces of finding messages. A message is one short line (MAX_MESSAGE_LENGTH), so text quoted from the
 * document is cut to a few words: enough to recognise it in Problems, never enough to push the advice off the row.
 */

/** Longest quoted excerpt, in characters (quotes and ellipsis included). */
const QUOTE_MAX = 32;

/** `"text"`, white space collapsed and cut at a word boundary with "…" when longer than `max`. */
export function quote(text: string, max = QUOTE_MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length + 2 <= max) return `"${flat}"`;
  const room = max - 3;
  const cut = flat.slice(0, room);
  const space = cut.lastIndexOf(' ');
  return `"${(space > room / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…"`;
}

/** "a, b and 3 more": a list cut to its first few names. */
export function firstFew(names: readonly string[], shown = 3): string {
  if (names.length <= shown) return names.join(', ');
  return `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
}
