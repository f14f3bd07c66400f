import { describe, expect, it } from 'vitest';
import { MRI_CORPUS } from './corpus/index';
import { V2_CORPUS } from './corpus/v2/index';
import { gapEnd, isRootAfter, LIST_GAP_RE, ON_GAP_RE, RANGE_GAP_RE, ROOT_AFTER_RE } from './levels';

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

  it('finds a nerve root after a mention exactly like the reference regex ("S1 nerve root", "L4 and L5 roots")', () => {
    const extra = 'L5 nerve root, L4 \tAND\tL5 ROOTS, S1 radiculopathy, L4 and L55 root, L4 and L555 root, L4 and l5root, L4 and X5 root,'
      + ' L4 and  S1  Nerve, L4and L5 root, L4 and L5, T2 Root, C5 an, L4 andL5 root';
    const texts = [...MRI_CORPUS.map((e) => e.report), ...V2_CORPUS.map((e) => e.report), extra];
    let matches = 0;
    for (const text of texts) {
      for (let i = 0; i <= text.length; i++) {
        ROOT_AFTER_RE.lastIndex = i;
        const want = ROOT_AFTER_RE.test(text);
        if (want) matches++;
        expect(isRootAfter(text, i), JSON.stringify(text.slice(i, i + 24))).toBe(want);
      }
    }
    expect(matches).toBeGreaterThan(20);
  });
});
