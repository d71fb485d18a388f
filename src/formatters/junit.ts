/**
 * JUnit XML for CI test-report views (GitLab, Jenkins, Azure Pipelines): one <testsuite> per file,
 * one failing <testcase> per finding, an <error> for a file that could not be linted, and a passing
 * <testcase> for a clean file so the report lists every file that was checked.
 * Suppressed findings are left out, as in the terminal.
 */
import type { Finding, LintResult } from '../core/types';
import type { FormatContext } from './context';
import { LEGACY_COMMAND, linePath, oneLine } from './inert';
import { relativePath } from './paths';
import { problemText } from './problem';

interface Suite {
  name: string;
  tests: number;
  failures: number;
  errors: number;
  body: string;
}

export function formatJunit(results: readonly LintResult[], ctx: FormatContext): string {
  const suites = results.map((result) => suite(result, ctx.cwd));
  const sum = (key: 'tests' | 'failures' | 'errors') => suites.reduce((total, s) => total + s[key], 0);
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n';
  out += `<testsuites name="backlog-lint" tests="${sum('tests')}" failures="${sum('failures')}" errors="${sum('errors')}">\n`;
  for (const s of suites) {
    out += `  <testsuite name="${xmlAttr(s.name)}" tests="${s.tests}" failures="${s.failures}" errors="${s.errors}" skipped="0">\n`;
    out += s.body;
    out += '  </testsuite>\n';
  }
  return `${out}</testsuites>\n`;
}

function suite(result: LintResult, cwd: string): Suite {
  const file = relativePath(cwd, result.filePath);
  const s: Suite = { name: file, tests: 0, failures: 0, errors: 0, body: '' };
  if (result.problem) {
    const text = problemText(result.problem, result.filePath, cwd);
    s.body += testcase(file, 'could not be linted', file, `<error message="${xmlAttr(text)}" type="file-problem">${xmlText(text)}</error>`);
    s.tests += 1;
    s.errors += 1;
  }
  for (const finding of result.findings) {
    s.body += findingCase(finding, file);
    s.tests += 1;
    s.failures += 1;
  }
  if (s.tests === 0) {
    s.body += testcase(file, 'no problems', file);
    s.tests = 1;
  }
  return s;
}

/** classname is the rule id: Jenkins reads dots in a classname as packages, and rule ids have none. */
function findingCase(f: Finding, file: string): string {
  // Each line is escaped on its own, so only these line breaks are raw: none comes from the document.
  const details = [
    `${linePath(file)}:${f.line}:${f.column}: ${f.severity}: ${f.message}`,
    `Why: ${oneLine(f.rationale)}`,
    `Rule: ${f.ruleId} (${f.role}, ${f.artifact})`,
    `Docs: ${f.docsUrl}`,
  ]
    .map(xmlText)
    .join('\n');
  const failure = `<failure message="${xmlAttr(f.message)}" type="${xmlAttr(f.severity)}">${details}</failure>`;
  return testcase(f.ruleId, `${f.line}:${f.column} ${f.ruleId}`, file, failure);
}

function testcase(classname: string, name: string, file: string, child?: string): string {
  const open = `    <testcase classname="${xmlAttr(classname)}" name="${xmlAttr(name)}" file="${xmlAttr(file)}"`;
  return child === undefined ? `${open}/>\n` : `${open}>\n      ${child}\n    </testcase>\n`;
}

/**
 * Characters XML 1.0 cannot hold at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF).
 * With the `u` flag a lone surrogate is its own code point, outside every allowed range.
 */
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Every line break is written as a character reference (the same text to an XML reader), so text from a
 * document never starts a line of the report, where a CI runner would read `::command`; `\r` would also be
 * normalised to LF by parsers if written raw. The `#` of a legacy `##[command]` prefix is a reference too.
 */
function xmlText(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\r\n\u0085\u2028\u2029]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(LEGACY_COMMAND, '#&#35;');
}

/** Attribute values also escape quotes, and tabs, which parsers would otherwise normalise to spaces. */
function xmlAttr(text: string): string {
  return xmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;');
}
