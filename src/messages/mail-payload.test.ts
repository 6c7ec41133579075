import { describe, expect, it } from 'vitest';
import { MAIL_PAYLOAD_VERSION, MailPayloadError, readMailPayload } from './mail-payload.js';

const failure = (payload: string) => {
  try {
    readMailPayload(payload);
  } catch (error) {
    if (error instanceof MailPayloadError) return { message: error.message, permanent: error.permanent };
    throw error;
  }
  throw new Error('read without complaint');
};

describe('plain mail payloads', () => {
  it('reads a payload without a version as version 1, and the current one without its version', () => {
    expect(MAIL_PAYLOAD_VERSION).toBe(1);
    expect(readMailPayload(JSON.stringify({ text: 'Hej', locale: 'da' }))).toEqual({ text: 'Hej', locale: 'da' });
    expect(readMailPayload(JSON.stringify({ v: 1, text: 'Hej', headers: { 'List-Id': 'x' } }))).toEqual({ text: 'Hej', headers: { 'List-Id': 'x' } });
  });

  it('fails a payload that breaks its version for good, naming the field and never its value', () => {
    expect(failure(JSON.stringify({ v: 1, text: 'Hej', replyTo: ['hemmelig@x.dk'] }))).toEqual({
      message: 'mail payload v1 invalid: replyTo: invalid_type',
      permanent: true,
    });
    expect(failure(JSON.stringify({ html: 'hemmelig' }))).toEqual({ message: 'mail payload v1 invalid: text: invalid_type', permanent: true });
    expect(failure(JSON.stringify({ v: 'one', text: 'hemmelig' }))).toEqual({ message: 'mail payload invalid: v: invalid_type', permanent: true });
    expect(failure('hemmelig')).toEqual({ message: 'mail payload is not JSON', permanent: true });
    expect(failure('null')).toEqual({ message: 'mail payload invalid: (root): invalid_type', permanent: true });
  });

  it('leaves a version it does not know to a newer process: the failure is not permanent', () => {
    expect(failure(JSON.stringify({ v: 2, text: 'Hej' }))).toEqual({ message: 'mail payload version 2 is not known to this process', permanent: false });
  });
});
