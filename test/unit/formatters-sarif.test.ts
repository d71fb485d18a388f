import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { format } from '../../src/formatters';
import {
  allResults,
  backlogResult,
  cleanResult,
  configProblemResult,
  context,
  CWD,
  finding,
  RULE_METAS,
  SPECIAL_MESSAGE,
} from '../fixtures/formatters/results';
import { sarifErrors } from '../fixtures/formatters/sarif-validator';

// Loose view of the log: the schema test checks the shape, these tests check the content.
type Json = any;
const sarif = (results = allResults(), ctx = context()): Json => JSON.parse(format('sarif', results, ctx));

function assertValid(log: unknown): void {
  const errors = sarifErrors(log);
  assert.deepEqual(errors, [], JSON.stringify(errors, null, 2));
}

describe('formatters: sarif', () => {
  it('validates against the SARIF 2.1.0 schema', () => {
    assertValid(sarif());
  });

  it('validates with no results, and keeps results: []', () => {
    for (const results of [[], [cleanResult()]]) {
      const log = sarif(results);
      assertValid(log);
      assert.deepEqual(log.runs[0].results, []);
    }
  });

  it('validates with no rules at all', () => {
    const log = sarif([], context({ rules: new Map() }));
    assertValid(log);
    assert.deepEqual(log.runs[0].tool.driver.rules, []);
  });

  it('the schema check catches a broken log', () => {
    const log = sarif();
    delete log.runs[0].tool.driver.name;
    log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'has space';
    assert.equal(sarifErrors(log).length, 2);
  });

  it('has the header, one run and the tool driver', () => {
    const log = sarif();
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'backlog-lint');
    assert.equal(driver.version, '0.1.0');
    assert.match(driver.informationUri, /^https:\/\//);
  });

  it('describes every rule, sorted by id, plus rules only findings name', () => {
    const rules = sarif().runs[0].tool.driver.rules;
    const known = RULE_METAS.map((m) => m.id).sort();
    assert.deepEqual(
      rules.map((r: Json) => r.id),
      [...known, 'duplicate-story'],
    );
    const benefit = rules.find((r: Json) => r.id === 'story-has-benefit');
    assert.deepEqual(benefit, {
      id: 'story-has-benefit',
      name: 'StoryHasBenefit',
      shortDescription: { text: 'Description of story-has-benefit.' },
      fullDescription: { text: 'Why the po needs story-has-benefit.' },
      help: {
        text: 'Description of story-has-benefit.\n\nWhy the po needs story-has-benefit.\n\nDocs: https://github.com/backlog-lint/backlog-lint/blob/main/rules/po/story-has-benefit/README.md',
        markdown:
          'Description of story-has-benefit.\n\nWhy the po needs story-has-benefit.\n\n[Docs](https://github.com/backlog-lint/backlog-lint/blob/main/rules/po/story-has-benefit/README.md)',
      },
      helpUri: 'https://github.com/backlog-lint/backlog-lint/blob/main/rules/po/story-has-benefit/README.md',
      defaultConfiguration: { level: 'warning' },
      properties: { role: 'po', artifacts: ['story', 'backlog'] },
    });
    assert.equal(rules.find((r: Json) => r.id === 'ambiguous-language').defaultConfiguration.level, 'note');
    // A rule only a finding names is described by that finding's rationale.
    assert.deepEqual(rules.find((r: Json) => r.id === 'duplicate-story').fullDescription, {
      text: 'Why duplicate-story matters.',
    });
  });

  it("carries a finding's own rationale only where it differs from its rule's", () => {
    const own = finding('story-has-benefit', { rationale: 'This story in particular.' });
    const log = sarif([
      {
        filePath: path.join(CWD, 'a.md'),
        artifact: 'story',
        findings: [own, finding('story-has-benefit')],
        suppressed: [],
      },
    ]);
    assert.deepEqual(
      log.runs[0].results.map((r: Json) => r.properties.rationale),
      ['This story in particular.', undefined],
    );
  });

  it('points every result at its rule with ruleIndex', () => {
    const run = sarif().runs[0];
    assert.equal(run.results.length, 6);
    for (const result of run.results) assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
  });

  it('maps severities to levels and keeps the message text', () => {
    const results = sarif([backlogResult()]).runs[0].results;
    assert.deepEqual(
      results.map((r: Json) => r.level),
      ['error', 'warning', 'note', 'warning'],
    );
    assert.equal(sarif().runs[0].results[4].message.text, SPECIAL_MESSAGE);
  });

  it('locates results relative to %SRCROOT% with the full region', () => {
    const [first] = sarif([backlogResult()]).runs[0].results;
    assert.deepEqual(first.locations, [
      {
        physicalLocation: {
          artifactLocation: { uri: 'docs/backlog.md', uriBaseId: '%SRCROOT%' },
          region: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 13 },
        },
      },
    ]);
  });

  it('percent-encodes paths into URIs', () => {
    const special = sarif().runs[0].results[4];
    assert.equal(
      special.locations[0].physicalLocation.artifactLocation.uri,
      'docs/100%25%20done%2C%20v2%3A%20%3C%26%22%3E%20%C3%BCmlaut%20%F0%9F%9A%80.md',
    );
  });

  it('maps %SRCROOT% to the file: URI of cwd with a trailing slash', () => {
    const base = sarif().runs[0].originalUriBaseIds['%SRCROOT%'].uri;
    assert.equal(base, 'file:///srv/backlog%20repo/');
    assert.equal(decodeURIComponent(new URL(base).pathname), `${CWD}/`);
  });

  it('gives a file outside cwd an absolute file: URI', () => {
    const result = {
      ...cleanResult(),
      filePath: path.resolve(CWD, '../other/x.md'),
      findings: [finding('story-has-benefit')],
    };
    const log = sarif([result]);
    assertValid(log);
    assert.deepEqual(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation, {
      uri: 'file:///srv/other/x.md',
    });
  });

  it('marks suppressed findings as in-source suppressions', () => {
    const results = sarif([backlogResult()]).runs[0].results;
    const suppressed = results.filter((r: Json) => r.suppressions);
    assert.equal(suppressed.length, 1);
    assert.equal(suppressed[0].message.text, 'Silenced: story does not say why.');
    assert.deepEqual(suppressed[0].suppressions, [{ kind: 'inSource' }]);
  });

  it('reports file problems as tool execution notifications', () => {
    const log = sarif();
    const [invocation] = log.runs[0].invocations;
    assert.equal(invocation.executionSuccessful, false);
    assert.deepEqual(invocation.toolExecutionNotifications, [
      {
        level: 'error',
        message: { text: 'File looks binary; skipped.' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'docs/binary.md', uriBaseId: '%SRCROOT%' } } }],
      },
    ]);
    assert.deepEqual(sarif([backlogResult()]).runs[0].invocations, [{ executionSuccessful: true }]);
  });

  it('locates a config problem at the config file', () => {
    const log = sarif([configProblemResult()]);
    assertValid(log);
    const [notification] = log.runs[0].invocations[0].toolExecutionNotifications;
    assert.equal(notification.locations[0].physicalLocation.artifactLocation.uri, '.backlog-lint.json');
    assert.deepEqual(notification.properties, { keyPath: 'rules.nope' });
  });

  it('turns fixes and suggestions into SARIF fixes with character regions', () => {
    const [first, second] = sarif([backlogResult()]).runs[0].results;
    assert.deepEqual(first.fixes, [
      {
        description: { text: 'Add an acceptance-criteria block' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'docs/backlog.md', uriBaseId: '%SRCROOT%' },
            replacements: [
              {
                deletedRegion: { charOffset: 52, charLength: 0 },
                insertedContent: { text: '\n\n**Acceptance criteria**\n- ' },
              },
            ],
          },
        ],
      },
    ]);
    assert.deepEqual(
      second.fixes.map((f: Json) => [f.description.text, f.artifactChanges[0].replacements]),
      [
        [
          'Add a "so that" clause',
          [
            { deletedRegion: { charOffset: 150, charLength: 1 }, insertedContent: { text: ',' } },
            { deletedRegion: { charOffset: 160, charLength: 0 }, insertedContent: { text: ' so that …' } },
          ],
        ],
        ['Remove the story', [{ deletedRegion: { charOffset: 120, charLength: 40 } }]],
        [
          'Rephrase',
          [
            { deletedRegion: { charOffset: 120, charLength: 1 }, insertedContent: { text: 'A' } },
            { deletedRegion: { charOffset: 130, charLength: 1 }, insertedContent: { text: 'B' } },
          ],
        ],
      ],
    );
  });
});
