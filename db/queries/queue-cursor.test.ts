import { describe, expect, it } from 'vitest';
import { decodeQueueCursor, encodeQueueCursor } from './queue-cursor';
import { statusesAllowedBefore } from '@/lib/domain/case';

describe('queue cursor', () => {
  it('round-trips the last row key with microseconds', () => {
    const c = { rank: 1, due: '2026-11-24 10:15:03.123456+00', id: '0b5e8a4e-8a57-4f7c-9d51-2a6f7e7c1c11' };
    expect(decodeQueueCursor(encodeQueueCursor(c))).toEqual(c);
  });

  it('rejects tampered or foreign cursors', () => {
    expect(decodeQueueCursor('nonsense')).toBeNull();
    expect(decodeQueueCursor(Buffer.from('[1,"x","y"]').toString('base64url'))).toBeNull();
    expect(decodeQueueCursor(Buffer.from('[1,"2026-01-01 00:00:00+00","1; drop table cases"]').toString('base64url'))).toBeNull();
  });
});

describe('status order', () => {
  it('never lets a decision move a case backwards', () => {
    expect(statusesAllowedBefore('advice_sent', { allowSame: true })).toEqual(['submitted', 'in_review', 'advice_sent']);
    expect(statusesAllowedBefore('referred', { allowSame: true })).not.toContain('closed');
    expect(statusesAllowedBefore('in_review', { allowSame: false })).toEqual(['submitted']);
  });
});
