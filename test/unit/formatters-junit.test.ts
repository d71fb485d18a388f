import * as assert from 'node:assert/strict';
import { format } from '../../src/formatters';
import {
  allResults,
  backlogResult,
  cleanResult,
  context,
  problemResult,
  SPECIAL_REL,
} from '../fixtures/formatters/results';

const junit = (results = allResults()) => format('junit', results, context());

/** Attribute values of every `<tag …>` with the given name, by attribute. */
function tags(xml: string, name: string): Record<string, string>[] {
  return [...xml.matchAll(new RegExp(`<${name}\\b([^>]*)>`, 'g'))].map((m) =>
    Object.fromEntries([...(m[1] ?? '').matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])),
  );
}

describe('formatters: junit', () => {
  it('writes one testsuite per file with counts, and totals on testsuites', () => {
    const xml = junit();
    assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites '));
    assert.deepEqual(tags(xml, 'testsuites'), [{ name: 'backlog-lint', tests: '7', failures: '5', errors: '1' }]);
    assert.deepEqual(
      tags(xml, 'testsuite').map((s) => [s.name, s.tests, s.failures, s.errors]),
      [
        ['docs/backlog.md', '3', '3', '0'],
        ['docs/100% done, v2: &lt;&amp;&quot;&gt; ümlaut 🚀.md', '2', '2', '0'],
        ['docs/binary.md', '1', '0', '1'],
        ['docs/clean.md', '1', '0', '0'],
      ],
    );
  });

  it('writes a failing testcase per finding, suppressed left out', () => {
    const xml = junit([backlogResult()]);
    assert.deepEqual(
      tags(xml, 'testcase').map((t) => [t.classname, t.name, t.file]),
      [
        ['story-has-acceptance-criteria', '3:1 story-has-acceptance-criteria', 'docs/backlog.md'],
        ['story-has-benefit', '12:5 story-has-benefit', 'docs/backlog.md'],
        ['ambiguous-language', '101:7 ambiguous-language', 'docs/backlog.md'],
      ],
    );
    assert.deepEqual(
      tags(xml, 'failure').map((f) => f.type),
      ['error', 'warning', 'info'],
    );
    assert.ok(
      xml.includes(
        'docs/backlog.md:3:1: error: Story has no acceptance criteria.\nWhy: Why the po needs story-has-acceptance-criteria.\nRule: story-has-acceptance-criteria (po, story)\nDocs: https://',
      ),
    );
    assert.ok(!xml.includes('Silenced'));
  });

  it('writes a passing testcase for a clean file', () => {
    assert.ok(
      junit([cleanResult()]).includes('<testcase classname="docs/clean.md" name="no problems" file="docs/clean.md"/>'),
    );
  });

  it('writes an <error> for a file that could not be linted', () => {
    assert.ok(
      junit([problemResult()]).includes(
        '<error message="File looks binary; skipped." type="file-problem">File looks binary; skipped.</error>',
      ),
    );
  });

  it('escapes markup, keeps line breaks in attributes and drops characters XML 1.0 cannot hold', () => {
    const xml = junit();
    const failure = tags(xml, 'failure').find((f) => f.message?.startsWith('Say who'));
    assert.equal(
      failure?.message,
      'Say who benefits: 50% of &quot;users&quot; &lt;&amp;&gt; ümlaut 🚀,&#13;&#10;then&#9;say why [31mred',
    );
    assert.ok(xml.includes(`${SPECIAL_REL.replace('<&">', '&lt;&amp;"&gt;')}:2:3: error: Say who`));
    // No raw control characters other than tab and LF anywhere.
    assert.ok(!/[\u0000-\u0008\u000b-\u001f]/.test(xml));
  });

  it('removes lone surrogates and U+FFFE', () => {
    const result = backlogResult();
    result.findings = [{ ...result.findings[0]!, message: 'a\uD800b\uFFFEc\u{1F680}' }];
    assert.ok(junit([result]).includes('message="abc\u{1F680}"'));
  });
});
