import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aggregate, meanOf, responseRate } from './aggregate.js';
import { claimedInvitationId, invitationToken, newSalt, tokenMatches } from './invitation-token.js';
import { parseAnswers, templateQuestions, type Question } from './questions.js';
import { ScoreChart } from './views/ScoreChart.js';
import { translator } from '../web/i18n.js';

const questions: Question[] = [
  { key: 'overall', kind: 'scale5', da: 'Samlet', en: 'Overall' },
  { key: 'recommend', kind: 'nps', da: 'Anbefale', en: 'Recommend' },
  { key: 'best', kind: 'text', da: 'Bedst', en: 'Best' },
];

describe('aggregation', () => {
  it('counts every score of the scale, gives the mean to two decimals and lists free texts', () => {
    const r = aggregate(
      questions,
      [
        { question_key: 'overall', score: 5, text: null },
        { question_key: 'overall', score: 4, text: null },
        { question_key: 'overall', score: 4, text: null },
        { question_key: 'recommend', score: 10, text: null },
        { question_key: 'best', score: null, text: 'Oplæggene' },
        { question_key: 'gone', score: 3, text: null },
      ],
      'da',
    );
    expect(r[0]).toMatchObject({
      count: 3,
      mean: 4.33,
      distribution: [
        { score: 1, count: 0 },
        { score: 2, count: 0 },
        { score: 3, count: 0 },
        { score: 4, count: 2 },
        { score: 5, count: 1 },
      ],
    });
    expect(r[1]!.distribution).toHaveLength(11);
    expect(r[1]!.mean).toBe(10);
    expect(r[2]).toMatchObject({ count: 1, mean: null, texts: ['Oplæggene'] });
    expect(r.map((x) => x.key)).toEqual(['overall', 'recommend', 'best']);
  });

  it('has no mean without answers, and the mean lies within the scale for any answers', () => {
    expect(meanOf([{ score: 1, count: 0 }])).toBeNull();
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 200 }), (scores) => {
        const [r] = aggregate(
          [questions[0]!],
          scores.map((s) => ({ question_key: 'overall', score: s, text: null })),
          'en',
        );
        expect(r!.count).toBe(scores.length);
        expect(r!.mean!).toBeGreaterThanOrEqual(Math.min(...scores) - 0.005);
        expect(r!.mean!).toBeLessThanOrEqual(Math.max(...scores) + 0.005);
        expect(Math.abs(r!.mean! - scores.reduce((a, b) => a + b, 0) / scores.length)).toBeLessThanOrEqual(0.005);
      }),
    );
  });

  it('gives the response rate in whole percent and 0 when nobody was invited', () => {
    expect(responseRate(0, 0)).toBe(0);
    expect(responseRate(3, 2)).toBe(67);
  });
});

describe('single-use links', () => {
  it('accepts its own token and refuses another salt, secret, id or a changed character', () => {
    const salt = newSalt();
    const token = invitationToken('s'.repeat(40), 42, salt);
    expect(claimedInvitationId(token)).toBe(42);
    expect(tokenMatches('s'.repeat(40), token, 42, salt)).toBe(true);
    expect(tokenMatches('s'.repeat(40), token, 42, newSalt())).toBe(false);
    expect(tokenMatches('t'.repeat(40), token, 42, salt)).toBe(false);
    expect(tokenMatches('s'.repeat(40), token.replace(/^42/, '43'), 43, salt)).toBe(false);
    const flipped = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect(tokenMatches('s'.repeat(40), flipped, 42, salt)).toBe(false);
  });

  it('reads no id from anything not shaped like a token', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        const id = claimedInvitationId(s);
        if (id !== undefined) expect(s).toMatch(/^[1-9]\d*-[A-Za-z0-9_-]{32}$/);
      }),
    );
    expect(claimedInvitationId('0-' + 'a'.repeat(32))).toBeUndefined();
    expect(claimedInvitationId('99999999999-' + 'a'.repeat(32))).toBeUndefined();
  });
});

describe('answers', () => {
  it('takes whole scores within the scale and trimmed text, and refuses anything else per question', () => {
    expect(parseAnswers(questions, { 'q-overall': '5', 'q-recommend': '0', 'q-best': '  Godt \r\n' })).toEqual({
      ok: true,
      answers: [
        { key: 'overall', score: 5, text: null },
        { key: 'recommend', score: 0, text: null },
        { key: 'best', score: null, text: 'Godt' },
      ],
    });
    for (const bad of ['0', '6', '2.5', '-1', ' 3', 'x', '03x']) expect(parseAnswers(questions, { 'q-overall': bad }).ok).toBe(false);
    expect(parseAnswers(questions, { 'q-recommend': '11' })).toEqual({ ok: false, errors: [{ key: 'recommend', issue: 'score' }] });
    expect(parseAnswers(questions, {})).toEqual({ ok: false, errors: [{ key: 'overall', issue: 'empty' }] });
    expect(parseAnswers(questions, { 'q-best': 'x'.repeat(4001) })).toEqual({ ok: false, errors: [{ key: 'best', issue: 'too_long' }] });
  });

  it('never throws on hostile bodies, and what it accepts is within the rules', () => {
    const value = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
      fc.integer(),
      fc.constant(null),
      fc.object({ maxDepth: 1 }),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('q-overall', 'q-recommend', 'q-best', '__proto__', 'x'), value), (body) => {
        const r = parseAnswers(questions, body);
        if (r.ok) {
          for (const a of r.answers) {
            if (a.key === 'overall') expect(a.score! >= 1 && a.score! <= 5).toBe(true);
            if (a.key === 'recommend') expect(a.score! >= 0 && a.score! <= 10).toBe(true);
            if (a.key === 'best') expect(a.text!.length).toBeLessThanOrEqual(4000);
          }
        }
      }),
    );
  });

  it('makes the template with one question per session and per speaker', () => {
    const q = templateQuestions({ sessions: [{ id: 7, title: 'Åbning' }], speakers: [{ id: 3, name: 'Mette' }] });
    expect(q.map((x) => x.key)).toEqual(['overall', 'relevance', 'session:7', 'speaker:3', 'recommend', 'best', 'improve']);
    expect(q.every((x) => x.da !== '' && x.en !== '')).toBe(true);
  });
});

describe('the chart', () => {
  it('escapes the question in the SVG title and description and draws one bar per score', async () => {
    const [r] = aggregate(
      [{ key: 'overall', kind: 'scale5', da: '<script>alert(1)</script>"&', en: '' }],
      [{ question_key: 'overall', score: 3, text: null }],
      'da',
    );
    const svg = await ScoreChart({ t: translator('da'), locale: 'da', result: r!, id: 'q0' });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script>alert(1)&lt;/script>&#34;&amp;');
    expect(svg.match(/<rect /g)).toHaveLength(5);
    expect(svg).toContain('1 svar, gennemsnit 3,00');
  });
});
