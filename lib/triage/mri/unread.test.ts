import { describe, expect, it } from 'vitest';
import { isUnreadSentence } from './unread';

/** The flat word list isUnreadSentence used to run (its regex is now grouped by first letter). */
const FLAT_SPINE_WORD_RE = /\b(?:dis[ck]s?|discal|vertebra\w*|cord|conus|cauda|canal|foram\w*|recess\w*|facets?|end\s?-?plates?|marrow|pars|roots?|thecal|dural|sac|ligament\w*|flavum|alignment|lordos\w*|kyphos\w*|scolios\w*|spinous|pedicles?|lamina\w*|paraspinal|psoas|epidural|sacr\w*|coccy\w*|odontoid|uncovertebral|osteophyt\w*|spondyl\w*|lesions?|mass(?:es)?|collections?|o?edema|oedema|enhanc\w*|signal|stenos\w*|narrow\w*|compress\w*|herniat\w*|protru\w*|extru\w*|fractur\w*|degenera\w*|effusions?|cysts?|syrinx|tumou?rs?|abnormal\w*|hyperintens\w*|hypointens\w*|thicken\w*|hypertroph\w*|displac\w*|erosions?|destruct\w*|sclero\w*|bulg\w*|tears?|fissur\w*|listhes\w*|collaps\w*|deform\w*|infiltrat\w*|calcif\w*|ossif\w*|myel\w*|arthro\w*|modic)\b/;
const NORMAL_ONLY_RE = /\b(?:normal(?:ly)?|unremarkable|preserved|maintained|intact|patent|no\s+(?:significant\s+)?abnormalit\w*)\b/;
const ABNORMAL_RE = /\b(?:lesion|mass|collection|o?edema|oedema|enhanc|stenos|narrow|compress|herniat|protru|extru|fractur|abnormal(?!it)|hyperintens|hypointens|thicken|hypertroph|displac|erosion|destruct|bulg|tear|fissur|listhes|collaps|deform|infiltrat|cyst|syrinx|tumou?r|straighten|revers|loss|reduc|increas|decreas|but|however|except)/;

const reference = (text: string): boolean =>
  FLAT_SPINE_WORD_RE.test(text) && !(NORMAL_ONLY_RE.test(text) && !ABNORMAL_RE.test(text));

/** Word pieces around the list's words: whole words, prefixes, longer words, and pieces that only look alike. */
const PIECES = [
  'disc', 'disk', 'discs', 'discal', 'discx', 'vertebra', 'vertebrae', 'cord', 'cords', 'conus', 'cauda', 'canal', 'foramen',
  'recess', 'facet', 'facets', 'end', 'plate', 'endplate', 'end-plate', 'end -plate', 'marrow', 'pars', 'root', 'roots', 'thecal',
  'dural', 'sac', 'sacs', 'sacrum', 'ligament', 'flavum', 'alignment', 'lordosis', 'kyphosis', 'scoliosis', 'spinous', 'pedicle',
  'pedicles', 'lamina', 'paraspinal', 'psoas', 'epidural', 'coccyx', 'odontoid', 'uncovertebral', 'osteophyte', 'spondylosis',
  'lesion', 'lesions', 'mass', 'masses', 'massive', 'collection', 'edema', 'oedema', 'oedem', 'enhancing', 'signal', 'stenosis',
  'narrowing', 'compressed', 'herniation', 'protrusion', 'extrusion', 'fracture', 'degeneration', 'effusion', 'cyst', 'cysts',
  'syrinx', 'tumor', 'tumour', 'tumours', 'abnormal', 'hyperintense', 'hypointense', 'thickened', 'hypertrophy', 'displaced',
  'erosion', 'destruction', 'sclerosis', 'bulge', 'tear', 'tears', 'fissure', 'listhesis', 'collapse', 'deformity', 'infiltration',
  'calcified', 'ossified', 'myelopathy', 'arthropathy', 'modic', 'a', 'e', 'o', 's', 't', 'x', '_', '1', 'the', 'no', 'normal',
];
const SEPARATORS = [' ', '', '-', '_', '.', ',', '  ', '\n', 'é', '1'];

describe('isUnreadSentence', () => {
  it('answers as the flat word list on generated sentences', () => {
    let a = 11;
    const pick = (n: number): number => {
      a = (Math.imul(a, 1103515245) + 12345) | 0;
      return ((a >>> 8) & 0xffff) % n;
    };
    for (let i = 0; i < 20_000; i++) {
      let text = '';
      const words = 1 + pick(4);
      for (let j = 0; j < words; j++) text += SEPARATORS[pick(SEPARATORS.length)] + PIECES[pick(PIECES.length)];
      text += SEPARATORS[pick(SEPARATORS.length)];
      expect(isUnreadSentence(text), JSON.stringify(text)).toBe(reference(text));
    }
  });
});
