/**
 * Fixes as text edits: rendering templates into insertions, applying fixes without overlap, and the
 * "disable for this line" edit. The CLI's --fix and the editor's quick fixes use exactly these edits.
 */
import type { InsertPoint } from './model';
import type { Finding, Fix, TextEdit } from './types';

/**
 * The line ending fixes insert: the document's own. CRLF when it has any (Windows editors), else LF, else a
 * lone CR (classic Mac files), so a fix never mixes line endings into a document that has only one kind.
 */
export function lineEndingOf(text: string): '\r\n' | '\n' | '\r' {
  if (text.includes('\r\n')) return '\r\n';
  if (text.includes('\n')) return '\n';
  return text.includes('\r') ? '\r' : '\n';
}

/**
 * Turns a Markdown template into the text to insert at `at`: headings shifted so the template's top
 * heading sits at `at.headingDepth`, every line indented by `at.indent`, separated from its neighbours.
 */
export function renderBlock(template: string, at: InsertPoint): string {
  const lines = template
    .replace(/\r\n?/g, '\n')
    .replace(/^\n+|\s+$/g, '')
    .split('\n');
  const depths = lines.map((l) => /^(#{1,6})\s/.exec(l)?.[1]?.length).filter((d): d is number => d !== undefined);
  const shift = depths.length > 0 && at.headingDepth > 0 ? at.headingDepth - Math.min(...depths) : 0;
  const body = lines
    .map((line) => {
      const h = /^(#{1,6})(\s.*)$/.exec(line);
      const shifted =
        h && shift !== 0 ? '#'.repeat(Math.min(6, Math.max(1, (h[1] as string).length + shift))) + h[2] : line;
      return shifted === '' ? '' : at.indent + shifted;
    })
    .join('\n');
  return at.before + body + at.after;
}

export function insertionFix(title: string, at: InsertPoint, template: string): Fix {
  return { title, edits: [{ range: [at.offset, at.offset], text: renderBlock(template, at) }] };
}

function extent(fix: Fix): [number, number] {
  let start = Infinity;
  let end = -Infinity;
  for (const e of fix.edits) {
    start = Math.min(start, e.range[0]);
    end = Math.max(end, e.range[1]);
  }
  return [start, end];
}

/**
 * Applies fixes bottom-up. A fix whose extent touches one already taken is skipped (a later pass of
 * --fix picks it up), so edits never overlap and two insertions never race for the same offset.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: Fix[]; skipped: Fix[] } {
  const ordered = fixes.filter((f) => f.edits.length > 0).map((fix) => ({ fix, range: extent(fix) }));
  ordered.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  let lastEnd = -1;
  for (const { fix, range } of ordered) {
    if (range[0] <= lastEnd || range[0] < 0 || range[1] > text.length) {
      skipped.push(fix);
      continue;
    }
    applied.push(fix);
    lastEnd = range[1];
  }
  const edits: TextEdit[] = applied
    .flatMap((f) => f.edits)
    .sort((a, b) => b.range[0] - a.range[0] || b.range[1] - a.range[1]);
  let out = text;
  for (const e of edits) out = out.slice(0, e.range[0]) + e.text + out.slice(e.range[1]);
  return { text: out, applied, skipped };
}

/**
 * "Disable <rule> for this line". Above ordinary lines it inserts a disable-next-line comment; in a
 * table row or list item, where a comment line would split the table or list, it puts a disable-line
 * comment at the end of the line instead. In a table row that is inside the last cell, before the
 * closing pipe: after it, the comment would make a cell of its own, one more than the header has
 * (markdownlint's table-column-count, MD056), while an HTML comment in a cell renders as nothing.
 */
export function disableNextLineFix(text: string, finding: Finding): Fix {
  const lineStart = text.lastIndexOf('\n', Math.max(0, finding.range[0] - 1)) + 1;
  const nl = text.indexOf('\n', lineStart);
  const lineEnd = nl === -1 ? text.length : nl > lineStart && text[nl - 1] === '\r' ? nl - 1 : nl;
  const line = text.slice(lineStart, lineEnd);
  const indent = /^[ \t>]*/.exec(line)?.[0] ?? '';
  const title = `Disable ${finding.ruleId} for this line`;
  if (/^\s*\|/.test(line)) {
    const row = line.replace(/[ \t]+$/, '');
    // A closing pipe that is not escaped (`\|` is a pipe inside the cell's text).
    const closed = row.length > 1 && row.endsWith('|') && !row.endsWith('\\|');
    const end = lineStart + (closed ? row.length - 1 : row.length);
    let at = end;
    while (closed && at > lineStart && /[ \t]/.test(text[at - 1] as string)) at--;
    // The spaces before the closing pipe are replaced, so an empty cell gets the comment with one space each side.
    const comment = `<!-- backlog-lint-disable-line ${finding.ruleId} -->`;
    return { title, edits: [{ range: [at, end], text: closed ? ` ${comment} ` : ` ${comment}` }] };
  }
  if (/^\s*(?:[-*+]|\d+[.)])\s/.test(line) || (indent.length > 0 && !indent.includes('>'))) {
    let end = lineEnd;
    while (end > lineStart && /[ \t]/.test(text[end - 1] as string)) end--;
    return { title, edits: [{ range: [end, end], text: ` <!-- backlog-lint-disable-line ${finding.ruleId} -->` }] };
  }
  const eol = lineEndingOf(text);
  return {
    title,
    edits: [
      {
        range: [lineStart, lineStart],
        text: `${indent}<!-- backlog-lint-disable-next-line ${finding.ruleId} -->${eol}`,
      },
    ],
  };
}

const FRONT_MATTER = /^(?:---|\+\+\+)[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\+\+\+)[ \t]*(?:\r?\n|$)/;
const DISABLE_FILE = /<!--[ \t]*backlog-lint-disable-file\b([^\n]*?)-->/;

/**
 * "Disable <rule> for this file", for findings about the whole document, where "for this line" would
 * mean nothing. Adds the rule to the file's disable-file comment when it lists rules; otherwise puts
 * one at the top, below the front matter (a comment above it would end the front matter).
 */
export function disableFileFix(text: string, ruleId: string): Fix {
  const title = `Disable ${ruleId} for this file`;
  const existing = DISABLE_FILE.exec(text);
  const listed = existing?.[1]?.trim();
  if (existing && listed) {
    const at = existing.index + existing[0].length - 3;
    const pad = /\s$/.test(existing[0].slice(0, -3)) ? '' : ' ';
    return { title, edits: [{ range: [at, at], text: `${pad}${ruleId} ` }] };
  }
  const at = FRONT_MATTER.exec(text)?.[0].length ?? 0;
  const eol = lineEndingOf(text);
  // A blank line after it, so the comment is an HTML block of its own and never joins the next paragraph.
  return { title, edits: [{ range: [at, at], text: `<!-- backlog-lint-disable-file ${ruleId} -->${eol}${eol}` }] };
}
