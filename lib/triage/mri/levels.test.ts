import { describe, expect, it } from 'vitest';
import { MRI_CORPUS } from './corpus/index';
import { V2_CORPUS } from './corpus/v2/index';
import { gapEnd, LIST_GAP_RE, ON_GAP_RE, RANGE_GAP_RE } from './levels';

describe('gaps between level mentions', () => {
  it('end exactly where the reference regexes end ("L3 to L5", "L4-5, and L5-S1", "L4 on L5")', () => {
    const extra = 'L3 THROUGH L5, T5 thru T7, L3 To L4, C5 – C6, C6—C7, L4 \t-\t L5, L3-4 ,\tAND L4-5, L3-4, or L4-5, L4-5 AND/OR L5-S1,'
      + ' L2 & L3, L4 On L5, L4 onL5, L3 tho L4, L3 thr, L3 an, L3 and/, L4 ,, L5 o';
    const texts = [...MRI_CORPUS.map((e) => e.report), ...V2_CORPUS.map((e) => e.report), extra];
    const refs = [['list', LIST_GAP_RE], ['range', RANGE_GAP_RE], ['on', ON_GAP_RE]] as const;
    let matches = 0;
    for (const text of texts) {
      for (let i = 0; i <= text.length; i++) {
        for (const [kind, re] of refs) {
          re.lastIndex = i;
          const want = re.test(text) ? re.lastIndex : -1;
          if (want >= 0) matches++;
          expect(gapEnd(kind, text, i), `${kind} at ${JSON.stringify(text.slice(i, i + 20))}`).toBe(want);
        }
      }
    }
    expect(matches).toBeGreaterThan(1000);
  });
});
