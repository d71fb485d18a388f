import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser/lib/esm/main.js';
import { z } from 'zod';
import { defineRule, type Rule } from '../../src/core/rule';
import type { FileSystemHost } from '../../src/core/types';
import {
  ConfigError,
  createConfigLoader,
  defaultConfig,
  memoryFileSystem,
  nodeFileSystem,
  printConfig,
  starterConfig,
  type ConfigLoaderOptions,
} from '../../src/config';

const DOCS = 'Example.\n\n```md\nbad\n```\n\n```md\ngood\n```\n';

function fakeRule(id: string, role: 'po' | 'pm' | 'common', options?: z.ZodType): Rule<any> {
  return defineRule<any>({
    meta: {
      id,
      role,
      artifacts: ['story'],
      severity: 'warning',
      description: `Checks ${id} in stories.`,
      rationale: 'Because tests need a rule.',
      fixable: false,
    },
    docs: DOCS,
    options,
    check() {},
  });
}

const RULES: Rule<any>[] = [
  fakeRule('story-benefit', 'po'),
  fakeRule('story-size', 'po', z.strictObject({ maxWords: z.number().int().positive().default(40) })),
  fakeRule('prd-scope', 'pm'),
];

function loader(files: Record<string, string>, extra: Partial<ConfigLoaderOptions> = {}) {
  return createConfigLoader({ fs: memoryFileSystem(files), rules: RULES, ...extra });
}

async function configError(promise: Promise<unknown>): Promise<ConfigError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a ConfigError');
}

/** The message for a single config file whose content is `text`. */
async function errorFor(name: string, text: string): Promise<ConfigError> {
  return configError(loader({ [`/p/${name}`]: text }).forFile('/p/a.md'));
}

describe('config loader', () => {
  describe('defaults', () => {
    it('returns the defaults when no config exists', async () => {
      const config = await loader({}).forFile('/p/docs/a.md');
      assert.deepEqual(config, { ...defaultConfig(), ignored: false });
      assert.deepEqual(config.roles, ['po', 'pm']);
      assert.deepEqual(config.acceptanceCriteriaLabels, [
        'Acceptance criteria',
        'Acceptance criterion',
        'AC',
        'Definition of done',
        'DoD',
      ]);
    });
  });

  describe('discovery and merging', () => {
    const files = {
      '/p/.backlog-lint.json': JSON.stringify({
        roles: ['po'],
        rules: { 'story-benefit': 'error', 'story-size': ['warning', { maxWords: 10 }] },
        allowWords: ['fast'],
        acceptanceCriteriaLabels: ['Criteria'],
      }),
      '/p/team/.backlog-lint.yaml': [
        'roles: [pm]',
        'rules:',
        '  story-size: error',
        '  prd-scope: off',
        'allowWords: [easy, fast]',
      ].join('\n'),
    };

    it('merges from the farthest to the nearest config, nearer winning per key', async () => {
      const config = await loader(files).forFile('/p/team/sub/a.md');
      assert.deepEqual(config.roles, ['pm']);
      assert.deepEqual(config.rules, {
        'story-benefit': { severity: 'error' },
        // A severity alone keeps the options set farther up.
        'story-size': { severity: 'error', options: { maxWords: 10 } },
        'prd-scope': { severity: 'off' },
      });
      assert.deepEqual(config.allowWords, ['fast', 'easy']);
      assert.deepEqual(config.acceptanceCriteriaLabels, ['Criteria']);
      assert.deepEqual(config.sources, ['/p/.backlog-lint.json', '/p/team/.backlog-lint.yaml']);
    });

    it('uses only the configs above the file', async () => {
      const config = await loader(files).forFile('/p/other/a.md');
      assert.deepEqual(config.roles, ['po']);
      assert.deepEqual(config.sources, ['/p/.backlog-lint.json']);
    });

    it('stops at a config with root: true', async () => {
      const config = await loader({
        ...files,
        '/p/team/.backlog-lint.yaml': 'root: true\nallowWords: [easy]\n',
      }).forFile('/p/team/a.md');
      assert.deepEqual(config.roles, ['po', 'pm']);
      assert.deepEqual(config.rules, {});
      assert.deepEqual(config.allowWords, ['easy']);
      assert.deepEqual(config.sources, ['/p/team/.backlog-lint.yaml']);
    });

    it('stops at stopAt', async () => {
      const config = await loader(
        { '/ws/.backlog-lint.json': '{"roles":["po"]}', '/ws/project/.backlog-lint.json': '{"allowWords":["x"]}' },
        { stopAt: '/ws/project' },
      ).forFile('/ws/project/docs/a.md');
      assert.deepEqual(config.sources, ['/ws/project/.backlog-lint.json']);
      assert.deepEqual(config.roles, ['po', 'pm']);
    });

    it('reads the "backlog-lint" key of package.json and skips a package.json without it', async () => {
      const config = await loader({
        '/p/package.json': JSON.stringify({ name: 'x', 'backlog-lint': { roles: ['pm'] } }),
        '/p/sub/package.json': JSON.stringify({ name: 'sub' }),
      }).forFile('/p/sub/a.md');
      assert.deepEqual(config.roles, ['pm']);
      assert.deepEqual(config.sources, ['/p/package.json']);
    });

    it('picks one config per folder: jsonc, json, yaml, yml, then package.json', async () => {
      const all: Record<string, string> = {
        '/p/.backlog-lint.jsonc': '{"allowWords":["jsonc"]}',
        '/p/.backlog-lint.json': '{"allowWords":["json"]}',
        '/p/.backlog-lint.yaml': 'allowWords: [yaml]',
        '/p/.backlog-lint.yml': 'allowWords: [yml]',
        '/p/package.json': '{"backlog-lint":{"allowWords":["package"]}}',
      };
      for (const winner of ['jsonc', 'json', 'yaml', 'yml', 'package']) {
        const config = await loader(all).forFile('/p/a.md');
        assert.deepEqual(config.allowWords, [winner]);
        assert.equal(config.sources.length, 1);
        delete all[config.sources[0]!];
      }
    });

    it('works without readDirectory on the host', async () => {
      const memory = memoryFileSystem({ '/p/.backlog-lint.yml': 'roles: [po]' });
      const config = await createConfigLoader({ fs: { readFile: memory.readFile }, rules: RULES }).forFile('/p/a.md');
      assert.deepEqual(config.roles, ['po']);
    });

    it('accepts untitled documents (a folder plus a virtual name) and Windows paths', async () => {
      const files = { 'C:/ws/.backlog-lint.json': '{"roles":["pm"]}' };
      assert.deepEqual((await loader(files).forFile('C:\\ws\\Untitled-1')).roles, ['pm']);
      assert.deepEqual((await loader(files).forFile('C:/ws/docs/Untitled-2')).roles, ['pm']);
      const stopped = await loader(
        { ...files, 'C:/.backlog-lint.json': '{"allowWords":["x"]}' },
        { stopAt: 'c:/ws' },
      ).forFile('C:\\ws\\a.md');
      assert.deepEqual(stopped.sources, ['C:/ws/.backlog-lint.json']);
    });

    it('reads each config file once across many files, until clearCache', async () => {
      const memory = memoryFileSystem({
        '/p/.backlog-lint.json': '{"roles":["po"]}',
        '/p/a/b/.backlog-lint.json': '{}',
      });
      const reads: string[] = [];
      const counting: FileSystemHost = {
        readFile: (p) => {
          reads.push(p);
          return memory.readFile(p);
        },
        readDirectory: (p) => memory.readDirectory!(p),
      };
      const configs = createConfigLoader({ fs: counting, rules: RULES });
      await Promise.all(
        ['/p/x.md', '/p/a/y.md', '/p/a/b/z.md', '/p/a/b/c/w.md', '/p/a/b/c/v.md'].map((f) => configs.forFile(f)),
      );
      assert.deepEqual(reads.sort(), ['/p/.backlog-lint.json', '/p/a/b/.backlog-lint.json']);
      configs.clearCache();
      await configs.forFile('/p/x.md');
      assert.equal(reads.length, 3);
    });
  });

  describe('--role', () => {
    it('narrows the roles the config selects', async () => {
      const files = {
        '/p/.backlog-lint.json': '{"roles":["po","pm"],"overrides":[{"files":"roadmap/**","roles":["pm"]}]}',
      };
      assert.deepEqual((await loader(files, { roles: ['po'] }).forFile('/p/a.md')).roles, ['po']);
      assert.deepEqual((await loader(files, { roles: ['po'] }).forFile('/p/roadmap/r.md')).roles, []);
      assert.deepEqual((await loader(files, { roles: ['pm'] }).forFile('/p/roadmap/r.md')).roles, ['pm']);
    });
  });

  describe('overrides', () => {
    const files = {
      '/p/.backlog-lint.jsonc': `{
        "rules": { "story-benefit": "warning" },
        "allowWords": ["base"],
        "overrides": [
          { "files": "roadmap/**", "roles": ["pm"], "rules": { "story-benefit": "off" }, "allowWords": ["soon"] },
          { "files": ["roadmap/q3.md", "*.prd.md"], "rules": { "story-benefit": "error", "story-size": ["info", { "maxWords": 5 }] } }
        ]
      }`,
      '/p/sub/.backlog-lint.json':
        '{"rules":{"story-benefit":"info"},"overrides":[{"files":"*.md","rules":{"prd-scope":"error"}}]}',
    };

    it('applies matching overrides in order after the merge, later entries winning', async () => {
      const q3 = await loader(files).forFile('/p/roadmap/q3.md');
      assert.deepEqual(q3.roles, ['pm']);
      assert.deepEqual(q3.rules, {
        'story-benefit': { severity: 'error' },
        'story-size': { severity: 'info', options: { maxWords: 5 } },
      });
      assert.deepEqual(q3.allowWords, ['base', 'soon']);
      const q4 = await loader(files).forFile('/p/roadmap/q4.md');
      assert.deepEqual(q4.rules, { 'story-benefit': { severity: 'off' } });
      const other = await loader(files).forFile('/p/stories/a.md');
      assert.deepEqual(other.rules, { 'story-benefit': { severity: 'warning' } });
      assert.deepEqual(other.roles, ['po', 'pm']);
    });

    it('beat the nearer config, and match globs relative to their own config folder', async () => {
      const config = await loader(files).forFile('/p/sub/x.prd.md');
      // The /p override (*.prd.md) applies after the merge, so it beats /p/sub's plain "info".
      assert.deepEqual(config.rules['story-benefit'], { severity: 'error' });
      assert.deepEqual(config.rules['prd-scope'], { severity: 'error' });
      assert.deepEqual((await loader(files).forFile('/p/a.md')).rules['prd-scope'], undefined);
    });
  });

  describe('artifacts', () => {
    const files = {
      '/p/.backlog-lint.json': JSON.stringify({
        artifacts: {
          '*.prd.md': 'prd',
          'roadmap/*.md': 'roadmap',
          '/top.md': 'epic',
          'roadmap/items/*.md': 'roadmap-item',
        },
      }),
      '/p/team/.backlog-lint.json': JSON.stringify({ artifacts: { 'special.prd.md': 'business-case' } }),
    };

    it('matches globs relative to the config folder; slash-less globs match the name at any depth', async () => {
      const kinds = loader(files);
      assert.equal((await kinds.forFile('/p/docs/deep/x.prd.md')).artifact, 'prd');
      assert.equal((await kinds.forFile('/p/roadmap/2025.md')).artifact, 'roadmap');
      assert.equal((await kinds.forFile('/p/roadmap/items/a.md')).artifact, 'roadmap-item');
      assert.equal((await kinds.forFile('/p/top.md')).artifact, 'epic');
      assert.equal((await kinds.forFile('/p/docs/top.md')).artifact, undefined);
      assert.equal((await kinds.forFile('/p/notes.md')).artifact, undefined);
    });

    it('lets the nearer config win', async () => {
      assert.equal((await loader(files).forFile('/p/team/special.prd.md')).artifact, 'business-case');
      assert.equal((await loader(files).forFile('/p/team/other.prd.md')).artifact, 'prd');
    });
  });

  describe('ignores', () => {
    it('ignores matching files and folders, relative to each config', async () => {
      const files = {
        '/p/.backlog-lint.json': '{"ignores":["drafts", "archive/**", "*.tmp.md"]}',
        '/p/team/.backlog-lint.yaml': 'ignores: ["/old.md"]',
      };
      const ignored = async (f: string) => (await loader(files).forFile(f)).ignored;
      assert.equal(await ignored('/p/drafts/a.md'), true);
      assert.equal(await ignored('/p/team/drafts/deep/a.md'), true);
      assert.equal(await ignored('/p/archive/2024/a.md'), true);
      assert.equal(await ignored('/p/team/x.tmp.md'), true);
      assert.equal(await ignored('/p/team/old.md'), true);
      assert.equal(await ignored('/p/old.md'), false);
      assert.equal(await ignored('/p/team/sub/old.md'), false);
      assert.equal(await ignored('/p/team/archive/a.md'), false);
      assert.equal(await ignored('/p/stories/a.md'), false);
    });
  });

  describe('templates', () => {
    it('reads *.md files of the templates folder, nearer config winning per key', async () => {
      const config = await loader({
        '/p/.backlog-lint.json': '{"templates":"tpl"}',
        '/p/tpl/story-acceptance-criteria.md': 'Given …\n',
        '/p/tpl/prd-scope.md': 'In scope:\n',
        '/p/tpl/README.txt': 'not a template',
        '/p/team/.backlog-lint.yaml': 'templates: shared/templates',
        '/p/team/shared/templates/prd-scope.md': 'Team scope\n',
      }).forFile('/p/team/a.md');
      assert.deepEqual(config.templates, {
        'story-acceptance-criteria': 'Given …\n',
        'prd-scope': 'Team scope\n',
      });
    });

    it('reports a missing templates folder', async () => {
      const error = await errorFor('.backlog-lint.json', '{"templates":"nope"}');
      assert.equal(error.keyPath, 'templates');
      assert.equal(error.message, '/p/.backlog-lint.json: templates: folder not found: /p/nope');
    });
  });

  describe('--config', () => {
    const files = {
      '/p/.backlog-lint.json': '{"roles":["po"]}',
      '/p/docs/.backlog-lint.json': '{"roles":["pm"]}',
      '/cfg/ci.yaml': 'allowWords: [ci]\nartifacts:\n  "docs/*.md": prd\n',
    };

    it('uses only the given file, with globs relative to it', async () => {
      const configs = loader(files, { configFile: '/cfg/ci.yaml' });
      const config = await configs.forFile('/p/docs/a.md');
      assert.deepEqual(config.sources, ['/cfg/ci.yaml']);
      assert.deepEqual(config.roles, ['po', 'pm']);
      assert.deepEqual(config.allowWords, ['ci']);
      assert.equal(config.artifact, undefined);
      assert.equal((await configs.forFile('/cfg/docs/b.md')).artifact, 'prd');
    });

    it('reports a missing file and a package.json without the key', async () => {
      const missing = await configError(loader(files, { configFile: '/cfg/none.json' }).forFile('/p/a.md'));
      assert.equal(missing.message, '/cfg/none.json: config file not found');
      const pkg = await configError(
        loader({ '/cfg/package.json': '{"name":"x"}' }, { configFile: '/cfg/package.json' }).forFile('/p/a.md'),
      );
      assert.equal(pkg.message, '/cfg/package.json: no "backlog-lint" key in this package.json');
    });
  });

  describe('syntax errors', () => {
    it('reports JSON errors with line and column', async () => {
      const error = await errorFor('.backlog-lint.json', '{\n  "roles": ["po"]\n  "rules": {}\n}');
      assert.equal(error.message, '/p/.backlog-lint.json:3:3: invalid JSON: comma expected');
      assert.deepEqual([error.file, error.keyPath, error.line, error.column], ['/p/.backlog-lint.json', '', 3, 3]);
    });

    it('rejects comments in .json but accepts comments and trailing commas in .jsonc', async () => {
      const text = '{\n  // team roles\n  "roles": ["po",],\n}';
      const error = await errorFor('.backlog-lint.json', text);
      assert.equal(error.message, '/p/.backlog-lint.json:2:3: invalid JSON: invalid comment token');
      const config = await loader({ '/p/.backlog-lint.jsonc': text }).forFile('/p/a.md');
      assert.deepEqual(config.roles, ['po']);
    });

    it('reports JSONC errors with line and column', async () => {
      const error = await errorFor('.backlog-lint.jsonc', '{\n  "roles": ["po"\n}');
      assert.equal(error.message, '/p/.backlog-lint.jsonc:3:1: invalid JSONC: comma expected');
    });

    it('reports YAML errors with line and column, including repeated keys', async () => {
      const bad = await errorFor('.backlog-lint.yaml', 'roles: [po\nrules: {}\n');
      assert.match(bad.message, /^\/p\/\.backlog-lint\.yaml:\d+:\d+: invalid YAML: /);
      const duplicate = await errorFor('.backlog-lint.yml', 'roles: [po]\nroles: [pm]\n');
      assert.equal(duplicate.message, '/p/.backlog-lint.yml:2:1: invalid YAML: Map keys must be unique');
    });

    it('reports a YAML alias without its anchor, or one that expands too far, at the alias (fuzz-found)', async () => {
      const unresolved = await errorFor('.backlog-lint.yaml', 'roles: [po]\nallowWords: *words\n');
      assert.match(unresolved.message, /^\/p\/\.backlog-lint\.yaml:2:13: invalid YAML: Unresolved alias/);
      const laughs = [
        'a: &a [x, x, x, x, x, x, x, x, x, x]',
        ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
      ].join('\n');
      const bomb = await errorFor('.backlog-lint.yaml', `${laughs}\n`);
      assert.match(bomb.message, /^\/p\/\.backlog-lint\.yaml:\d+:\d+: invalid YAML: /);
    });

    it('reports a broken package.json', async () => {
      const error = await errorFor('package.json', '{"name": }');
      assert.equal(error.message, '/p/package.json:1:10: invalid JSON: value expected');
    });

    it('accepts an empty YAML file and rejects a config that is not an object', async () => {
      assert.deepEqual((await loader({ '/p/.backlog-lint.yaml': '# nothing yet\n' }).forFile('/p/a.md')).roles, [
        'po',
        'pm',
      ]);
      const error = await errorFor('.backlog-lint.yaml', '- po\n- pm\n');
      assert.equal(error.message, '/p/.backlog-lint.yaml: expected an object');
    });
  });

  describe('validation messages', () => {
    const cases: [string, unknown, string][] = [
      [
        'bad severity',
        { rules: { 'story-benefit': 'warn' } },
        'rules.story-benefit: expected one of off, info, warning, error',
      ],
      [
        'numeric severity',
        { rules: { 'story-benefit': 2 } },
        'rules.story-benefit: expected one of off, info, warning, error',
      ],
      [
        'bad severity in a tuple',
        { rules: { 'story-size': ['warn'] } },
        'rules.story-size[0]: expected one of off, info, warning, error',
      ],
      [
        'unknown rule',
        { rules: { 'story-benfit': 'error' } },
        'rules.story-benfit: unknown rule (did you mean story-benefit?)',
      ],
      ['unknown rule, no suggestion', { rules: { 'no-such-thing': 'error' } }, 'rules.no-such-thing: unknown rule'],
      ['unknown key', { allowWord: [] }, 'allowWord: unknown key (did you mean allowWords?)'],
      ['unknown key, no suggestion', { colour: 'red' }, 'colour: unknown key'],
      ['bad role', { roles: ['po', 'qa'] }, 'roles[1]: expected one of po, pm'],
      ['empty roles', { roles: [] }, 'roles: expected at least 1 item'],
      ['roles not an array', { roles: 'po' }, 'roles: expected an array, got string "po"'],
      ['root not a boolean', { root: 'yes' }, 'root: expected a boolean, got string "yes"'],
      ['allowWords entry', { allowWords: ['ok', 3] }, 'allowWords[1]: expected a string, got number 3'],
      ['empty templates', { templates: '' }, 'templates: must not be empty'],
      [
        'artifact kind',
        { artifacts: { '*.prd.md': 'spec' } },
        'artifacts["*.prd.md"]: expected one of story, backlog, epic, prd, roadmap, roadmap-item, business-case',
      ],
      [
        'rule options',
        { rules: { 'story-size': ['error', { maxWords: 'ten' }] } },
        'rules.story-size[1].maxWords: expected a number, got string "ten"',
      ],
      [
        'rule option refinement',
        { rules: { 'story-size': ['error', { maxWords: -1 }] } },
        'rules.story-size[1].maxWords: Too small: expected number to be >0',
      ],
      [
        'unknown rule option',
        { rules: { 'story-size': ['error', { max: 3 }] } },
        'rules.story-size[1].max: unknown key',
      ],
      [
        'options for a rule without options',
        { rules: { 'story-benefit': ['error', {}] } },
        'rules.story-benefit[1]: this rule takes no options',
      ],
      ['too many items', { rules: { 'story-size': ['error', {}, {}] } }, 'rules.story-size: expected at most 2 items'],
      ['override without files', { overrides: [{ roles: ['po'] }] }, 'overrides[0].files: required'],
      [
        'override files type',
        { overrides: [{ files: 3 }] },
        'overrides[0].files: expected a glob or an array of globs',
      ],
      [
        'override unknown key',
        { overrides: [{ files: '*.md', rule: {} }] },
        'overrides[0].rule: unknown key (did you mean rules?)',
      ],
      [
        'override unknown rule',
        { overrides: [{ files: '*.md', rules: { 'prd-scop': 'off' } }] },
        'overrides[0].rules.prd-scop: unknown rule (did you mean prd-scope?)',
      ],
      [
        'override artifacts not allowed',
        { overrides: [{ files: '*.md', artifacts: {} }] },
        'overrides[0].artifacts: unknown key',
      ],
    ];
    for (const [name, data, expected] of cases) {
      it(name, async () => {
        const error = await errorFor('.backlog-lint.json', JSON.stringify(data));
        assert.equal(error.message, `/p/.backlog-lint.json: ${expected}`);
        assert.equal(error.file, '/p/.backlog-lint.json');
        assert.equal(error.keyPath, expected.slice(0, expected.indexOf(': ')));
      });
    }

    it('lists every problem, keyPath naming the first', async () => {
      const error = await errorFor('.backlog-lint.json', '{"roles":["qa"],"rules":{"story-benefit":"warn"}}');
      assert.equal(error.keyPath, 'roles[0]');
      assert.equal(
        error.message,
        '/p/.backlog-lint.json: roles[0]: expected one of po, pm\n' +
          '/p/.backlog-lint.json: rules.story-benefit: expected one of off, info, warning, error',
      );
    });

    it('prefixes key paths with "backlog-lint" in package.json', async () => {
      const error = await errorFor('package.json', '{"backlog-lint":{"rules":{"story-benefit":"warn"}}}');
      assert.equal(error.keyPath, 'backlog-lint.rules.story-benefit');
      const notObject = await errorFor('package.json', '{"backlog-lint":true}');
      assert.equal(notObject.message, '/p/package.json: backlog-lint: expected an object');
    });

    it('keeps validated rule options, with the schema defaults applied', async () => {
      const config = await loader({
        '/p/.backlog-lint.json': '{"$schema":"x","rules":{"story-size":["info",{}]}}',
      }).forFile('/p/a.md');
      assert.deepEqual(config.rules['story-size'], { severity: 'info', options: { maxWords: 40 } });
    });
  });

  describe('starterConfig and printConfig', () => {
    it('writes a commented JSONC config that validates against the rules', async () => {
      const text = starterConfig(RULES);
      assert.match(text, /^\/\/ /);
      assert.match(text, /"\$schema": "https:\/\/.*backlog-lint\.schema\.json"/);
      const config = await loader({ '/p/.backlog-lint.jsonc': text }).forFile('/p/a.md');
      assert.deepEqual(config.rules['story-benefit'], { severity: 'warning' });
      assert.deepEqual(config.allowWords, ['real-time']);
      assert.deepEqual(parseJsonc(starterConfig()).rules, {});
    });

    it('prints the config in force for a file as JSON', async () => {
      const configs = loader({ '/p/.backlog-lint.json': '{"roles":["po"]}' });
      const printed = JSON.parse(await printConfig(configs, '/p/a.md'));
      assert.deepEqual(printed, JSON.parse(JSON.stringify(await configs.forFile('/p/a.md'))));
      assert.deepEqual(printed.roles, ['po']);
    });
  });

  describe('on disk', () => {
    let dir: string;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backlog-lint-config-'));
      fs.cpSync(path.join(process.cwd(), 'test/fixtures/config/project'), dir, { recursive: true });
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('discovers, merges and reads templates through nodeFileSystem', async () => {
      const configs = createConfigLoader({ fs: nodeFileSystem(), rules: RULES });
      const config = await configs.forFile(path.join(dir, 'backlog', 'stories', 'login.md'));
      assert.deepEqual(config.roles, ['po']);
      assert.deepEqual(config.rules, {
        'story-benefit': { severity: 'error' },
        'story-size': { severity: 'warning', options: { maxWords: 25 } },
      });
      assert.deepEqual(config.allowWords, ['MVP', 'real-time']);
      assert.equal(config.artifact, 'story');
      assert.deepEqual(Object.keys(config.templates), ['story-acceptance-criteria']);
      assert.equal(config.sources.length, 2);
      assert.equal((await configs.forFile(path.join(dir, 'backlog', 'drafts', 'x.md'))).ignored, true);
    });

    it('accepts a file that does not exist', async () => {
      const configs = createConfigLoader({ fs: nodeFileSystem(), rules: RULES });
      assert.deepEqual((await configs.forFile(path.join(dir, 'Untitled-1'))).roles, ['po', 'pm']);
    });
  });
});
