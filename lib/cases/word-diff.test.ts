import { describe, expect, it } from 'vitest';
import { diffWords } from './word-diff';

const after = (pieces: ReturnType<typeof diffWords>) => pieces.filter((p) => p.kind !== 'removed').map((p) => p.text).join('');

describe('diffWords', () => {
  it('marks nothing when the patient changed nothing', () => {
    expect(diffWords('Modic type 1 at T5.', 'Modic type 1 at T5.')).toEqual([{ kind: 'same', text: 'Modic type 1 at T5.' }]);
  });

  it('marks one corrected word as removed then added, the rest kept', () => {
    const pieces = diffWords('Mild height 1oss at T5 and T7.', 'Mild height loss at T5 and T7.');
    expect(pieces).toEqual([
      { kind: 'same', text: 'Mild height ' },
      { kind: 'removed', text: '1oss ' },
      { kind: 'added', text: 'loss ' },
      { kind: 'same', text: 'at T5 and T7.' },
    ]);
  });

  it('does not count re-wrapped lines as edits, and gives back the confirmed text exactly', () => {
    const pieces = diffWords('Findings:\nModic type 1\nchanges.', 'Findings: Modic type 1 changes.');
    expect(pieces.every((p) => p.kind === 'same')).toBe(true);
    expect(after(pieces)).toBe('Findings: Modic type 1 changes.');
  });

  it('finds an added sentence and a deleted word in the middle of a longer text', () => {
    const pieces = diffWords('a b c d e f', 'a b x c e f');
    expect(pieces.filter((p) => p.kind !== 'same')).toEqual([
      { kind: 'added', text: 'x ' },
      { kind: 'removed', text: 'd ' },
    ]);
    expect(after(pieces)).toBe('a b x c e f');
  });

  it('handles empty sides', () => {
    expect(diffWords('', 'new text')).toEqual([{ kind: 'added', text: 'new text' }]);
    expect(diffWords('old text', '')).toEqual([{ kind: 'removed', text: 'old text' }]);
  });

  it('stays fast on a full-length report with a change at each end', () => {
    const long = Array.from({ length: 3000 }, (_, i) => `w${i}`).join(' ');
    const edited = `x${long.slice(1, -1)}y`;
    const started = performance.now();
    const pieces = diffWords(long, edited);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(after(pieces)).toBe(edited);
  });
});
