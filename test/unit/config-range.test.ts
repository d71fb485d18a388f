/** Where the editor puts a config error (src/extension/config-range.ts): on the key the loader names. */
import * as assert from 'node:assert';
import { allRules } from '../../rules/index';
import { ConfigError, createConfigLoader, memoryFileSystem } from '../../src/config';
import { configErrorRange, parseKeyPath } from '../../src/extension/config-range';

async function errorFor(file: string, text: string): Promise<ConfigError> {
  const loader = createConfigLoader({ fs: memoryFileSystem({ [file]: text }), rules: allRules });
  const err = await loader.forFile('/w/docs/a.md').then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(err instanceof ConfigError, String(err));
  return err;
}

const marked = (text: string, r: { start: number; end: number }) => text.slice(r.start, r.end);

describe('config error range', () => {
  it('parses key paths as the loader writes them', () => {
    assert.deepStrictEqual(parseKeyPath('overrides[0].rules.story-benefit'), [
      'overrides',
      0,
      'rules',
      'story-benefit',
    ]);
    assert.deepStrictEqual(parseKeyPath('rules["odd key"]'), ['rules', 'odd key']);
  });

  it('JSON, package.json and YAML: the key and its value the loader blames', async () => {
    const json = '{\n  "rules": {\n    "story-benefit": "eror"\n  }\n}\n';
    const e1 = await errorFor('/w/.backlog-lint.json', json);
    assert.strictEqual(marked(json, configErrorRange(e1.file, json, e1)), '"story-benefit": "eror"');

    const pkg = '{ "name": "x", "backlog-lint": { "rules": { "story-benefit": "eror" } } }';
    const e2 = await errorFor('/w/package.json', pkg);
    assert.strictEqual(marked(pkg, configErrorRange(e2.file, pkg, e2)), '"story-benefit": "eror"');

    const yaml = 'rules:\n  story-benefit: eror\n';
    const e3 = await errorFor('/w/.backlog-lint.yaml', yaml);
    assert.strictEqual(marked(yaml, configErrorRange(e3.file, yaml, e3)), 'story-benefit: eror');
  });

  it('a syntax error: from its line and column to the end of that line, never zero width', async () => {
    const json = '{\n  "rules": { "story-benefit": "error" \n';
    const err = await errorFor('/w/.backlog-lint.json', json);
    const range = configErrorRange(err.file, json, err);
    assert.ok(range.end > range.start, JSON.stringify({ range, err: err.message }));
  });
});
