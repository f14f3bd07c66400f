import { describe, expect, it } from 'vitest';
import { ADVERSARIAL_REPORTS } from './corpus/adversarial';
import { MRI_CORPUS } from './corpus/index';
import { V2_CORPUS } from './corpus/v2/index';
import { LEXICON, LEXICON_RE } from './lexicon';
import { findLevelMentions } from './levels';
import { sentenceEndAt, sentenceEndAtCodes, splitSentences } from './split';
import { scanReport } from './scan';
import {
  BREAK_COMMA_Y, CANDIDATES, keyOfWord, nextWordInCodes, PSEUDO_Y, severityAfterCodes,
  followedByCodes, PSEUDO_AFTER_NO_CODES, PSEUDO_AFTER_NOT_CODES,
} from './scan-table';
import { PRONOUN_START_Y, startsWithPronoun } from './carry-levels';

/** The scanner's bytes of a text: ASCII as is, any other character as 127, a 0 after the last. */
function bytesOf(text: string): Uint8Array {
  const codes = new Uint8Array(text.length + 1);
  for (let i = 0; i < text.length; i++) codes[i] = Math.min(text.charCodeAt(i), 127);
  return codes;
}

/** The reference: the whole lexicon as one global regex (slow, simple). */
function referenceTerms(lower: string): string[] {
  const out: string[] = [];
  LEXICON_RE.lastIndex = 0;
  for (let m = LEXICON_RE.exec(lower); m !== null; m = LEXICON_RE.exec(lower)) {
    let g = 1;
    while (m[g] === undefined) g++;
    out.push(`${m.index}-${m.index + m[0].length}:${LEXICON.indexOf(LEXICON[g - 1])}`);
  }
  return out;
}

describe('scanReport', () => {
  const texts = [
      ...MRI_CORPUS.map((e) => e.report),
      ...V2_CORPUS.map((e) => e.report),
      // The next-word conditions of the scan table (LEXICON_NEXT) must never reject a match.
      'Discosteophyte complex, disc-osteophyte bar, disc osteophyte complex; end-plate depression, end plate impaction.',
      'Endplate infraction, depressed superior endplate, superior end-plate depression, loss of vertebral body height.',
      'Height loss, compression deformity, reduction in vertebral body height, reduced height, diminished the height.',
      'Posterior epidural abscess, ventral extradural collection, spinal epidural haematoma, spinal cord compression.',
      'Mass effect on the cord, cord compression, cord signal change, cord oedema, cord hyperintensity, spinal cord signal.',
      'Cervical cord, thoracic cord, discopathy, diskopathy, disc bulge, disk osteophyte, discal protrusion.',
      // Phrases around the next-word conditions and the longer lexicon starts: each must still match.
      'Spinal cord, spinal\tcord signal intensity, spinal  cord compression, cervical cord, thoracic\ncord, spinal canal.',
      'Endplate oedema, endplates edema, endplate marrow oedema, endplate bone  marrow edema, endplate sclerosis, endplate herniation.',
      'Endplate destruction, endplates erosions, endplate depression, endplates depressed, endplate impaction, endplate infraction.',
      'End plate oedema, end-plate sclerosis, end plate herniation, end-plate erosion, end plate depression, end plate marrow edema.',
      'Vertebral height loss, vertebral body height loss, vertebral collapse, vertebral body collapse, vertebra plana, vertebra collapse.',
      'Cauda equina compression, cauda equina syndrome, cauda equina nerve roots, annular bulge, circumferential bulging, annular buldge.',
      'Disc desiccation, disk dessication, disc degeneration, disc disease, disc spaces narrowing, disc height loss, disc signal reduction.',
      'Degenerative disc, degenerative intervertebral discs disease, loss of disc height, loss in the intervertebral disk space, loss of the disc signal.',
      'Degenerative facet joints, hypertrophic changes of the facets, arthritic zygapophyseal joints, arthropathic facet joint.',
      'Epidural abscess, extradural rim-enhancing collection, epidural enhancing fluid collection, epidural small acute haematoma, epidural bleed.',
      'Exit foramina, exit neuroforaminal, intervertebral foramen, intervertebral foramina, exit foramen.',
      'Narrowing of the disc space, narrowing of the intervertebral disk spaces, bone marrow oedema at the endplate, marrow edema in the end plate.',
      'Heights of the vertebral bodies, height of the vertebra, spondylolysis, spondylolisthesis, anterolisthesis, retrolisthesis, laterolisthesis, spondylodiscitis.',
      'Lytic lesion, sclerotic mass, blastic lesions, destructive focus, osseous lesion, bony mass, focal lesion, suspicious foci, enhancing focus, expansile mass, aggressive lesion.',
      ...ADVERSARIAL_REPORTS.map((a) => a.report.slice(0, 2000)),
      'Spondylodiscitis, diskitis, epidural abscess, osteomyelitis, pyogenic infection, endplate erosions.',
      'Hemangioma, haemangioma, Schmorl’s node, intravertebral disc herniation, isthmic spondylolisthesis, HNP, HIZ, DDD.',
      'Zygapophyseal joint arthropathy, circumferential bulge, free disc fragment, vertebra plana, lateral recesses, subarticular zone.',
      'Levels: L4/5, L5-S1, C7-T1, T12-L1, T5 through T7, L4 on L5, T2-weighted, low T1, S1 nerve root.\nL3-4:\nBulge. e.g. approx. 3.5 mm.',
  ];

  it('finds exactly the terms the reference regex finds', () => {
    for (const text of texts) {
      const lower = text.toLowerCase();
      const got = scanReport(lower).terms.map((t) => `${t.start}-${t.end}:${LEXICON.indexOf(t.entry)}`);
      expect(got, text.slice(0, 80)).toEqual(referenceTerms(lower));
    }
  });

  it('splits sentences and finds level mentions exactly like the stand-alone functions', () => {
    for (const text of texts) {
      const scan = scanReport(text.toLowerCase(), text);
      expect(scan.sentences, text.slice(0, 80)).toEqual(splitSentences(text));
      expect(scan.mentions, text.slice(0, 80)).toEqual(findLevelMentions(text.toLowerCase()));
    }
  });

  it('never skips a trigger regex that would match for want of the next word ("is now resolved", "no evidence of")', () => {
    const extra = 'No  evidence of stenosis, no\u00a0signs for fracture; it is\tnow resolved, was  gone, were ruled out, are free,'
      + ' is not_ seen, is no longer seen, is excluded; no sign2 of it, is now1 resolved.';
    let checked = 0;
    for (const text of [...texts, extra]) {
      const lower = text.toLowerCase();
      for (const m of lower.matchAll(/\b\w+/g)) {
        const end = m.index + m[0].length;
        for (const c of CANDIDATES.get(keyOfWord(m[0])) ?? []) {
          if (c.nextWords === null || c.re === null || !c.prefixes.some((p) => m[0].startsWith(p))) continue;
          c.re.lastIndex = m.index;
          // A match of the word alone ("no", "not") is the whole-word candidate's; a longer one needs the next word.
          if (c.re.test(lower) && c.re.lastIndex > end) {
            checked++;
            expect(nextWordInCodes(bytesOf(lower), lower, end, c.nextWordCodes ?? []), JSON.stringify(lower.slice(m.index, m.index + 30))).toBe(true);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('finds a severity word after white space exactly like the regex (", mild …", "and moderate …")', () => {
    const extra = ', a, an,\u00a0mild, mildly1, moderately, multilevels, marked_, \tearly-onset, ,mild, ,  grade, , Small, ,';
    for (const text of [...texts, extra]) {
      const lower = text.toLowerCase();
      const codes = bytesOf(lower);
      for (let i = lower.indexOf(','); i >= 0; i = lower.indexOf(',', i + 1)) {
        BREAK_COMMA_Y.lastIndex = i;
        const want = BREAK_COMMA_Y.test(lower) ? BREAK_COMMA_Y.lastIndex : -1;
        expect(severityAfterCodes(codes, lower, i + 1), JSON.stringify(lower.slice(i, i + 20))).toBe(want);
      }
    }
  });
  it('runs the pseudo-negation regex after "no"/"not" whenever it could match (the next-word condition)', () => {
    const extra = 'No  significant change, no\u00a0longer seen, not\tonly, not be excluded, not significantly changed, not visualized,'
      + ' no further growth, no major_ change, not seen1, no changes, not ruled out, no increased, nor change, not2 seen.';
    let matched = 0;
    for (const text of [...texts, extra]) {
      const lower = text.toLowerCase();
      for (const m of lower.matchAll(/\bno(t?)\b/g)) {
        PSEUDO_Y.lastIndex = m.index;
        if (!PSEUDO_Y.test(lower)) continue;
        matched++;
        expect(followedByCodes(bytesOf(lower), lower, m.index + m[0].length, m[1] === '' ? PSEUDO_AFTER_NO_CODES : PSEUDO_AFTER_NOT_CODES), lower.slice(m.index, m.index + 30))
          .toBe(true);
      }
    }
    expect(matched).toBeGreaterThan(10);
  });

  it('ends sentences from the bytes exactly like sentenceEndAt', () => {
    const extra = 'Dr. Smith, e.g. this.\n1. First\nL4-5: disc\nlevel L5 - x\nthe\nDisc (normal). "Ok." Fig.\u00a0next 3.5 mm! Done?\n\nEnd';
    for (const text of [...texts, extra]) {
      const lower = text.toLowerCase();
      const codes = bytesOf(lower);
      for (const m of lower.matchAll(/[.!?\n]/g)) {
        expect(sentenceEndAtCodes(codes, lower.length, lower, m.index, text), JSON.stringify(lower.slice(m.index - 10, m.index + 20)))
          .toBe(sentenceEndAt(lower, m.index, text));
      }
    }
  });

  it('reads a pronoun at a sentence start exactly like the regex', () => {
    const extra = 'It, its, it2, this, thisx, these, they, the latter, the\u00a0latter, the  latters, the latter2, thelatter, which, whichever, it_, itémoi, the\tlatter.';
    for (const text of [...texts, extra]) {
      const lower = text.toLowerCase();
      for (let i = 0; i < lower.length; i++) {
        PRONOUN_START_Y.lastIndex = i;
        expect(startsWithPronoun(lower, i), JSON.stringify(lower.slice(i, i + 20))).toBe(PRONOUN_START_Y.test(lower));
      }
    }
  });
});
