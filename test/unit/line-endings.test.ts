/** The same document with LF, CRLF or lone CR line endings gets the same findings. */
import * as assert from 'node:assert';
import { defaultConfig } from '../../src/config/defaults';
import { lintText } from '../helpers/lint';
import { fixAll } from '../helpers/lint';

const config = defaultConfig();

const DOCUMENTS: [string, string][] = [
  // Stories kept one per line in a paragraph: the line break must not become part of a statement.
  ['backlog.md', 'When  , I want to\n   user\n\n'],
  [
    'backlog.md',
    'As a buyer, I want to pay by card, so that I can check out.\nAs a buyer, I want a receipt\nAs an admin, I want to refund orders, so that mistakes are undone.\n',
  ],
  [
    'backlog.md',
    '# Backlog\n\n## S-1: Pay\n\nAs a buyer, I want to pay fast.\n\n### Acceptance criteria\n\n- Given a card, when I pay, then the order is paid\n',
  ],
  ['x.prd.md', '# Checkout PRD\n\n## Problem\n\nBuyers abandon carts.\n\n## Goals\n\n- TBD\n'],
  // A PRD without a title: missing-section findings underline the first line, never its carriage return (fuzz-found).
  ['PRD.md', 'story points\nfor the next release\n\nmore text\n'],
  // A benefit marker at a line end ("so that" + line break) is skipped by ambiguous-language whatever the line break (fuzz-found).
  ['backlog.md', '- As a **user** , I want to !  — so that\n    2) user-friendly\n- As a  , I want to\n\n'],
  ['roadmap.md', '# Roadmap\n\n## Now\n\n- Faster checkout\n  Why: carts are abandoned\n- Saved cards\n'],
  // Front matter: its YAML starts after the opening fence's line end, whichever it is (a lone CR was once not
  // seen as one, and valid front matter was reported as not "key: value" lines).
  ['login.md', '---\ntitle: Log in\ntype: story\n---\n\nAs a user, I want to log in, so that I see my orders.\n'],
  ['login.md', '---\ntype: storyy\nrole: [po, pmm]\n---\n\nAs a user, I want to log in.\n'],
];

const byLineColumn = (text: string, file: string) =>
  lintText(text, { filePath: file, config }).findings.map(
    (f) => `${f.ruleId}@${f.line}:${f.column}-${f.endLine}:${f.endColumn}`,
  );
const byRule = (text: string, file: string) => lintText(text, { filePath: file, config }).findings.map((f) => f.ruleId);

describe('line endings', () => {
  for (const [file, lf] of DOCUMENTS) {
    it(`CRLF and CR give the findings LF gives: ${JSON.stringify(lf.slice(0, 40))}`, () => {
      assert.deepStrictEqual(byLineColumn(lf.replace(/\n/g, '\r\n'), file), byLineColumn(lf, file));
      assert.deepStrictEqual(byRule(lf.replace(/\n/g, '\r'), file), byRule(lf, file));
    });
  }

  it('a fix in CRLF front matter keeps the CRLF line end after the value it replaces (fuzz-found)', () => {
    const text = '---\r\ntype: storry\r\n---\r\n\r\nAs a user, I want to log in.\r\n';
    const fixed = fixAll(text, { filePath: 'login.md', config }).text;
    assert.ok(fixed.startsWith('---\r\ntype: story\r\n---\r\n'), JSON.stringify(fixed));
    assert.doesNotMatch(fixed.replace(/\r\n/g, ''), /[\r\n]/, 'only CRLF line ends');
  });
});
