import type { Concern, MriFindingCode } from './types';

/** All MRI finding codes of the contract, in a stable display order. */
export const MRI_FINDING_CODES = [
  'disc_degeneration', 'disc_bulge', 'disc_herniation', 'annular_fissure',
  'modic_1', 'modic_2', 'modic_3', 'schmorl_node',
  'vertebral_height_loss', 'fracture', 'spondylolysis', 'spondylolisthesis',
  'facet_arthropathy', 'canal_stenosis', 'foraminal_stenosis', 'nerve_root_compression',
  'cord_compression', 'cauda_equina_compression', 'marrow_lesion', 'infection', 'hemangioma',
  'modic_unspecified', 'epidural_collection', 'cord_signal_change',
] as const satisfies readonly MriFindingCode[];

/** Concern per code, exactly as CONTRACTS.md §3 lists it. */
export const FINDING_CONCERN: Record<MriFindingCode, Concern> = {
  cord_compression: 'urgent',
  cauda_equina_compression: 'urgent',
  marrow_lesion: 'urgent',
  infection: 'urgent',
  fracture: 'urgent',
  epidural_collection: 'urgent',
  cord_signal_change: 'urgent',
  modic_1: 'review',
  modic_unspecified: 'review',
  vertebral_height_loss: 'review',
  spondylolysis: 'review',
  canal_stenosis: 'review',
  foraminal_stenosis: 'review',
  nerve_root_compression: 'review',
  disc_degeneration: 'common',
  disc_bulge: 'common',
  disc_herniation: 'common',
  annular_fissure: 'common',
  modic_2: 'common',
  modic_3: 'common',
  schmorl_node: 'common',
  spondylolisthesis: 'common',
  facet_arthropathy: 'common',
  hemangioma: 'common',
};

/** Short human label for each code (clinician and patient views). */
export const FINDING_LABELS: Record<MriFindingCode, string> = {
  disc_degeneration: 'Disc degeneration',
  disc_bulge: 'Disc bulge',
  disc_herniation: 'Disc herniation (protrusion or extrusion)',
  annular_fissure: 'Annular fissure (tear in the disc wall)',
  modic_1: 'Modic type 1 change',
  modic_2: 'Modic type 2 change',
  modic_3: 'Modic type 3 change',
  schmorl_node: "Schmorl's node",
  vertebral_height_loss: 'Loss of vertebral body height',
  fracture: 'Fracture',
  spondylolysis: 'Spondylolysis (pars defect)',
  spondylolisthesis: 'Spondylolisthesis (vertebral slip)',
  facet_arthropathy: 'Facet joint arthropathy',
  canal_stenosis: 'Spinal canal stenosis',
  foraminal_stenosis: 'Foraminal or lateral recess narrowing',
  nerve_root_compression: 'Nerve root contact or compression',
  cord_compression: 'Spinal cord compression',
  cauda_equina_compression: 'Cauda equina compression',
  marrow_lesion: 'Bone marrow lesion',
  infection: 'Possible spinal infection',
  hemangioma: 'Vertebral haemangioma',
  modic_unspecified: 'Modic change (type not stated)',
  epidural_collection: 'Epidural collection (abscess, haematoma or fluid)',
  cord_signal_change: 'Signal change in the spinal cord',
};
