/**
 * No output format lets a document or a file name start a line of output (issue 11, item 6): CI runners
 * read `::command` at the start of a line (after white space) and `##[command]` / `##vso[…]` anywhere in
 * one, and terminals act on ESC sequences. Every format is run on hostile results built by hand and on
 * hostile files linted for real.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allRules } from '../../rules';
import { runCli } from '../helpers/cli';
import type { Finding, LintResult } from '../../src/core/types';
import { format, FORMAT_NAMES, type FormatName } from '../../src/formatters';

const HOSTILE = [
  'stroy\n::add-mask::pwn',
  'cr\r::add-mask::pwn',
  'crlf\r\n  ::set-output name=x::pwn',
  'ls\u2028::add-mask::pwn',
  'ps\u2029::add-mask::pwn',
  'nel\u0085::add-mask::pwn',
  'vt\u000b::add-mask::pwn',
  'esc \u001b[2J\u001b]0;title\u0007 csi \u009b31m',
  'legacy ##[add-mask]pwn and ##vso[task.setvariable variable=x]pwn',
  'bidi \u202eevil\u202c',
].join(' | ');

/** Every way a reader may split lines; .NET's TrimStart (the runner's) trims Unicode white space, as \s does. */
const LINES = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/;

function assertInert(name: string, out: string): void {
  if (name === 'github') {
    // The runner splits at CR and LF. Each line is one of our commands (the runner reads a line that parses
    // as one before looking for `##[`, so a property value holding it is inert), and the document's text
    // never begins another, whatever else a reader takes as a line break.
    for (const line of out.split(/\r\n|\r|\n/).filter(Boolean)) {
      const command = /^::(error|warning|notice) [^:]*::(.*)$/.exec(line);
      assert.ok(command, `github: not one of our commands: ${JSON.stringify(line)}`);
      assert.ok(
        !/##(vso)?\[/i.test(command[2] as string),
        `github: a legacy command prefix in the data: ${JSON.stringify(line)}`,
      );
      for (const piece of line.split(LINES).slice(1))
        assert.ok(!piece.replace(/^\s+/u, '').startsWith('::'), JSON.stringify(line));
    }
    return;
  }
  for (const line of out.split(LINES)) {
    assert.ok(!line.replace(/^\s+/u, '').startsWith('::'), `${name}: a line starts with '::': ${JSON.stringify(line)}`);
    assert.ok(!/##(vso)?\[/i.test(line), `${name}: a legacy command prefix: ${JSON.stringify(line)}`);
  }
}

/** Outside our own colour codes, no ESC, CSI or BEL reaches the terminal. */
function assertNoTerminalControls(out: string): void {
  const plain = out.replace(/\u001b\[\d+m/g, '');
  assert.ok(!/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(plain), JSON.stringify(plain));
}

function finding(message: string): Finding {
  return {
    ruleId: 'story-has-value',
    role: 'po',
    artifact: 'story',
    severity: 'error',
    message,
    rationale: message,
    range: [0, 1],
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    docsUrl: 'https://example.test/docs',
    fix: { title: `Insert ${message}`, edits: [{ range: [0, 0], text: message }] },
  };
}

function hostileResults(cwd: string): LintResult[] {
  const names = [
    'x\n::add-mask::pwn.md',
    '::warning::spoof.md',
    '  ::error::spoof.md',
    'ls\u2028::add-mask::pwn.md',
    'esc\u001b[2J.md',
    '##[add-mask]pwn.md',
  ];
  const results: LintResult[] = names.map((name) => ({
    filePath: path.join(cwd, name),
    artifact: 'story',
    findings: [finding(HOSTILE)],
    suppressed: [finding(HOSTILE)],
  }));
  results.push({
    filePath: path.join(cwd, 'broken\n::add-mask::pwn.md'),
    artifact: null,
    findings: [],
    suppressed: [],
    problem: {
      message: `Unknown rule "${HOSTILE}".`,
      keyPath: `rules.${HOSTILE}`,
      file: path.join(cwd, '::cfg\n::add-mask::pwn.json'),
    },
  });
  return results;
}

async function lint(dir: string, name: FormatName): Promise<string> {
  const { out, err } = await runCli(dir, ['.', '--no-cache', '--format', name]);
  return out + err;
}

describe('security: output formats', () => {
  const ctx = (color: boolean, verbose = false) => ({
    cwd: '/work/repo',
    color,
    rules: new Map(allRules.map((r) => [r.meta.id, r])),
    toolVersion: 'test',
    verbose,
  });

  for (const name of FORMAT_NAMES) {
    it(`${name}: hostile file names, messages and problems start no line and carry no command prefix`, () => {
      const out = format(name, hostileResults('/work/repo'), ctx(false));
      assert.ok(out.includes('pwn'), 'the hostile text is there, made inert');
      assertInert(name, out);
      if (name === 'json' || name === 'sarif') assert.ok(JSON.parse(out), 'still valid JSON');
    });
  }

  it('stylish: no ESC, CSI or bidi control from the document reaches the terminal, with or without colour', () => {
    for (const [color, verbose] of [
      [false, false],
      [true, false],
      [false, true],
      [true, true],
    ] as const) {
      const out = format('stylish', hostileResults('/work/repo'), ctx(color, verbose));
      assertInert('stylish', out);
      assertNoTerminalControls(out);
      assert.ok(!/[\u202a-\u202e\u2066-\u2069]/.test(out));
    }
  });

  it('json and sarif keep the exact text, only escaped', () => {
    const json = JSON.parse(format('json', hostileResults('/work/repo'), ctx(false)));
    assert.equal(json[0].filePath, '/work/repo/x\n::add-mask::pwn.md');
    assert.equal(json[0].messages[0].message, HOSTILE);
    const sarif = JSON.parse(format('sarif', hostileResults('/work/repo'), ctx(false)));
    assert.equal(sarif.runs[0].results[0].message.text, HOSTILE);
  });

  it('junit keeps the exact text as character references', () => {
    const xml = format('junit', hostileResults('/work/repo'), ctx(false));
    assert.ok(xml.includes('stroy&#10;::add-mask::pwn'));
    assert.ok(xml.includes('ls&#8232;::add-mask::pwn'));
    assert.ok(xml.includes('legacy #&#35;[add-mask]pwn'));
  });

  describe('on files linted for real', function () {
    this.timeout(30000);
    let dir: string;

    before(function () {
      if (process.platform === 'win32') this.skip(); // File names with line breaks and colons.
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backlog-lint-secout-'));
      // A YAML double-quoted scalar turns these escapes into LF, CR, U+2028, U+2029, NEL and ESC.
      const type =
        'stroy\\n::add-mask::pwn\\r::add-mask::cr\\L::add-mask::ls\\P::add-mask::ps\\N::add-mask::nel\\e[2J ##[add-mask]legacy';
      const story = 'As a clerk, I want to export reports, so that I can close the month.\n';
      fs.writeFileSync(path.join(dir, 'x\n::add-mask::pwn.md'), `---\ntype: "${type}"\n---\n# Export\n\n${story}`);
      fs.writeFileSync(path.join(dir, '::warning::spoof.md'), `---\ntype: "${type}"\n---\n# Export\n\n${story}`);
      fs.writeFileSync(
        path.join(dir, 'cr.md'),
        `# Export\r\rAs a clerk \u001b[31m, I want to export reports\u2028::add-mask::pwn, so that I can close the month.\r`,
      );
      fs.mkdirSync(path.join(dir, 'sub'));
      fs.writeFileSync(
        path.join(dir, 'sub', '.backlog-lint.json'),
        JSON.stringify({ rules: { 'nope\n::add-mask::pwn\u001b[2J': 'error' } }),
      );
      fs.writeFileSync(path.join(dir, 'sub', 'story.md'), `# Export\n\n${story}`);
    });

    after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

    for (const name of FORMAT_NAMES) {
      it(`${name}: front matter, file names, CR, U+2028 and ESC from the files start no line`, async () => {
        const out = await lint(dir, name);
        assert.ok(out.includes('pwn'), `the hostile front matter is reported: ${out.slice(0, 300)}`);
        assertInert(name, out);
        if (name === 'stylish') assertNoTerminalControls(out);
      });
    }
  });
});
