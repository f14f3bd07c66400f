import type { MriFindingCode } from '@/lib/triage/types';
import type { CorpusEntry, ExpectedFinding } from '../types';

/** Short names for the codes, so one labelled sentence fits on one line. */
const ALIAS: Record<string, MriFindingCode> = {
  deg: 'disc_degeneration', bulge: 'disc_bulge', hern: 'disc_herniation', fis: 'annular_fissure',
  m1: 'modic_1', m2: 'modic_2', m3: 'modic_3', mu: 'modic_unspecified', sch: 'schmorl_node',
  ht: 'vertebral_height_loss', fx: 'fracture', lysis: 'spondylolysis', slip: 'spondylolisthesis',
  facet: 'facet_arthropathy', canal: 'canal_stenosis', foram: 'foraminal_stenosis', root: 'nerve_root_compression',
  cord: 'cord_compression', cauda: 'cauda_equina_compression', marrow: 'marrow_lesion', inf: 'infection',
  hem: 'hemangioma', epi: 'epidural_collection', csig: 'cord_signal_change',
};

/**
 * Labels written as "hern@L4-L5 root@L4-L5 !cord ?epi@T4": `!` stated absent, `?` stated as possible, levels after
 * `@` (comma-separated, normalised). An unknown name throws when the corpus loads.
 */
function parseLabels(labels: string): ExpectedFinding[] {
  return labels.split(/\s+/).filter((l) => l !== '').map((label) => {
    const m = /^([!?]?)([a-z0-9]+)(?:@(.+))?$/.exec(label);
    const code = m === null ? undefined : ALIAS[m[2]];
    if (m === null || code === undefined) throw new Error(`corpus label not understood: ${label}`);
    const levels = m[3] === undefined ? [] : m[3].split(',');
    return m[1] === '?' ? { code, levels, negated: false, uncertain: true } : { code, levels, negated: m[1] === '!' };
  });
}

/** One labelled text. */
export const t = (report: string, labels: string): CorpusEntry => ({ report, expected: parseLabels(labels) });
