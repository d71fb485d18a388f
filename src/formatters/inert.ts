/**
 * Text quoted from a document or a file name is data, and must never act on what reads the output.
 * CI runners read workflow commands from every line a step prints: GitHub's runner takes a line that starts
 * with `::` (after leading white space) as a command, and `##[command]` anywhere in a line as its older
 * form; Azure Pipelines reads `##vso[…]`. Terminals act on ESC sequences. So every format keeps such text
 * from starting a line and breaks up the legacy command prefixes, each in its own syntax.
 */

/** Runs of the characters a reader may take as the end of a line (not only LF and CR), with tabs. */
const LINE_BREAKS = /[ \t]*[\n\r\v\f\t\u0085\u2028\u2029]+[ \t]*/g;
/** C0 and C1 controls (ESC and the one-byte CSI among them), and the bidi overrides that reorder a line on screen. */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** `##[` and `##vso[`: legacy workflow commands, recognised anywhere in a line. */
export const LEGACY_COMMAND = /##(?=(?:vso)?\[)/gi;

/**
 * For text shown on one line (stylish rows, test-report names): line breaks and tabs become one space,
 * other controls U+FFFD, and `##[` becomes `# #[` so no runner reads it as a command.
 */
export function oneLine(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(CONTROLS, '\uFFFD').replace(LEGACY_COMMAND, '# #');
}

/**
 * A relative path as printed at the start of a line: one that would begin with `:` or white space (and so
 * could read as `::command`) gets `./` in front, which names the same file.
 */
export function linePath(relative: string): string {
  return /^[\s:]/u.test(relative) ? `./${relative}` : relative;
}

/**
 * JSON text with the characters JSON.stringify leaves raw but some readers take as line breaks (U+0085,
 * U+2028, U+2029), and the `#` of a legacy command prefix, written as \u escapes: the same JSON value.
 * Outside strings JSON has none of these characters, so the whole text can be rewritten.
 */
export function inertJson(json: string): string {
  return json
    .replace(/[\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(LEGACY_COMMAND, '#\\u0023');
}
