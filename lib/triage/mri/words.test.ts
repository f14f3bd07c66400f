import { describe, expect, it } from 'vitest';
import { extractMriFindings } from '@/lib/triage';
import { correctWords, rewriteWord } from './words';

/**
 * Common English words, and words of clinical letters and forum posts, that sit near the engine's keywords. None may
 * be rewritten: a rewrite of an ordinary word is a false finding waiting to happen ("weight loss" → "height loss").
 */
const ORDINARY = `the of and to a in is it you that he was for on are with as his they be at one have this from or had by
word but what some we can out other were all there when up use your how said an each she which do their time if will way
about many then them write would like so these her long make thing see him two has look more day could go come did number
sound no most people my over know water than call first who may down side been now find any new work part take get place
made live where after back little only round man year came show every good me give our under name very through just form
sentence great think say help low line differ turn cause much mean before move right boy old too same tell does set three
want air well also play small end put home read hand port large spell add even land here must big high such follow act why
ask men change went light kind off need house picture try us again animal point mother world near build self earth father
weight eight height heights eighth weighted lighter fighter narrower harrowing marrowing borrowing sorrowing arrowing
narrative collecting collective connection correction direction selection election reflection protection protections
compassion compression compresses expression impression depression suppression oppression progression regression concession
confession profession procession possession intrusion extrusions obtrusion protrusions illusion collusion contusion
effacements efficient effective affecting effecting defecting infecting indent indented intending inventing indexing
fracturing fractured factures features feature mixture moisture posture texture culture rupture capture vertebrae vertebra
hernias herniate desiccate dedication medication meditation degradation deregulation generation regeneration
degenerate degenerated abscesses absences ascension endplates enplane endless marrows barrow morrow harrow
foraminal formal forming foramen framing bilateral collateral unilateral moderately moderated moderates modernise
stenoses stenotic stenography sclerosis scoliosis cirrhosis thrombosis bulging bulking building bugling budging
epidural epidermal hematomas haematomas schmorls schools schooled arthrosis arthritis impinge impinged impinges
flattered flatten flattening flatterer indenture indentation dentures hypertrophied hypotrophy hypertrophic
arthropathic arthroplasty myopathy myelopathic haemangiomas hemangiomas metastases metastasise metastatic
colleague collecting recollection disclosure discourse discussed discipline discount discovery`.split(/\s+/);

describe('tolerant vocabulary', () => {
  it('rewrites one-letter typos of the longer keywords, and abbreviations', () => {
    expect(['narowing', 'heigth', 'compresion', 'protusion', 'hernation', 'stenois', 'degeneraton', 'impingment'].map(rewriteWord))
      .toEqual(['narrowing', 'height', 'compression', 'protrusion', 'herniation', 'stenosis', 'degeneration', 'impingement']);
    expect(['nf', 'bilat', 'mod', 'fx'].map(rewriteWord)).toEqual(['neural foraminal', 'bilateral', 'moderate', 'fracture']);
  });

  it('reads the vocabulary the first engine missed', () => {
    const codes = (r: string) => extractMriFindings(r).map((f) => f.code);
    expect(codes('Loss of disc heigth at L5-S1.')).toEqual(['disc_degeneration']);
    expect(codes('Bilat NF narrowing at L5-S1, mod-severe.')).toEqual(['foraminal_stenosis']);
    expect(codes('Discopathy L4-L5.')).toEqual(['disc_degeneration']);
    expect(codes('Disc hernia L5-S1.')).toEqual(['disc_herniation']);
    expect(codes('Protrusion of disc at L4-L5.')).toEqual(['disc_herniation']);
    expect(codes('Spondylarthrosis L4-S1.')).toEqual(['facet_arthropathy']);
  });

  it('rewrites no ordinary word (false positives measured on a list of common words)', () => {
    const rewritten = ORDINARY.filter((w) => w !== '' && rewriteWord(w) !== undefined && rewriteWord(w) !== w);
    console.log(`typo rewrite: ${rewritten.length} of ${ORDINARY.length} common words rewritten${rewritten.length > 0 ? `: ${rewritten.join(', ')}` : ''}`);
    expect(rewritten).toEqual([]);
    expect(extractMriFindings('Patient reports weight loss and lower back pain.')).toEqual([]);
  });

  it('leaves the text alone when nothing needs a rewrite', () => {
    expect(correctWords('Disc bulge at L4-5 with mild foraminal narrowing.')).toBeNull();
  });
});
