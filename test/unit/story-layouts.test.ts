/** Story extraction over the layouts and languages real backlogs use: where each story is, and its parts. */
import * as assert from 'node:assert/strict';
import { classify } from '../../src/core/classify';
import { parseMarkdown } from '../../src/core/parse';
import { testConfig } from '../helpers/config';

interface Seen {
  line: number;
  form: string | undefined;
  language: string | undefined;
  role: string | undefined;
  means: string | undefined;
  ends: string | undefined;
  criteria: number;
}

function storiesOf(text: string, filePath = 'backlog.md'): Seen[] {
  const doc = parseMarkdown(text, filePath);
  const model = classify(doc, { filePath, config: testConfig() });
  return model.stories
    .filter((s) => s.statement.template !== 'invalid')
    .map((s) => ({
      line: doc.lines.positionAt(s.statement.span.start).line,
      form: s.statement.form,
      language: s.statement.language,
      role: s.statement.role?.text,
      means: s.statement.means?.text,
      ends: s.statement.ends?.text,
      criteria: s.acceptanceCriteria?.criteria.length ?? 0,
    }));
}

describe('story layouts', () => {
  it('finds every story under one heading, each with the criteria that follow it', () => {
    const seen = storiesOf(
      [
        '# Ferry booking',
        '',
        '## Tickets',
        '',
        'As a passenger, I want to buy a ticket on my phone, so that I skip the queue.',
        '',
        '**Acceptance criteria:**',
        '',
        '- The ticket shows a QR code.',
        '',
        'As a passenger, I want to change my sailing, so that I can travel later.',
        '',
        '**Acceptance criteria:**',
        '',
        '- A change before departure costs nothing.',
        '- The new sailing is shown at once.',
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      seen.map((s) => [s.line, s.criteria]),
      [
        [5, 1],
        [11, 2],
      ],
    );
  });

  it('reads three-line stories in a fence, benefit before the want', () => {
    const seen = storiesOf(
      [
        '# Harbour kata',
        '',
        '```',
        'As a harbour master',
        'So I can keep the quay clear',
        'I want to assign a berth to a boat',
        '',
        'As a harbour master',
        'So I can plan the day',
        'I want to see the arrivals',
        '```',
        '',
      ].join('\n'),
      'kata.story.md',
    );
    assert.deepEqual(
      seen.map((s) => [s.line, s.form, s.role, s.ends]),
      [
        [4, 'benefit-first', 'harbour master', 'keep the quay clear'],
        [8, 'benefit-first', 'harbour master', 'plan the day'],
      ],
    );
  });

  it('reads "In order to …, as a …, I want …"', () => {
    const [s] = storiesOf(
      '# Story\n\nIn order to pay less, as a commuter, I want to see off-peak fares.\n',
      'fares.story.md',
    );
    assert.deepEqual(
      [s?.form, s?.role, s?.means, s?.ends],
      ['benefit-first', 'commuter', 'see off-peak fares', 'pay less'],
    );
  });

  it('reads a field list joined with <br>, and stops each part at its line', () => {
    const [s] = storiesOf(
      '# Story\n\n**As a:** night nurse<br>\n**I want to:** see which beds need a check<br>\n**So that:** no round is missed<br>\n**Given:** a ward with six beds\n',
      'ward.story.md',
    );
    assert.deepEqual(
      [s?.role, s?.means, s?.ends],
      ['night nurse', 'see which beds need a check', 'no round is missed'],
    );
  });

  it('reads tables whose columns are the role, the want and the benefit', () => {
    const seen = storiesOf(
      [
        '| En tant que … | Je veux … | Afin de … |',
        '| --- | --- | --- |',
        '| lecteur | emprunter un livre | le lire chez moi |',
        '| bibliothécaire | voir les retards | relancer les lecteurs |',
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      seen.map((s) => [s.line, s.language, s.role, s.means, s.ends]),
      [
        [3, 'fr', 'lecteur', 'emprunter un livre', 'le lire chez moi'],
        [4, 'fr', 'bibliothécaire', 'voir les retards', 'relancer les lecteurs'],
      ],
    );
  });

  it('reads stories in HTML table cells', () => {
    const seen = storiesOf(
      [
        '<table>',
        '<tr><td>1</td><td>Como cliente, quiero pagar con tarjeta para evitar efectivo.</td></tr>',
        '<tr><td>2</td><td>Como cliente, quiero ver mi pedido para saber cuándo llega.</td></tr>',
        '</table>',
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      seen.map((s) => [s.line, s.language, s.ends]),
      [
        [2, 'es', 'evitar efectivo'],
        [3, 'es', 'saber cuándo llega'],
      ],
    );
  });

  it("makes each bullet under a stem a story with the stem's role", () => {
    const seen = storiesOf(
      [
        '# Events',
        '',
        '- As an organiser, I can:',
        '  - publish an event, so that people can sign up',
        '  - cancel an event',
        '',
        'En tant que membre, je souhaite...',
        '',
        '* voter une motion, pour donner mon avis',
        '* lire le compte rendu',
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      seen.map((s) => [s.line, s.role, s.means, s.ends ?? null]),
      [
        [4, 'organiser', 'publish an event', 'people can sign up'],
        [5, 'organiser', 'cancel an event', null],
        [9, 'membre', 'voter une motion', 'donner mon avis'],
        [10, 'membre', 'lire le compte rendu', null],
      ],
    );
  });

  it('reads a capability stem over bullets ("Der Nutzer sollte in der Lage sein …")', () => {
    const seen = storiesOf(
      [
        '# Urlaub',
        '',
        'Der Nutzer sollte in der Lage sein ...',
        '',
        '* ... einen Urlaubsantrag zu stellen.',
        '* ... einen Antrag zurückzuziehen.',
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      seen.map((s) => [s.line, s.form, s.language]),
      [
        [5, 'other', 'de'],
        [6, 'other', 'de'],
      ],
    );
  });

  it('reads "-As a" without a space, link-wrapped stories and block quotes', () => {
    const seen = storiesOf(
      [
        '# Backlog',
        '',
        '-As a tenant, I want to report a leak, so that it is fixed soon.',
        '',
        '- [Als huurder wil ik mijn huur online betalen zodat ik geen acceptgiro nodig heb](https://example.org/1)',
        '',
        '> _"Como inquilino, quiero ver mis recibos, para poder declararlos."_',
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      seen.map((s) => [s.line, s.language, s.ends]),
      [
        [3, 'en', 'it is fixed soon'],
        [5, 'nl', 'ik geen acceptgiro nodig heb'],
        [7, 'es', 'declararlos'],
      ],
    );
  });

  it('reads the template of each language, benefit included', () => {
    const lines = [
      'Als monteur wil ik mijn route zien zodat ik op tijd ben.',
      'Als Fahrer möchte ich freie Ladesäulen sehen, damit ich nicht warte.',
      'Als Fahrer möchte ich meine Fahrten exportieren, um sie abzurechnen.',
      "En tant qu'élève, je veux voir mes notes afin de suivre mes progrès.",
      'Como paciente, quiero pedir cita en línea para no llamar por teléfono.',
      'Como vendedor, eu quero cadastrar produtos, para que os clientes os encontrem.',
    ];
    const seen = storiesOf(['# Backlog', '', ...lines.flatMap((l) => [`- ${l}`]), ''].join('\n'));
    assert.deepEqual(
      seen.map((s) => [s.language, s.ends !== undefined]),
      [
        ['nl', true],
        ['de', true],
        ['de', true],
        ['fr', true],
        ['es', true],
        ['pt', true],
      ],
    );
  });

  it('reads job stories with or without the comma, when an outcome follows', () => {
    const seen = storiesOf(
      [
        '# Jobs',
        '',
        '- When I arrive at the station I want to see the next train so I can decide to wait.',
        '- When my train is late, I want to be told, so I can warn my boss.',
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      seen.map((s) => s.form),
      ['job', 'job'],
    );
  });

  it('takes no ordinary sentence for a story', () => {
    const text = [
      '# Notes',
      '',
      'As discussed, we want to ship in June.',
      '',
      'Como resultado, quiero destacar que el sistema es estable.',
      '',
      'Wenn der Server startet, lädt er die Konfiguration.',
      '',
      'Als je wilt, kun je het rapport downloaden.',
      '',
      'As a result, I can see the logs.',
      '',
      '- As a [user role], I want [goal], so that [reason].',
      '',
    ].join('\n');
    assert.deepEqual(storiesOf(text), []);
  });

  it('does not take nested notes and examples for criteria', () => {
    const [s] = storiesOf(
      [
        '# Backlog',
        '',
        '- As a cook, I want to scale a recipe, so that it feeds more people.',
        '  - Note: units stay metric.',
        '  - i.e. double or halve it.',
        '- As a cook, I want to print a recipe, so that I can use it offline.',
        '  - The print has no ads.',
        '',
      ].join('\n'),
    );
    assert.equal(s?.criteria, 0);
  });
});
