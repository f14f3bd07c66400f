import { describe, expect, it } from 'vitest';
import type { MriFindingCode } from '../types';
import { modicCodes } from './lexicon';

/** The regex modicCodes used to run; the reading without it must find the same types. */
function reference(phrase: string): MriFindingCode[] {
  const out: MriFindingCode[] = [];
  const re = /(?:^|[\s\/,–-])(iii|ii|i|[123])\b/g;
  const start = phrase.search(/modic|type/);
  const body = start < 0 ? phrase : phrase.slice(start);
  for (let m = re.exec(body); m !== null; m = re.exec(body)) {
    const n = m[1] === 'i' || m[1] === '1' ? 1 : m[1] === 'ii' || m[1] === '2' ? 2 : 3;
    const code: MriFindingCode = n === 1 ? 'modic_1' : n === 2 ? 'modic_2' : 'modic_3';
    if (!out.includes(code)) out.push(code);
  }
  return out;
}

describe('modicCodes', () => {
  it('reads the same types as the regex on written and random phrases', () => {
    const phrases = [
      'modic type i', 'modic type ii', 'modic type iii', 'modic type 1/2', 'modic type i/ii changes', 'type 2 modic',
      'modic 1-2', 'modic type iv', 'modic type ia', 'modic type i_', 'modic type 12', 'modic–3', 'modic,2', 'i modic ii',
      'modic type\u00a0ii', 'modic type\u2013iii', 'modic typeiii', 'modic changes', '1 2 3', 'type 1 and type 3 modic',
    ];
    let a = 7;
    const rand = (): number => {
      a = (Math.imul(a, 1103515245) + 12345) | 0;
      return ((a >>> 8) & 0xffff) / 0x10000;
    };
    const parts = ['modic', 'type', 'i', 'ii', 'iii', 'iv', '1', '2', '3', '12', '/', ',', '-', '–', ' ', '\u00a0', '_', 'and', 'é', 'x'];
    for (let p = 0; p < 20_000; p++) {
      let s = '';
      const len = 1 + Math.floor(rand() * 8);
      for (let k = 0; k < len; k++) s += parts[Math.floor(rand() * parts.length)];
      phrases.push(s);
    }
    for (const phrase of phrases) expect(modicCodes(phrase), JSON.stringify(phrase)).toEqual(reference(phrase));
  });
});
