import { neg, pos, type CorpusEntry } from './types';

/**
 * Single report sentences in the phrasing radiologists use (lumbar, cervical, thoracic; normal statements,
 * negations, multi-level findings, urgent findings), each labelled by hand.
 */
export const SENTENCE_CORPUS: CorpusEntry[] = [
  { report: 'Disc desiccation at L3-4, L4-5 and L5-S1.', expected: [pos('disc_degeneration', 'L3-L4', 'L4-L5', 'L5-S1')] },
  {
    report: 'At L4-5, there is a broad-based disc bulge with mild bilateral foraminal narrowing.',
    expected: [pos('disc_bulge', 'L4-L5'), pos('foraminal_stenosis', 'L4-L5')],
  },
  {
    report: 'L5-S1: Small right paracentral disc protrusion contacting the traversing right S1 nerve root.',
    expected: [pos('disc_herniation', 'L5-S1'), pos('nerve_root_compression', 'L5-S1')],
  },
  { report: 'No significant spinal canal or neural foraminal stenosis at any level.', expected: [neg('canal_stenosis'), neg('foraminal_stenosis')] },
  { report: 'No fracture or marrow signal abnormality.', expected: [neg('fracture'), neg('marrow_lesion')] },
  { report: 'Vertebral body heights and alignment are maintained.', expected: [neg('vertebral_height_loss'), neg('spondylolisthesis')] },
  { report: 'The conus medullaris terminates normally at the L1 level.', expected: [] },
  {
    report: 'Grade 1 anterolisthesis of L4 on L5 secondary to bilateral facet arthropathy.',
    expected: [pos('spondylolisthesis', 'L4-L5'), pos('facet_arthropathy', 'L4-L5')],
  },
  { report: 'Modic type 2 endplate changes at L5-S1.', expected: [pos('modic_2', 'L5-S1')] },
  { report: 'Type I Modic changes involving the L4-5 endplates.', expected: [pos('modic_1', 'L4-L5')] },
  {
    report: 'Mild disc bulges at L3-4 and L4-5 and a small central protrusion at L5-S1.',
    expected: [pos('disc_bulge', 'L3-L4', 'L4-L5'), pos('disc_herniation', 'L5-S1')],
  },
  {
    report: 'There is no disc herniation, spinal canal stenosis or nerve root compression.',
    expected: [neg('disc_herniation'), neg('canal_stenosis'), neg('nerve_root_compression')],
  },
  {
    report: 'Severe central canal stenosis at L4-5 with compression of the cauda equina.',
    expected: [pos('canal_stenosis', 'L4-L5'), pos('cauda_equina_compression', 'L4-L5')],
  },
  {
    report: 'Large left paracentral disc extrusion at L5-S1 with caudal migration, severely compressing the left S1 nerve root.',
    expected: [pos('disc_herniation', 'L5-S1'), pos('nerve_root_compression', 'L5-S1')],
  },
  {
    report: 'Acute compression fracture of the L1 vertebral body with approximately 40% loss of height and bone marrow oedema.',
    expected: [pos('fracture', 'L1'), pos('vertebral_height_loss', 'L1'), pos('marrow_lesion', 'L1')],
  },
  {
    report: 'Diffuse low T1 marrow signal throughout the thoracic and lumbar vertebral bodies, suspicious for marrow replacement; recommend correlation with haematological work-up.',
    expected: [pos('marrow_lesion')],
  },
  {
    report: 'Multiple enhancing lesions in the T4, T9 and L2 vertebral bodies, consistent with metastases, with epidural extension at T9 causing compression of the spinal cord.',
    expected: [pos('marrow_lesion', 'T4', 'T9', 'L2'), pos('cord_compression', 'T9')],
  },
  {
    report: 'Findings are consistent with L2-3 spondylodiscitis with endplate destruction and a small right psoas abscess.',
    expected: [pos('infection', 'L2-L3')],
  },
  {
    report: 'At C6-7 there is a posterior disc osteophyte complex indenting the ventral cord with associated T2 hyperintense cord signal change, compatible with myelopathy.',
    expected: [pos('disc_bulge', 'C6-C7'), pos('cord_compression', 'C6-C7'), pos('cord_signal_change', 'C6-C7')],
  },
  { report: 'No cord compression or abnormal cord signal.', expected: [neg('cord_compression'), neg('cord_signal_change')] },
  { report: 'The spinal cord is normal in calibre and signal.', expected: [neg('cord_compression'), neg('cord_signal_change')] },
  { report: 'Incidental typical haemangioma in the T11 vertebral body.', expected: [pos('hemangioma', 'T11')] },
  {
    report: 'A 1.5 cm T1 and T2 hyperintense lesion in the L3 vertebral body is in keeping with a haemangioma.',
    expected: [pos('hemangioma', 'L3')],
  },
  {
    report: 'Bilateral L5 pars interarticularis defects with grade 1 anterolisthesis of L5 on S1.',
    expected: [pos('spondylolysis', 'L5'), pos('spondylolisthesis', 'L5-S1')],
  },
  { report: 'The pars interarticulares are intact.', expected: [neg('spondylolysis')] },
  { report: 'No spondylolisthesis.', expected: [neg('spondylolisthesis')] },
  { report: 'Mild retrolisthesis of L2 on L3.', expected: [pos('spondylolisthesis', 'L2-L3')] },
  {
    report: 'Moderate facet joint arthropathy at L4-5 and L5-S1 with small joint effusions.',
    expected: [pos('facet_arthropathy', 'L4-L5', 'L5-S1')],
  },
  { report: 'Posterior annular fissure at L4-5 (high-intensity zone).', expected: [pos('annular_fissure', 'L4-L5')] },
  { report: 'There is no evidence of discitis or osteomyelitis.', expected: [neg('infection')] },
  { report: 'No suspicious osseous lesion.', expected: [neg('marrow_lesion')] },
  {
    report: 'No significant change in the small L4-5 disc protrusion compared with the prior study.',
    expected: [pos('disc_herniation', 'L4-L5')],
  },
  {
    report: 'Disc heights are preserved, with mild desiccation at L5-S1.',
    expected: [neg('disc_degeneration'), pos('disc_degeneration', 'L5-S1')],
  },
  {
    report: 'Narrowing of the L5-S1 disc space with endplate sclerosis.',
    expected: [pos('disc_degeneration', 'L5-S1'), pos('modic_3', 'L5-S1')],
  },
  {
    report: 'Loss of disc height and signal at L4-5 and L5-S1, in keeping with degenerative disc disease.',
    expected: [pos('disc_degeneration', 'L4-L5', 'L5-S1')],
  },
  {
    report: 'Mild lateral recess narrowing on the left at L4-5, which may affect the traversing left L5 nerve root.',
    expected: [pos('foraminal_stenosis', 'L4-L5')],
  },
  {
    report: 'Right foraminal disc protrusion at C5-6 impinging on the exiting right C6 nerve root.',
    expected: [pos('disc_herniation', 'C5-C6'), pos('nerve_root_compression', 'C5-C6')],
  },
  {
    report: 'Cervical cord compression at C4-5 from a large central disc extrusion.',
    expected: [pos('cord_compression', 'C4-C5'), pos('disc_herniation', 'C4-C5')],
  },
  { report: 'The cauda equina nerve roots are normal in distribution.', expected: [neg('cauda_equina_compression')] },
  {
    report: 'Severe canal stenosis at L3-4 with crowding of the cauda equina nerve roots.',
    expected: [pos('canal_stenosis', 'L3-L4'), pos('cauda_equina_compression', 'L3-L4')],
  },
  { report: 'MRI lumbar spine: normal study.', expected: [] },
  {
    report: 'Mild multilevel spondylosis of the cervical spine without significant canal stenosis.',
    expected: [pos('disc_degeneration'), neg('canal_stenosis')],
  },
  {
    report: 'Small central disc protrusion at T7-8 without cord compression.',
    expected: [pos('disc_herniation', 'T7-T8'), neg('cord_compression', 'T7-T8')],
  },
  {
    report: 'Wedge compression deformity of T12 with approximately 25% anterior height loss, likely chronic. No retropulsion.',
    expected: [pos('vertebral_height_loss', 'T12')],
  },
  {
    report: 'Findings suggestive of an acute burst fracture of L1 with retropulsion of a posterior fragment narrowing the spinal canal.',
    expected: [pos('fracture', 'L1'), pos('canal_stenosis', 'L1')],
  },
  {
    report: 'STIR hyperintensity within the L3 vertebral body without fracture line, compatible with bone marrow oedema.',
    expected: [pos('marrow_lesion', 'L3'), neg('fracture', 'L3')],
  },
  {
    report: 'Modic type 1 changes at L4-5 with high T2 signal in the disc and endplate erosion, concerning for early discitis; MRI with contrast is recommended.',
    expected: [pos('modic_1', 'L4-L5'), pos('infection', 'L4-L5')],
  },
  { report: 'Normal vertebral body height and marrow signal throughout.', expected: [neg('vertebral_height_loss'), neg('marrow_lesion')] },
  {
    report: 'Moderate to severe right neural foraminal stenosis at L5-S1 due to facet hypertrophy and a far lateral disc protrusion.',
    expected: [pos('foraminal_stenosis', 'L5-S1'), pos('facet_arthropathy', 'L5-S1'), pos('disc_herniation', 'L5-S1')],
  },
  {
    report: 'Disc bulge at L3-4 with foraminal narrowing, and a left paracentral protrusion at L4-5 abutting the left L5 nerve root.',
    expected: [pos('disc_bulge', 'L3-L4'), pos('foraminal_stenosis', 'L3-L4'), pos('disc_herniation', 'L4-L5'), pos('nerve_root_compression', 'L4-L5')],
  },
  { report: 'T6 and T7 vertebral bodies show mild anterior wedging.', expected: [pos('vertebral_height_loss', 'T6', 'T7')] },
  {
    report: 'Multilevel degenerative changes with disc space narrowing from C4-5 through C6-7.',
    expected: [pos('disc_degeneration', 'C4-C5', 'C5-C6', 'C6-C7')],
  },
  {
    report: 'Small disc bulges from T5-6 to T8-9 without cord contact.',
    expected: [pos('disc_bulge', 'T5-T6', 'T6-T7', 'T7-T8', 'T8-T9'), neg('cord_compression', 'T5-T6', 'T6-T7', 'T7-T8', 'T8-T9')],
  },
  {
    report: 'No disc bulge or protrusion at L1-2, L2-3 or L3-4.',
    expected: [neg('disc_bulge', 'L1-L2', 'L2-L3', 'L3-L4'), neg('disc_herniation', 'L1-L2', 'L2-L3', 'L3-L4')],
  },
  {
    report: 'Marked loss of height of the T9 vertebral body with convex posterior border and abnormal marrow signal, suspicious for pathological fracture.',
    expected: [pos('vertebral_height_loss', 'T9'), pos('marrow_lesion', 'T9'), pos('fracture', 'T9')],
  },
  { report: 'The thecal sac and exiting nerve roots are not compressed.', expected: [neg('nerve_root_compression')] },
  { report: 'Straightening of the lumbar lordosis, likely related to muscle spasm.', expected: [] },
  { report: 'Bilateral L5 pars interarticularis stress reaction without a discrete defect.', expected: [pos('spondylolysis', 'L5')] },
  { report: 'No pars defect is seen.', expected: [neg('spondylolysis')] },
  { report: 'Mild bilateral facet arthrosis at L5-S1.', expected: [pos('facet_arthropathy', 'L5-S1')] },
  {
    report: 'Disc extrusion at L4-5 with an inferiorly migrated sequestered fragment in the left lateral recess compressing the descending L5 nerve root.',
    expected: [pos('disc_herniation', 'L4-L5'), pos('nerve_root_compression', 'L4-L5')],
  },
  // v2 (issue #14): "no myelopathy" rules out cord damage (signal), never compression.
  { report: 'Cord signal is normal. No myelopathy.', expected: [neg('cord_signal_change')] },
  {
    report: 'Spinal canal calibration is narrowed at the C5-6 level by a disc osteophyte complex.',
    expected: [pos('canal_stenosis', 'C5-C6'), pos('disc_bulge', 'C5-C6')],
  },
  {
    report: 'Postoperative changes of L4-5 laminectomy. No recurrent disc herniation. Enhancing epidural scar tissue surrounds the left L5 nerve root.',
    expected: [neg('disc_herniation')],
  },
  {
    report: 'Endplate oedema at L3-4, favoured to represent Modic type 1 degenerative change rather than infection.',
    expected: [pos('modic_1', 'L3-L4'), neg('infection', 'L3-L4')],
  },
  { report: 'No acute fracture. Chronic mild wedging of T11 is unchanged.', expected: [neg('fracture'), pos('vertebral_height_loss', 'T11')] },
  {
    report: 'There is a small annular tear at L5-S1 but no disc herniation.',
    expected: [pos('annular_fissure', 'L5-S1'), neg('disc_herniation', 'L5-S1')],
  },
  { report: 'Hemangioma at T10. No other focal marrow lesion.', expected: [pos('hemangioma', 'T10'), neg('marrow_lesion')] },
  { report: 'Degenerative retrolisthesis of C5 on C6 by 2 mm.', expected: [pos('spondylolisthesis', 'C5-C6')] },
  { report: 'Anterolisthesis L5/S1 grade I.', expected: [pos('spondylolisthesis', 'L5-S1')] },
  {
    report: 'L4–L5: disc bulge, facet arthropathy and ligamentum flavum thickening result in moderate canal stenosis.',
    expected: [pos('disc_bulge', 'L4-L5'), pos('facet_arthropathy', 'L4-L5'), pos('canal_stenosis', 'L4-L5')],
  },
  { report: 'Schmorl node at the superior endplate of L1.', expected: [pos('schmorl_node', 'L1')] },
  {
    report: 'Mild loss of height of the L2 vertebral body, unchanged from 2019, with no marrow oedema to suggest an acute fracture.',
    expected: [pos('vertebral_height_loss', 'L2'), neg('marrow_lesion', 'L2'), neg('fracture', 'L2')],
  },
  {
    report: 'Fluid signal within the L2-3 disc with enhancement of the adjacent endplates and a paravertebral collection, in keeping with discitis.',
    expected: [pos('infection', 'L2-L3')],
  },
  {
    report: 'Multilevel disc desiccation and bulging from L2-3 to L5-S1, with no focal herniation.',
    expected: [
      pos('disc_degeneration', 'L2-L3', 'L3-L4', 'L4-L5', 'L5-S1'), pos('disc_bulge', 'L2-L3', 'L3-L4', 'L4-L5', 'L5-S1'),
      neg('disc_herniation', 'L2-L3', 'L3-L4', 'L4-L5', 'L5-S1'),
    ],
  },
  {
    report: 'The right S1 nerve root is displaced posteriorly by a right paracentral disc extrusion at L5-S1.',
    expected: [pos('nerve_root_compression', 'L5-S1'), pos('disc_herniation', 'L5-S1')],
  },
  { report: 'Small left-sided disc herniation (HNP) at L5/S1.', expected: [pos('disc_herniation', 'L5-S1')] },
  { report: 'Mild central canal narrowing at T11-12 secondary to ligamentum flavum hypertrophy.', expected: [pos('canal_stenosis', 'T11-T12')] },
  {
    report: 'Suspected spondylodiscitis at T9-T10 with a small epidural abscess; no cord compression.',
    expected: [pos('infection', 'T9-T10'), pos('epidural_collection', 'T9-T10'), neg('cord_compression', 'T9-T10')],
  },
  { report: 'Normal MRI of the cervical spine.', expected: [] },
  { report: 'Tiny annular fissure at L3/4.', expected: [pos('annular_fissure', 'L3-L4')] },
  { report: 'There is bony narrowing of the left C5-6 neural foramen.', expected: [pos('foraminal_stenosis', 'C5-C6')] },
  { report: 'Disc bulge is not seen.', expected: [neg('disc_bulge')] },
  { report: 'Modic 1/2 change at the L4 inferior endplate.', expected: [pos('modic_1', 'L4'), pos('modic_2', 'L4')] },
  { report: 'MODIC TYPE II CHANGES AT L5-S1.', expected: [pos('modic_2', 'L5-S1')] },
  { report: 'No evidence of myelopathy, cord compression or abnormal enhancement.', expected: [neg('cord_compression'), neg('cord_signal_change')] },
  { report: 'Compression deformity of the T7 vertebra.', expected: [pos('vertebral_height_loss', 'T7')] },
  {
    report: 'Mild degenerative facet changes at L4-5 and L5-S1; the neural foramina are widely patent.',
    expected: [pos('facet_arthropathy', 'L4-L5', 'L5-S1'), neg('foraminal_stenosis', 'L4-L5', 'L5-S1')],
  },
  { report: 'Thoracic spine: small Schmorl\'s nodes at T8 and T9. Vertebral body heights are preserved.', expected: [pos('schmorl_node', 'T8', 'T9'), neg('vertebral_height_loss')] },
];
