/**
 * Templates: files meant to be copied and filled in, not artifacts. GitHub issue and pull-request
 * templates, files named or titled "template", and documents made mostly of placeholders
 * ("[Project Name]", "[DD/MM/YYYY]", "Objective 1: Description."). Rules stay silent on them: every
 * placeholder would be a finding, and the author of the template knows.
 */
import type { ParsedDocument } from '../document';
import type { Evidence, StoryStatement } from '../model';
import { fileNameSaysTemplate, fileNameWords } from './kind';
import { findStatement } from './statement';
import { contentOffsets, plainText } from './text';

export interface TemplateVerdict {
  /** 'artifact': a template of a story, backlog, epic, PRD, roadmap or business case; 'other': an issue or PR form. */
  of: 'artifact' | 'other';
  evidence: Evidence;
}

/** Keys GitHub reads from an issue template's front matter; `name` and `about` are required there. */
const ISSUE_TEMPLATE_KEYS = ['name', 'about'];
const TEMPLATE_WORD = /(?<![\p{L}])(?:template|templates|sjabloon|vorlage|modèle|modele|plantilla|modelo)(?![\p{L}])/iu;
/** Words that say what a template is for: an artifact of this tool's roles. */
const ARTIFACT_WORDS =
  /(?<![\p{L}])(?:user[\s-]?stor(?:y|ies)|stor(?:y|ies)|epics?|backlog|prd|roadmap|business case|product requirements?|hist[oó]rias? d[eo] usu[aá]rio|récit utilisateur|als\b.{1,40}\bwil ik|en tant que|gebruikersverhaal)(?![\p{L}])/iu;
/** "[Project Name]", "[DD/MM/YYYY]", "[e.g. v1.0]": square brackets around words that are no link, footnote or checkbox. */
const BRACKET_PLACEHOLDER = /(?<![!\]\\])\[(?![ xX]?\])(?!\^)([^\]\n]{2,80})\](?![([:])/g;
/** "Objective 1: Description." repeated with the number changed: a list of slots to fill in. */
const NUMBERED_SLOT = /^[ \t]*(?:[-*+][ \t]+)?(\p{L}[\p{L} ]{1,30}?)[ \t]+\d+[ \t]*[:：.-][ \t]*(.{0,80})$/gmu;

/** The front matter as a key-value map, or null when it is missing or not a map. */
export function frontMatterData(doc: ParsedDocument): Record<string, unknown> | null {
  const data = doc.frontMatter?.data;
  return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
}

export function lineOf(doc: ParsedDocument, offset: number): number {
  return doc.lines.positionAt(offset).line;
}

/** The document's text outside code and HTML comments, with each region's start offset. */
function proseRegions(doc: ParsedDocument): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  for (const node of doc.root.children) {
    if (node.type === 'code' || node.type === 'html' || node.type === 'yaml') continue;
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    out.push({ text: doc.text.slice(start, end), start });
  }
  return out;
}

/** Placeholder lines: bracketed slots, and numbered slots whose filler text repeats. */
function placeholderLines(doc: ParsedDocument): number[] {
  const lines = new Set<number>();
  const slots = new Map<string, number[]>();
  for (const region of proseRegions(doc)) {
    for (const m of region.text.matchAll(BRACKET_PLACEHOLDER)) {
      const inner = (m[1] as string).trim();
      // A bracketed word list is a slot; a number ("[1]") or a lone symbol is a citation or markup.
      if (/\p{L}{2,}/u.test(inner)) lines.add(lineOf(doc, region.start + (m.index ?? 0)));
    }
    for (const m of region.text.matchAll(NUMBERED_SLOT)) {
      const key = `${(m[1] as string).toLowerCase()}|${(m[2] as string).trim().toLowerCase()}`;
      const at = lineOf(doc, region.start + (m.index ?? 0));
      slots.set(key, [...(slots.get(key) ?? []), at]);
    }
  }
  for (const at of slots.values()) if (at.length >= 2) for (const l of at) lines.add(l);
  return [...lines].sort((a, b) => a - b);
}

function nonBlankLines(doc: ParsedDocument): number {
  let n = 0;
  for (const line of doc.text.split(/\r\n|\r|\n/)) if (line.trim() !== '') n++;
  return n;
}

/** True when the document's first paragraph is a story with its role and want written out (a filled-in template). */
function opensWithFilledStory(doc: ParsedDocument): boolean {
  const first = doc.root.children.find((n) => n.type === 'paragraph');
  if (first?.type !== 'paragraph') return false;
  const [s, e] = contentOffsets(first);
  return isFilledStory(findStatement(doc.text.slice(s, e), s));
}

/** A story whose role and want are written out, not "[user role]" or "...". */
export function isFilledStory(statement: StoryStatement | null): boolean {
  if (!statement?.role || !statement.means) return false;
  const filled = (text: string): boolean => /\p{L}{3,}/u.test(text) && !/\.\.\.|…|[[\]<>]/.test(text);
  return filled(statement.role.text) && filled(statement.means.text);
}

function titleOf(doc: ParsedDocument): { text: string; line: number } | null {
  const fmTitle = frontMatterData(doc)?.title;
  if (typeof fmTitle === 'string' && fmTitle.trim() !== '') return { text: fmTitle, line: 1 };
  const h = doc.root.children.find((n) => n.type === 'heading');
  return h ? { text: plainText(h), line: lineOf(doc, h.position?.start.offset ?? 0) } : null;
}

/** Whether a document is a template, and the evidence that says so; null for a document to lint. */
export function templateOf(
  doc: ParsedDocument,
  filePath: string | undefined,
  filledStories: number,
): TemplateVerdict | null {
  const path = (filePath ?? '').replace(/\\/g, '/').toLowerCase();
  const data = frontMatterData(doc);
  const words = fileNameWords(filePath).join(' ');
  const evidence = (detail: string, lines: { line: number; text: string }[]): Evidence => ({
    signal: 'template',
    says: 'template',
    detail,
    lines,
  });

  const issueForm =
    (data !== null && ISSUE_TEMPLATE_KEYS.every((k) => typeof data[k] === 'string')) ||
    path.includes('/.github/issue_template/');
  const prForm = words === 'pull request template' || path.includes('/.github/pull_request_template/');
  if (issueForm || prForm) {
    if (opensWithFilledStory(doc)) return null;
    const about = data
      ? ['name', 'about', 'title', 'labels']
          .map((k) => (typeof data[k] === 'string' ? (data[k] as string) : ''))
          .join(' ')
      : '';
    const body = proseRegions(doc)
      .map((r) => r.text)
      .join('\n');
    const ofArtifact =
      !prForm && (ARTIFACT_WORDS.test(about) || ARTIFACT_WORDS.test(words) || ARTIFACT_WORDS.test(body));
    const detail = prForm ? 'a pull-request template' : 'a GitHub issue template (front matter name/about)';
    return { of: ofArtifact ? 'artifact' : 'other', evidence: evidence(detail, []) };
  }
  // A template block at the top of a real backlog ("User Story Template", then the stories) does not make it one.
  if (filledStories >= 3) return null;
  if (fileNameSaysTemplate(filePath)) return { of: 'artifact', evidence: evidence('the file name says template', []) };
  const title = titleOf(doc);
  if (title && TEMPLATE_WORD.test(title.text))
    return { of: 'artifact', evidence: evidence('the title says template', [title]) };
  const slots = placeholderLines(doc);
  // Mostly slots to fill in: at least five, and one line in eight of the document.
  if (slots.length >= 5 && slots.length * 8 >= nonBlankLines(doc)) {
    const lines = slots
      .slice(0, 5)
      .map((line) => ({ line, text: (doc.text.split(/\r\n|\r|\n/)[line - 1] ?? '').trim() }));
    return { of: 'artifact', evidence: evidence(`${slots.length} placeholder lines`, lines) };
  }
  return null;
}
