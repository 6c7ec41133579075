import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadConfig } from '../config.js';
import { MailSendError, parseSmtpUrl, redactSecrets, toMailSendError } from './mail.transport.js';
import { messageIdFor, senderDomain } from './mail.compose.js';

describe('SMTP_URL', () => {
  it('gives host, port and TLS, and lists the credentials in every spelling as secrets', () => {
    const target = parseSmtpUrl('smtps://kursus%40example.dk:h%C3%A6mmelig%2Fkode@mail.example.dk');
    expect(target).toMatchObject({ host: 'mail.example.dk', port: 465, secure: true });
    expect(target.secrets).toEqual(expect.arrayContaining(['kursus%40example.dk', 'kursus@example.dk', 'h%C3%A6mmelig%2Fkode', 'hæmmelig/kode']));
    expect(parseSmtpUrl('smtp://mail.example.dk')).toMatchObject({ port: 587, secure: false, secrets: ['smtp://mail.example.dk'] });
    expect(parseSmtpUrl('smtp://u:p4ss@127.0.0.1:2525')).toMatchObject({ port: 2525, auth: { user: 'u', pass: 'p4ss' } });
    expect(target.auth).toEqual({ user: 'kursus@example.dk', pass: 'hæmmelig/kode' });
  });

  it('is checked at start-up without echoing it, and defaults leave mail in .eml files', () => {
    expect(() => loadConfig({ SMTP_URL: 'http://kursus:topsecret@mail.example.dk' })).toThrow(/smtp:\/\/ or smtps:\/\//);
    expect(() => loadConfig({ SMTP_URL: 'smtp://kursus:topsecret@' })).toThrow();
    for (const bad of ['http://kursus:topsecret@mail.example.dk', 'smtp://kursus:topsecret@', 'kursus:topsecret']) {
      try {
        loadConfig({ SMTP_URL: bad });
      } catch (error) {
        expect((error as Error).message).not.toContain('topsecret');
      }
    }
    expect(loadConfig({})).toMatchObject({ smtpUrl: undefined, mailFrom: 'Tilmeld <noreply@localhost>', outboxWorker: 'in-process' });
    expect(loadConfig({ OUTBOX_WORKER: 'off', SMTP_URL: 'smtps://u:p@mail.example.dk' })).toMatchObject({
      outboxWorker: 'off',
      smtpUrl: 'smtps://u:p@mail.example.dk',
    });
    expect(() => loadConfig({ OUTBOX_WORKER: 'sometimes' })).toThrow(/OUTBOX_WORKER/);
  });

  it('leaves no secret in a redacted text, whatever surrounds it', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 3 }), fc.string(), (before, secret, after) => {
        const out = redactSecrets(`${before}${secret}${after}${secret}`, [secret]);
        expect(out).not.toContain(secret);
      }),
    );
  });
});

describe('send errors', () => {
  it('treats a refused recipient (5xx on RCPT TO) and an unusable address as permanent', () => {
    expect(toMailSendError({ code: 'EENVELOPE', command: 'RCPT TO', responseCode: 550, message: 'Recipient refused' }).permanent).toBe(true);
    expect(toMailSendError({ code: 'EENVELOPE', command: 'API', message: 'Invalid recipient' }).permanent).toBe(true);
  });

  it('retries everything else: busy servers, refused connections, timeouts, failed logins', () => {
    for (const e of [
      { code: 'EENVELOPE', command: 'RCPT TO', responseCode: 451, message: 'try later' },
      { code: 'EMESSAGE', command: 'DATA', responseCode: 452, message: 'insufficient storage' },
      { code: 'ESOCKET', command: 'CONN', message: 'connect ECONNREFUSED 127.0.0.1:25' },
      { code: 'ETIMEDOUT', message: 'Greeting never received' },
      { code: 'EAUTH', command: 'AUTH PLAIN', responseCode: 535, message: 'Invalid login' },
      new Error('disk full'),
    ]) {
      expect(toMailSendError(e).permanent).toBe(false);
    }
  });

  it('redacts secrets and keeps the stored text on one line and short', () => {
    const error = toMailSendError({ code: 'EAUTH', message: `bad login for smtp://u:topsecret@h\r\n${'x'.repeat(2000)}` }, [
      'topsecret',
      'smtp://u:topsecret@h',
    ]);
    expect(error).toBeInstanceOf(MailSendError);
    expect(error.message).not.toContain('topsecret');
    expect(error.message).not.toMatch(/[\r\n]/);
    expect(error.message.length).toBeLessThanOrEqual(1000);
  });
});

describe('Message-ID', () => {
  it('is made under the sender domain and stays the same for the same outbox row', () => {
    const row = { id: 42, created_at: '2026-06-01T10:00:00.000Z' };
    expect(senderDomain('Tilmeld <kursus@Example.DK>')).toBe('example.dk');
    expect(senderDomain('noreply')).toBe('localhost');
    const id = messageIdFor(row, 'Tilmeld <kursus@example.dk>');
    expect(id).toBe(messageIdFor({ ...row }, 'Tilmeld <kursus@example.dk>'));
    expect(id).toMatch(/^<tilmeld\.42\.[0-9a-z]+@example\.dk>$/);
    expect(messageIdFor({ ...row, id: 43 }, 'kursus@example.dk')).not.toBe(id);
  });
});
