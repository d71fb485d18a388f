/**
 * Ordinary Markdown (READMEs, CHANGELOGs, docs of real projects): none of it is a backlog artifact, so
 * every finding here is a false positive.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from './lint';

const PROJECT_DOC =
  /^(?:readme|changelog|history|changes|contributing|code_of_conduct|security|upgrading|migration)(?:[.-][\w.-]*)?\.md$/i;

/** README / CHANGELOG / docs Markdown of the packages in a node_modules folder (top level and scoped). */
export function packageMarkdown(nodeModules: string): string[] {
  const out: string[] = [];
  const packages: string[] = [];
  for (const name of safeList(nodeModules)) {
    const dir = path.join(nodeModules, name);
    if (name.startsWith('@')) packages.push(...safeList(dir).map((n) => path.join(dir, n)));
    else if (!name.startsWith('.')) packages.push(dir);
  }
  for (const dir of packages.sort()) {
    for (const name of safeList(dir)) {
      const full = path.join(dir, name);
      if (PROJECT_DOC.test(name) && isFile(full)) out.push(full);
      else if (/^docs?$/i.test(name)) out.push(...markdownUnder(full));
    }
  }
  return out;
}

/** Every .md file under a folder. */
export function markdownUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of safeList(dir).sort()) {
    const full = path.join(dir, name);
    if (fs.statSync(full, { throwIfNoEntry: false })?.isDirectory()) out.push(...markdownUnder(full));
    else if (/\.(?:md|markdown)$/i.test(name)) out.push(full);
  }
  return out;
}

function safeList(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

function isFile(p: string): boolean {
  return fs.statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
}

export interface MarkdownResult {
  files: number;
  findings: number;
  filesWithFindings: number;
  perRule: Record<string, number>;
  /** Files with findings: what was reported where. */
  flagged: { file: string; artifact: string | null; findings: { rule: string; line: number; text: string }[] }[];
}

export function evaluateMarkdown(files: readonly string[], relativeTo: string): MarkdownResult {
  const result: MarkdownResult = { files: 0, findings: 0, filesWithFindings: 0, perRule: {}, flagged: [] };
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    result.files++;
    // The real path: a file named roadmap.md or *.prd.md is treated as the artifact its name says.
    const lintResult = lint(text, file);
    if (lintResult.findings.length === 0) continue;
    result.filesWithFindings++;
    result.findings += lintResult.findings.length;
    for (const f of lintResult.findings) result.perRule[f.ruleId] = (result.perRule[f.ruleId] ?? 0) + 1;
    result.flagged.push({
      file: path.relative(relativeTo, file),
      artifact: lintResult.artifact,
      findings: lintResult.findings.map((f) => ({
        rule: f.ruleId,
        line: f.line,
        text: text.slice(f.range[0], f.range[1]).slice(0, 80),
      })),
    });
  }
  return result;
}
