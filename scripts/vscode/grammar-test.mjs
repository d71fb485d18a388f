#!/usr/bin/env node
// The injection grammar (syntaxes/) tokenised by VS Code's own TextMate engine and Markdown grammar,
// both taken from the code-server that setup.sh installed (the workbench offers no API for scopes).
// Exit 0 = every expectation met, 1 = a mismatch, 2 = setup missing.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { HARNESS_HOME, ROOT } from './lib.mjs';

const VSCODE = path.join(HARNESS_HOME, 'cs/node_modules/code-server/lib/vscode');
const require = createRequire(path.join(VSCODE, 'package.json'));
const tm = require('vscode-textmate');
const onig = require('vscode-oniguruma');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const contributed = pkg.contributes.grammars[0];

await onig.loadWASM(fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer);
const files = {
  'text.html.markdown': path.join(VSCODE, 'extensions/markdown-basics/syntaxes/markdown.tmLanguage.json'),
  [contributed.scopeName]: path.join(ROOT, contributed.path),
};
const registry = new tm.Registry({
  onigLib: Promise.resolve({
    createOnigScanner: (s) => new onig.OnigScanner(s),
    createOnigString: (s) => new onig.OnigString(s),
  }),
  loadGrammar: async (scope) => files[scope] && tm.parseRawGrammar(fs.readFileSync(files[scope], 'utf8'), files[scope]),
  getInjections: (scope) => (contributed.injectTo.includes(scope) ? [contributed.scopeName] : []),
});
const grammar = await registry.loadGrammar('text.html.markdown');

/** Each line of the document with the text → scope it must get ('' = none of ours). */
const doc = [
  ['# ABC-123: Log in', { 'ABC-123': 'variable.other.constant.story-id' }],
  ['', {}],
  [
    'As a <role>, I want to log in, so that I see my UTF-8 orders.',
    {
      'As a': 'entity.name.type.story',
      role: 'variable.parameter.placeholder',
      'I want to': 'entity.name.type.story',
      'so that': 'entity.name.type.story',
      'UTF-8': '',
    },
  ],
  ['', {}],
  [
    '- Given <context>, when I log in, then I see **PROJ-9**',
    {
      Given: 'keyword.control.gherkin',
      context: 'variable.parameter.placeholder',
      when: 'keyword.control.gherkin',
      // biome-ignore lint/suspicious/noThenProperty: the Gherkin word "then" and its scope, not a thenable
      then: 'keyword.control.gherkin',
      'PROJ-9': 'variable.other.constant.story-id',
    },
  ],
  ['1. And the list stays a list <br>', { And: 'keyword.control.gherkin', br: '' }],
  [
    'When I travel, I want to book, so I can rest. https://x.io/ABC-12',
    {
      When: 'entity.name.type.story',
      'so I can': 'entity.name.type.story',
      'ABC-12': '',
    },
  ],
  // biome-ignore lint/suspicious/noThenProperty: the Gherkin word "then" and its scope, not a thenable
  ['- When I log in, then I see my orders', { When: 'keyword.control.gherkin', then: 'keyword.control.gherkin' }],
  ['Scenario: sign in', { Scenario: 'keyword.control.gherkin' }],
  [
    '<!-- backlog-lint-disable-next-line story-acceptance-criteria -->',
    {
      'backlog-lint-disable-next-line': 'entity.name.tag.directive',
    },
  ],
  ['`Given ABC-1 in code`', { Given: '', 'ABC-1': '' }],
  ['```', {}],
  ['Given As a ABC-2 <x>', { Given: '', 'As a': '', 'ABC-2': '', x: '' }],
  ['```', {}],
];

let failures = 0;
let stack = tm.INITIAL;
for (const [line, expected] of doc) {
  const { tokens, ruleStack } = grammar.tokenizeLine(line, stack);
  stack = ruleStack;
  const ours = (text) => {
    const at = line.indexOf(text);
    const token = tokens.find((t) => t.startIndex <= at && at < t.endIndex);
    return token?.scopes.filter((s) => s.endsWith('.backlog-lint')).map((s) => s.replace(/\.backlog-lint$/, '')) ?? [];
  };
  for (const [text, scope] of Object.entries(expected)) {
    const got = ours(text);
    const ok = scope ? got.includes(scope) : got.length === 0;
    if (!ok) failures++;
    console.log(
      `${ok ? 'PASS' : 'FAIL'} ${JSON.stringify(text)} in ${JSON.stringify(line)}: ${scope || 'no scope'}${ok ? '' : ` (got ${got.join(' ') || 'none'})`}`,
    );
  }
  if (line.startsWith('- Given')) {
    const listed = tokens[0]?.scopes.some((s) => s.startsWith('markup.list.unnumbered'));
    if (!listed) failures++;
    console.log(`${listed ? 'PASS' : 'FAIL'} the criterion line is still a Markdown list item`);
  }
}
console.log(`grammar: ${failures ? `${failures} failed` : 'all passed'}`);
process.exit(failures ? 1 : 0);
