import { RIGHT_SCAPULA_MRI_REPORT } from './forum-seeds';
import { neg, pos, type CorpusEntry } from './types';

/** Whole multi-sentence reports, with headings and level-by-level sections. */
export const REPORT_CORPUS: CorpusEntry[] = [
  {
    report: RIGHT_SCAPULA_MRI_REPORT,
    expected: [
      pos('vertebral_height_loss', 'T5', 'T7'), pos('modic_1', 'T5', 'T7'), neg('vertebral_height_loss'),
      neg('disc_degeneration'), neg('canal_stenosis'),
    ],
  },
  {
    report: 'Cervical spine: Straightening of the cervical lordosis. C5-6 and C6-7 disc osteophyte complexes with moderate bilateral foraminal narrowing.',
    expected: [pos('disc_bulge', 'C5-C6', 'C6-C7'), pos('foraminal_stenosis', 'C5-C6', 'C6-C7')],
  },
  {
    report: 'Impression: 1. L4-5 broad-based disc bulge and facet hypertrophy causing moderate spinal canal stenosis. 2. No nerve root compression.',
    expected: [pos('disc_bulge', 'L4-L5'), pos('facet_arthropathy', 'L4-L5'), pos('canal_stenosis', 'L4-L5'), neg('nerve_root_compression')],
  },
  {
    report: 'Alignment is normal. No fracture. The discs are of normal height and signal. The neural foramina are patent. The facet joints are unremarkable.',
    expected: [neg('spondylolisthesis'), neg('fracture'), neg('disc_degeneration'), neg('foraminal_stenosis'), neg('facet_arthropathy')],
  },
  {
    report: 'C3-4: Mild disc bulge. No canal or foraminal stenosis.\nC4-5: Small central protrusion effacing the ventral CSF without cord compression.\nC5-6: Normal.',
    expected: [
      pos('disc_bulge', 'C3-C4'), neg('canal_stenosis', 'C3-C4'), neg('foraminal_stenosis', 'C3-C4'),
      pos('disc_herniation', 'C4-C5'), neg('cord_compression', 'C4-C5'),
    ],
  },
  {
    report: [
      'MRI LUMBAR SPINE',
      'Technique: Sagittal T1, T2 and STIR, axial T2.',
      'Findings: Five lumbar-type vertebral bodies. Alignment is normal. Vertebral body heights and marrow signal are normal. The conus terminates at L1. The intervertebral discs are normal in height and signal. No disc bulge or herniation. The spinal canal and neural foramina are patent at all levels. The facet joints are unremarkable.',
      'Impression: Normal MRI of the lumbar spine.',
    ].join('\n'),
    expected: [
      neg('spondylolisthesis'), neg('vertebral_height_loss'), neg('marrow_lesion'), neg('disc_degeneration'), neg('disc_bulge'),
      neg('disc_herniation'), neg('canal_stenosis'), neg('foraminal_stenosis'), neg('facet_arthropathy'),
    ],
  },
  {
    report: [
      'MRI L-spine.',
      'L1-2 to L3-4: Unremarkable.',
      'L4-5: Disc desiccation with a broad-based posterior disc bulge and a superimposed left paracentral protrusion, contacting the traversing left L5 nerve root. Mild left lateral recess narrowing. No central canal stenosis.',
      'L5-S1: Mild disc desiccation. No focal protrusion. Neural foramina are patent.',
      'Impression: Left paracentral L4-5 disc protrusion contacting the traversing left L5 nerve root.',
    ].join('\n'),
    expected: [
      pos('disc_degeneration', 'L4-L5'), pos('disc_bulge', 'L4-L5'), pos('disc_herniation', 'L4-L5'), pos('nerve_root_compression', 'L4-L5'),
      pos('foraminal_stenosis', 'L4-L5'), neg('canal_stenosis', 'L4-L5'),
      pos('disc_degeneration', 'L5-S1'), neg('disc_herniation', 'L5-S1'), neg('foraminal_stenosis', 'L5-S1'),
    ],
  },
  {
    report: [
      'MRI CERVICAL SPINE',
      'There is reversal of the normal cervical lordosis. Vertebral body heights are maintained. No marrow signal abnormality.',
      'C4-5: Mild disc bulge without significant canal or foraminal narrowing.',
      'C5-6: Disc osteophyte complex with moderate canal stenosis, flattening the ventral cord. Severe bilateral uncovertebral and facet hypertrophy causing severe bilateral neural foraminal stenosis. No cord signal abnormality.',
      'C6-7: Small central protrusion. Foramina are patent.',
      'IMPRESSION: Multilevel cervical spondylosis, most marked at C5-6 with cord flattening and severe bilateral foraminal stenosis.',
    ].join('\n'),
    expected: [
      neg('vertebral_height_loss'), neg('marrow_lesion'),
      pos('disc_bulge', 'C4-C5'), neg('canal_stenosis', 'C4-C5'), neg('foraminal_stenosis', 'C4-C5'),
      pos('disc_bulge', 'C5-C6'), pos('canal_stenosis', 'C5-C6'), pos('cord_compression', 'C5-C6'), pos('facet_arthropathy', 'C5-C6'),
      // v2: "No cord signal abnormality" negates the signal change, never the compression at C5-6.
      pos('foraminal_stenosis', 'C5-C6'), neg('cord_signal_change', 'C5-C6'),
      pos('disc_herniation', 'C6-C7'), neg('foraminal_stenosis', 'C6-C7'),
      pos('disc_degeneration', 'C5-C6'),
    ],
  },
  {
    report: [
      'MRI THORACIC SPINE WITH AND WITHOUT CONTRAST',
      'There is abnormal low T1 marrow signal replacing the T8 vertebral body with enhancement and a pathological compression fracture. An enhancing epidural soft tissue mass extends from T7 to T9 and compresses the spinal cord, with cord oedema. Further lesions in T2 and T11 are suspicious for metastases.',
      'IMPRESSION: Metastatic disease with pathological T8 fracture and malignant spinal cord compression. Urgent oncology and spinal surgical referral recommended.',
    ].join('\n'),
    expected: [
      pos('marrow_lesion', 'T8'), pos('fracture', 'T8'), pos('marrow_lesion', 'T7', 'T8', 'T9'), pos('cord_compression', 'T7', 'T8', 'T9'),
      pos('cord_signal_change', 'T7', 'T8', 'T9'), pos('marrow_lesion', 'T2', 'T11'), pos('cord_compression', 'T8'),
    ],
  },
  {
    report: 'Massive central disc extrusion at L4-5 occupying most of the spinal canal with severe compression of the cauda equina. Findings discussed with the referring clinician by telephone.',
    expected: [pos('disc_herniation', 'L4-L5'), pos('cauda_equina_compression', 'L4-L5')],
  },
  {
    report: [
      'FINDINGS:',
      'Alignment: Normal.',
      'Vertebrae: Normal height. No marrow oedema or suspicious lesion.',
      'L3-L4:',
      'Mild disc bulge.',
      'Mild bilateral facet arthropathy.',
      '',
      'L4-L5:',
      'Disc desiccation and loss of disc height.',
      'Moderate left foraminal stenosis.',
      '',
      'Conus: normal, terminates at L1.',
    ].join('\n'),
    expected: [
      neg('spondylolisthesis'), neg('marrow_lesion'), pos('disc_bulge', 'L3-L4'), pos('facet_arthropathy', 'L3-L4'),
      pos('disc_degeneration', 'L4-L5'), pos('foraminal_stenosis', 'L4-L5'), neg('cord_compression'),
      neg('cord_signal_change'), // v2: a normal conus is neither compressed nor changed in signal
    ],
  },
  {
    report: 'Sagittal STIR images show a high signal in the T12 vertebral body consistent with an acute fracture. The posterior wall is intact. There is no retropulsion and the spinal canal is of normal calibre.',
    expected: [pos('fracture', 'T12'), neg('canal_stenosis')],
  },
  {
    report: 'The L5-S1 disc shows a small annular fissure without herniation. Mild Modic type 2 change at the L5 inferior endplate. The exiting and traversing nerve roots are free.',
    expected: [pos('annular_fissure', 'L5-S1'), neg('disc_herniation', 'L5-S1'), pos('modic_2', 'L5'), neg('nerve_root_compression')],
  },
  {
    report: 'Severe multilevel degenerative disc disease. At L2-3 there is a large extrusion compressing the cauda equina; at L3-4 moderate central stenosis.',
    expected: [pos('disc_degeneration'), pos('disc_herniation', 'L2-L3'), pos('cauda_equina_compression', 'L2-L3'), pos('canal_stenosis', 'L3-L4')],
  },
];
