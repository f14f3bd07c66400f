import { describe, expect, it } from 'vitest';
import { describeMediaError } from './media';

describe('describeMediaError', () => {
  it('tells a blocked user where to allow camera and microphone', () => {
    const p = describeMediaError(new DOMException('Permission denied', 'NotAllowedError'));
    expect(p.title).toBe('Camera and microphone are blocked');
    expect(p.fix).toMatch(/address bar/);
    expect(p.fix).toMatch(/Try again/);
  });

  it('distinguishes missing and busy devices from unknown failures', () => {
    expect(describeMediaError(new DOMException('', 'NotFoundError')).title).toBe('No camera or microphone found');
    expect(describeMediaError(new DOMException('', 'NotReadableError')).title).toBe('The camera or microphone is busy');
    expect(describeMediaError('weird').title).toBe('Camera and microphone are not available');
  });
});
