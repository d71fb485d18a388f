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
import type { ReportStream } from './stream';

interface Suite {
  name: string;
  tests: number;
  failures: number;
  errors: number;
  body: string;
}

/** The totals on <testsuites> come first, so `scan` counts every file before the head is written. */
export function junitStream(ctx: FormatContext): ReportStream {
  const totals = { tests: 0, failures: 0, errors: 0 };
  return {
    scan(result) {
      const s = suiteCounts(result);
      totals.tests += s.tests;
      totals.failures += s.failures;
      totals.errors += s.errors;
    },
    head: () =>
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      `<testsuites name="backlog-lint" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}">\n`,
    file(result) {
      const s = suite(result, ctx.cwd);
      return `  <testsuite name="${xmlAttr(s.name)}" tests="${s.tests}" failures="${s.failures}" errors="${s.errors}" skipped="0">\n${s.body}  </testsuite>\n`;
    },
    tail: () => '</testsuites>\n',
  };
}

/** A clean file still gets one (passing) test case, so the report lists it. */
function suiteCounts(result: LintResult): { tests: number; failures: number; errors: number } {
  const errors = result.problem ? 1 : 0;
  const failures = result.findings.length;
  return { tests: Math.max(1, errors + failures), failures, errors };
}

function suite(result: LintResult, cwd: string): Suite {
  const file = relativePath(cwd, result.filePath);
  let body = '';
  if (result.problem) {
    const text = problemText(result.problem, result.filePath, cwd);
    body += testcase(
      file,
      'could not be linted',
      file,
      `<error message="${xmlAttr(text)}" type="file-problem">${xmlText(text)}</error>`,
    );
  }
  for (const finding of result.findings) body += findingCase(finding, file);
  if (body === '') body = testcase(file, 'no problems', file);
  return { name: file, ...suiteCounts(result), body };
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
  return xmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;');
}
