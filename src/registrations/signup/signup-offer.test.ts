import { describe, expect, it } from 'vitest';
import { CoalescedReads } from './signup-offer.js';

describe('CoalescedReads', () => {
  it('shares one read among the callers of one turn, per key', async () => {
    const reads: string[] = [];
    const reader = new CoalescedReads(async (key: string) => {
      reads.push(key);
      return `${key}:${reads.length}`;
    });
    const answers = await Promise.all([reader.get('a'), reader.get('a'), reader.get('b')]);
    expect(answers).toEqual(['a:1', 'a:1', 'b:2']);
    expect(reads).toEqual(['a', 'b']);
  });

  it('gives a caller who asks after the read began a read of its own', async () => {
    let n = 0;
    const reader = new CoalescedReads(async () => ++n);
    expect(await reader.get('a')).toBe(1);
    expect(await reader.get('a')).toBe(2);
  });

  it('gives every sharer the error of a failed read', async () => {
    const reader = new CoalescedReads(async () => {
      throw new Error('gone');
    });
    await expect(Promise.all([reader.get('a'), reader.get('a')])).rejects.toThrow('gone');
  });
});
