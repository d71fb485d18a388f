/**
 * How a document's kind is decided: file names, templates, design documents, the evidence recorded,
 * section headings in six languages, and roadmap horizons. Every document here is written for the test.
 */
import * as assert from 'node:assert/strict';
import { classify } from '../../src/core/classify';
import { kindFromFileName } from '../../src/core/classify/kind';
import { isHorizonTitle, sectionKind, sectionKinds } from '../../src/core/classify/sections';
import { lintText } from '../helpers/lint';
import { parseMarkdown } from '../../src/core/parse';
import { testConfig } from '../helpers/config';

function modelOf(text: string, filePath = 'notes.md') {
  return classify(parseMarkdown(text, filePath), { filePath, config: testConfig() });
}

describe('classification: file names', () => {
  const cases: [string, string | undefined][] = [
    ['user-stories.md', 'backlog'],
    ['product-backlog.md', 'backlog'],
    ['login-epic.md', 'epic'],
    ['feature-prd.md', 'prd'],
    ['roadmap-2023.md', 'roadmap'],
    ['BUSINESS_CASE.md', 'business-case'],
    ['3_Business_Case.md', 'business-case'],
    ['docs/roadmap.fr.md', 'roadmap'],
    ['checkout.story.md', 'story'],
    ['userstory7.md', 'story'],
    ['2024-Team-Roadmap.md', 'roadmap'],
    ['story-mapping-guide.md', undefined],
    ['epic-decision-record.md', undefined],
    ['storybook.md', undefined],
    ['prd-review-checklist.txt', undefined],
    ['README.md', undefined],
  ];
  for (const [name, kind] of cases) {
    it(`${name} → ${kind ?? 'no kind'}`, () => assert.equal(kindFromFileName(name), kind));
  }
});

describe('classification: templates', () => {
  it('reads a GitHub issue template for stories as a template, and lints nothing in it', () => {
    const text =
      '---\nname: New story\nabout: Propose a piece of work\nlabels: story\ntype: Goal\n---\n\nAs a [role] I want [thing] so that [reason].\n';
    const model = modelOf(text, '.github/ISSUE_TEMPLATE/new-story.md');
    assert.equal(model.template, 'artifact');
    assert.equal(model.kind, null);
    assert.deepEqual(
      lintText(text, { filePath: '.github/ISSUE_TEMPLATE/new-story.md', config: testConfig() }).findings,
      [],
    );
  });

  it('reads a bug-report form as a template of no artifact', () => {
    const model = modelOf('---\nname: Bug\nabout: Something broke\n---\n\n**What happened?**\n\n**Steps**\n');
    assert.equal(model.template, 'other');
  });

  it('keeps the front matter type over the template signals', () => {
    const model = modelOf('---\nname: Spec\nabout: A spec\ntype: prd\n---\n\n# Spec\n\n## Problem\n\nIt hurts.\n');
    assert.equal(model.kind, 'prd');
    assert.equal(model.template, null);
  });

  it('reads a document made of bracketed slots as a template', () => {
    const text = [
      '# Launch plan',
      '',
      '## Owner: [Name]',
      '## Date: [DD/MM/YYYY]',
      '',
      '## Problem',
      '',
      '[What hurts today, and for whom?]',
      '',
      '## Costs',
      '',
      '[Team weeks]',
      '',
      '## Risks',
      '',
      '[Top three risks]',
      '',
    ].join('\n');
    assert.equal(modelOf(text, 'business-case.md').template, 'artifact');
  });

  it('reads a filled-in issue template as the story it holds', () => {
    const text =
      '---\nname: Story\nabout: a story\n---\n\nAs a shop owner\nI want to export my orders\nSo that I can file my taxes\n';
    assert.equal(modelOf(text).template, null);
  });
});

describe('classification: design documents and evidence', () => {
  const designDoc = [
    '# Faster cache eviction',
    '## Summary',
    'We change how entries leave the cache.',
    '## Motivation',
    'Memory grows without bound.',
    '## Goals',
    '- bounded memory',
    '## Non-goals',
    '- a new storage engine',
    '## Proposal',
    'Evict by age.',
    '## Risks and mitigations',
    'Hot keys may be evicted.',
    '## Alternatives',
    'An LRU list.',
    '## Success metrics',
    'Resident memory stays under 2 GB.',
  ].join('\n\n');

  it('does not take an engineering design document for a PRD', () => {
    const model = modelOf(designDoc);
    assert.equal(model.kind, null);
    assert.ok(model.evidence.some((e) => e.says === 'design-doc' && e.lines.some((l) => l.text === 'Proposal')));
  });

  it('takes a product spec with audience, metrics and mockups for a PRD, and says why', () => {
    const text = [
      '# Saved searches',
      '## Problem',
      'People redo searches.',
      '## Target users',
      'Daily buyers.',
      '## Success metrics',
      '30% use it weekly.',
      '## Mockups',
      '![x](x.png)',
    ].join('\n\n');
    const model = modelOf(text);
    assert.equal(model.kind, 'prd');
    assert.equal(model.detectedBy, 'content');
    const deciding = model.evidence.find((e) => e.says === 'prd');
    assert.ok(deciding?.lines.some((l) => l.text === 'Target users' && l.line === 7));
  });

  it('records the file name as the evidence when it decides', () => {
    const model = modelOf('# Checkout\n\n## Problem\n\nSlow.\n', 'checkout-prd.md');
    assert.deepEqual(
      model.evidence.map((e) => [e.signal, e.says]),
      [['file-name', 'prd']],
    );
  });
});

describe('classification: section headings', () => {
  const cases: [string, string | null][] = [
    ['1) Problem', 'problem'],
    ['2.3 Target users', 'audience'],
    ['How will success be measured?', 'metrics'],
    ['For whom do we address that opportunity?', 'audience'],
    ['Background Context', 'problem'],
    ['Key problems', 'problem'],
    ['User problems to be solved', 'problem'],
    ['Desired user outcomes', 'goals'],
    ['Epic Goal', 'goals'],
    ['Technical Assumptions', 'assumptions'],
    ['Potential Issues', 'risks'],
    ['Explicit exclusions', 'scope'],
    ['Non-target users', 'scope'],
    ['The measure of success', 'metrics'],
    ['User success metrics', 'metrics'],
    ['Doelgroep', 'audience'],
    ['Probleemstelling', 'problem'],
    ['Zielgruppe', 'audience'],
    ['Erfolgskriterien', 'metrics'],
    ['Notre cible', 'audience'],
    ['Hors périmètre', 'scope'],
    ['Criterios de éxito', 'metrics'],
    ['Público-alvo', 'audience'],
    ['Riscos', 'risks'],
    ['Active users', null],
    ['Definition of done', null],
  ];
  for (const [title, kind] of cases) {
    it(`"${title}" → ${kind ?? 'none'}`, () => assert.equal(sectionKind(title), kind));
  }
  it('names both sides of a slash', () =>
    assert.deepEqual([...sectionKinds('Goals/Non-Goals')].sort(), ['goals', 'scope']));
});

describe('classification: roadmap horizons', () => {
  it('knows horizon headings by content', () => {
    for (const t of [
      'Now',
      'Next (0.9)',
      'Q3 2026',
      'Long-Term',
      'Near-Term and Medium-Term',
      'Future',
      'Upcoming releases',
      'Beta Release',
      'Visionary',
      'Evolve',
    ]) {
      assert.ok(isHorizonTitle(t), t);
    }
    assert.ok(!isHorizonTitle('Goals'));
    // An API heading that starts with "H2" or "Q1" letters is no half-year or quarter.
    assert.ok(!isHorizonTitle('H2CClient.close([callback])'));
    assert.ok(!isHorizonTitle('Q1Bus.send()'));
  });

  it('knows years, versions and phases only in a roadmap', () => {
    for (const t of [
      '2025',
      '[Version 0.6]',
      'Phase 0 — Revival (Weeks 0–8)',
      'Kubeflow 1.2 Features, Release Date: November 2020',
    ]) {
      assert.ok(!isHorizonTitle(t) || t.startsWith('Phase'), `${t} by content`);
      assert.ok(isHorizonTitle(t, true), `${t} in a roadmap`);
    }
  });

  it('checks items under a year, not the FAQ, and inherits the horizon', () => {
    const text = [
      '# Roadmap',
      '## 2026',
      '### Offline mode',
      'Goal: field staff work without signal.',
      '### Bulk export',
      'Reports for finance.',
      '## FAQ',
      '### Can I suggest an item?',
      'Yes.',
    ].join('\n\n');
    const model = modelOf(text, 'ROADMAP.md');
    const titles = (model.roadmap?.items ?? []).map((i) => i.title.text);
    assert.deepEqual(titles, ['Offline mode', 'Bulk export']);
    assert.ok(model.roadmap?.items.every((i) => i.inheritedHorizon?.text === '2026'));
    assert.ok(model.roadmap?.items[0]?.fields.why);
  });

  it('gives items the year of the roadmap title, and takes bullets under group headings as the items', () => {
    const text = [
      '# Platform team roadmap 2027',
      '## Milestones',
      '### Onboarding',
      '- Guided setup',
      '- Sample data',
      '### Billing',
      '- Invoices in PDF',
    ].join('\n\n');
    const items = modelOf(text, 'ROADMAP.md').roadmap?.items ?? [];
    assert.deepEqual(
      items.map((i) => [i.title.text, i.inheritedHorizon?.text]),
      [
        ['Guided setup', '2027'],
        ['Sample data', '2027'],
        ['Invoices in PDF', '2027'],
      ],
    );
  });

  it('does not take a list defining the horizons for items', () => {
    const text = [
      '# Project roadmap',
      'We name releases as follows:',
      '* Next (the coming release)',
      '* Future (anything later)',
      '## Subprojects',
      '* [Editor](editor.md)',
      '* [Server](server.md)',
    ].join('\n\n');
    const model = modelOf(text, 'README.md');
    assert.equal(model.kind, 'roadmap');
    assert.equal(model.roadmap, null);
  });

  it('finds no items in a roadmap that only points elsewhere', () => {
    const model = modelOf(
      '# Roadmap\n\nOur plans live on the project board: https://example.com/board\n',
      'ROADMAP.md',
    );
    assert.equal(model.roadmap, null);
  });

  it('does not take a changelog for a roadmap', () => {
    const text = ['# Changelog', '## Next', '- fix', '## Future', '- more', '## 1.2.0', '- added'].join('\n\n');
    assert.equal(modelOf(text).kind, null);
  });
});
