import type { CorpusEntry } from '../types';
import { t } from './labels';

/**
 * The second labelling pass of the v2 corpus (issue #14), made blind: a script printed the corpus texts without
 * their labels, and each text was labelled from CONTRACTS §3 and CLINICAL.md alone, without running the engine and
 * without reading the first pass's labels (see SECOND-PASS.md for what was seen beforehand, the disagreements with
 * the first pass and how each was resolved). Same label syntax as labels.ts; same order as V2_CORPUS.
 * These are the raw second-pass labels, kept as written; the resolved labels live in the corpus files.
 */
export const SECOND_PASS: readonly CorpusEntry[] = [
  t("At C5-6 a broad disc osteophyte bar indents the ventral cord, with no cord signal change.", "bulge@C5-C6 cord@C5-C6 !csig@C5-C6"), // S0
  t("Posterior disc osteophyte complex at C6-7 flattening the spinal cord.", "bulge@C6-C7 cord@C6-C7"), // S1
  t("There is mass effect on the cord at C4-5 from a central disc extrusion.", "cord@C4-C5 hern@C4-C5"), // S2
  t("A left paracentral protrusion at C5-6 effaces the anterior CSF and deforms the left hemicord.", "hern@C5-C6 cord@C5-C6"), // S3
  t("Central disc protrusion at T7-8 indenting the cord without signal change.", "hern@T7-T8 cord@T7-T8 !csig@T7-T8"), // S4
  t("The cord is flattened at C5-6 and C6-7 by disc osteophyte complexes.", "cord@C5-C6,C6-C7 bulge@C5-C6,C6-C7"), // S5
  t("Mild flattening of the ventral cord at C3-4; no abnormal cord signal.", "cord@C3-C4 !csig@C3-C4"), // S6
  t("Abnormal T2 hyperintense signal within the cord at C5, in keeping with myelomalacia.", "csig@C5"), // S7
  t("Increased T2 signal within the cervical cord at the C4-5 level.", "csig@C4-C5"), // S8
  t("Intramedullary high T2 signal at C6 without cord expansion.", "csig@C6"), // S9
  t("Cord signal is normal throughout.", "!csig"), // S10
  t("The spinal cord is of normal calibre and signal.", "!cord !csig"), // S11
  t("The conus medullaris is normal in appearance and terminates at L1.", "!cord !csig"), // S12
  t("The conus is compressed by a large sequestered fragment at T12-L1.", "cord@T12-L1 hern@T12-L1"), // S13
  t("Conus normal.", "!cord !csig"), // S14
  t("No compression of the conus.", "!cord"), // S15
  t("Severe canal stenosis at C4-5 with cord compression and cord oedema.", "canal@C4-C5 cord@C4-C5 csig@C4-C5"), // S16
  t("No cord compression or myelopathy.", "!cord !csig"), // S17
  t("No cord signal abnormality.", "!csig"), // S18
  t("Retrolisthesis of C4 on C5 with mass effect on the cord.", "slip@C4-C5 cord@C4-C5"), // S19
  t("Large central disc extrusion at L1-2 compressing the conus.", "hern@L1-L2 cord@L1-L2"), // S20
  t("There is effacement of the cord at T10-11 by a calcified disc protrusion.", "cord@T10-T11 hern@T10-T11"), // S21
  t("Disc bulge at C3-4 abutting but not compressing the cord.", "bulge@C3-C4 !cord@C3-C4"), // S22
  t("There is a dorsal epidural collection from T4 to T7 displacing the cord anteriorly.", "epi@T4,T5,T6,T7 cord@T4,T5,T6,T7"), // S23
  t("Rim-enhancing ventral epidural collection at L4-5, in keeping with an abscess.", "epi@L4-L5 inf@L4-L5"), // S24
  t("Epidural abscess extending from L3 to L5 with compression of the cauda equina.", "epi@L3,L4,L5 inf@L3,L4,L5 cauda@L3,L4,L5"), // S25
  t("Acute epidural haematoma posterior to the cord at C6-C7.", "epi@C6-C7"), // S26
  t("A small extradural fluid collection is seen at the laminectomy site at L4.", "epi@L4"), // S27
  t("Spinal epidural haematoma from T2 to T5.", "epi@T2,T3,T4,T5"), // S28
  t("No epidural collection.", "!epi"), // S29
  t("No epidural abscess or collection is identified.", "!epi !inf"), // S30
  t("A small posterior epidural fluid collection cannot be excluded at L5-S1.", "?epi@L5-S1"), // S31
  t("There is a phlegmonous collection in the anterior epidural space at C5-6.", "epi@C5-C6 inf@C5-C6"), // S32
  t("Collection in the epidural space at T9 compressing the cord.", "epi@T9 cord@T9"), // S33
  t("Discitis at L2-3 with a small epidural abscess.", "inf@L2-L3 epi@L2-L3"), // S34
  t("Paraspinal collection adjacent to T11.", ""), // S35
  t("Post-operative seroma in the subcutaneous tissues only.", ""), // S36
  t("There is a haematoma in the dorsal epidural space at T1-2 with mass effect on the cord.", "epi@T1-T2 cord@T1-T2"), // S37
  t("The epidural fat is preserved.", ""), // S38
  t("Cauda equina nerve roots are crowded at L3-4 due to severe canal stenosis.", "cauda@L3-L4 canal@L3-L4"), // S39
  t("Cauda equina compression at L4-5 from a massive central disc extrusion.", "cauda@L4-L5 hern@L4-L5"), // S40
  t("The cauda equina is normal.", "!cauda"), // S41
  t("Nerve roots of the cauda equina are clumped, query arachnoiditis.", ""), // S42
  t("Cervical myelopathy at C5-6 secondary to a disc osteophyte complex.", "cord@C5-C6 bulge@C5-C6"), // S43
  t("Mild cord flattening at C6-7, no cord oedema.", "cord@C6-C7 !csig@C6-C7"), // S44
  t("Cord signal change at C4-5, which may represent myelomalacia.", "csig@C4-C5"), // S45
  t("Syrinx in the thoracic cord from T3 to T6.", "csig@T3,T4,T5,T6"), // S46
  t("No epidural haematoma.", "!epi"), // S47
  t("Epidural lipomatosis narrowing the thecal sac at L5-S1.", "canal@L5-S1"), // S48
  t("Moderate central canal narrowing at C5-6 with mild cord deformity.", "canal@C5-C6 cord@C5-C6"), // S49
  t("The previously noted L4-5 disc extrusion has resolved.", "!hern@L4-L5"), // S50
  t("The epidural collection seen on the prior study is no longer evident.", "!epi"), // S51
  t("Interval resolution of the L5-S1 disc protrusion.", "!hern@L5-S1"), // S52
  t("The marrow oedema at T12 has completely resolved.", "!marrow@T12"), // S53
  t("Previously seen cord compression at C5-6 is no longer present following decompression.", "!cord@C5-C6"), // S54
  t("The L3 fracture is no longer visible.", "!fx@L3"), // S55
  t("Complete resolution of the epidural abscess at T8-9.", "!epi@T8-T9 !inf@T8-T9"), // S56
  t("The disc herniation at L4-5 has decreased in size.", "hern@L4-L5"), // S57
  t("No significant change in the L4-5 disc protrusion.", "hern@L4-L5"), // S58
  t("No interval progression of the T12 compression fracture.", "fx@T12"), // S59
  t("Alignment: straightening of the normal cervical lordosis.", ""), // S60
  t("Normal lumbar lordosis is maintained.", ""), // S61
  t("Loss of the normal lumbar lordosis, which may reflect muscle spasm.", ""), // S62
  t("Alignment is normal with no spondylolisthesis.", "!slip"), // S63
  t("Normal vertebral alignment.", "!slip"), // S64
  t("Grade 1 degenerative anterolisthesis of L4 on L5.", "slip@L4-L5"), // S65
  t("There is no spondylolisthesis or pars defect.", "!slip !lysis"), // S66
  t("Disc herniation is not seen.", "!hern"), // S67
  t("Without evidence of nerve root compression.", "!root"), // S68
  t("Negative for fracture.", "!fx"), // S69
  t("Absence of marrow oedema.", "!marrow"), // S70
  t("The spinal canal is not narrowed at any level.", "!canal"), // S71
  t("C3/4: no disc bulge at this level, however there is a disc protrusion at C4/5 indenting the cord.", "!bulge@C3-C4 hern@C4-C5 cord@C4-C5"), // S72
  t("L4-5: mild bulge; at L5-S1 there is a small central protrusion.", "bulge@L4-L5 hern@L5-S1"), // S73
  t("L3-4 - mild disc bulge and facet hypertrophy.", "bulge@L3-L4 facet@L3-L4"), // S74
  t("L4/5 –\nBroad-based disc bulge.\nModerate bilateral foraminal narrowing.", "bulge@L4-L5 foram@L4-L5"), // S75
  t("L5/S1:\nSmall central protrusion.\nNo nerve root compression.", "hern@L5-S1 !root@L5-S1"), // S76
  t("Degenerative disc disease T11-L2.", "deg@T11-T12,T12-L1,L1-L2"), // S77
  t("Disc desiccation from L3 to L5.", "deg@L3-L4,L4-L5"), // S78
  t("Multilevel disc bulges C4-C7.", "bulge@C4-C5,C5-C6,C6-C7"), // S79
  t("Vertebral height loss T11-L1.", "ht@T11,T12,L1"), // S80
  t("Marrow oedema in T11-T12 vertebral bodies.", "marrow@T11,T12"), // S81
  t("There is a disc protrusion at L4-5. The protrusion contacts the traversing left L5 nerve root.", "hern@L4-L5 root@L4-L5"), // S82
  t("A disc extrusion is seen at L5-S1. It compresses the right S1 nerve root.", "hern@L5-S1 root@L5-S1"), // S83
  t("There is a compression fracture of T12. The fracture shows marrow oedema.", "fx@T12 marrow@T12"), // S84
  t("Broad-based bulge at L3-4. No canal stenosis.", "bulge@L3-L4 !canal@L3-L4"), // S85
  t("At C5-6 there is a disc osteophyte complex. This flattens the ventral cord.", "bulge@C5-C6 cord@C5-C6"), // S86
  t("Disc bulge at L2-3.\n\nFacet joints are unremarkable.", "bulge@L2-L3 !facet"), // S87
  t("Mild disc bulge at L4-5 with small left foraminal protrusion at L5-S1.", "bulge@L4-L5 hern@L5-S1"), // S88
  t("At L4-L5 and L5-S1, disc desiccation with small central protrusions.", "deg@L4-L5,L5-S1 hern@L4-L5,L5-S1"), // S89
  t("Modic type 1 endplate change at L4-5. These changes cannot exclude early discitis.", "m1@L4-L5 ?inf@L4-L5"), // S90
  t("Possible early discitis at L4-5.", "?inf@L4-L5"), // S91
  t("Query pars defect at L5.", "?lysis@L5"), // S92
  t("Small left paracentral protrusion at L5-S1 ?contacting the left S1 nerve root.", "hern@L5-S1 ?root@L5-S1"), // S93
  t("Subtle marrow oedema at L1 - ?acute fracture.", "marrow@L1 ?fx@L1"), // S94
  t("An underlying pathological fracture cannot be excluded at T9.", "?fx@T9 ?marrow@T9"), // S95
  t("Equivocal cord signal change at C5-6.", "?csig@C5-C6"), // S96
  t("Probable haemangioma in the L2 vertebral body.", "?hem@L2"), // S97
  t("Metastasis cannot be ruled out at T6.", "?marrow@T6"), // S98
  t("Possibly a small annular fissure at L4-5.", "?fis@L4-L5"), // S99
  t("Suspected spondylodiscitis at T9-10.", "?inf@T9-T10"), // S100
  t("No definite fracture; a subtle undisplaced fracture of L1 cannot be excluded.", "?fx@L1"), // S101
  t("Likely benign Schmorl node at L2.", "sch@L2"), // S102
  t("No abnormality is seen at L1-2 or L2-3.", ""), // S103
  t("L1-2: Normal.", ""), // S104
  t("L2-3: Unremarkable.", ""), // S105
  t("The vertebral bodies are normal in height and marrow signal.", "!ht !marrow"), // S106
  t("There is no evidence of cauda equina compression.", "!cauda"), // S107
  t("The neural foramina are patent bilaterally.", "!foram"), // S108
  t("No disc bulge, protrusion or extrusion.", "!bulge !hern"), // S109
  t("No significant canal stenosis but moderate left foraminal narrowing at L4-5.", "!canal@L4-L5 foram@L4-L5"), // S110
  t("Mild foraminal narowing at L4-5 on the left.", "foram@L4-L5"), // S111
  t("Loss of disc heigth at L5-S1.", "deg@L5-S1"), // S112
  t("Compresion of the right L5 nerve root at L4-5.", "root@L4-L5"), // S113
  t("Small disc protusion at C5-6.", "hern@C5-C6"), // S114
  t("Disc hernation L4-L5 with nerve root impingment.", "hern@L4-L5 root@L4-L5"), // S115
  t("Moderate canal stenois at L3-4.", "canal@L3-L4"), // S116
  t("Disc dessication at L4-5 and L5-S1.", "deg@L4-L5,L5-S1"), // S117
  t("Anterolisthesis of L5 on S1, grade I, with bilateral pars defects.", "slip@L5-S1 lysis@L5"), // S118
  t("Spondylolisthesis grade 1 at L4-5, degenerative.", "slip@L4-L5"), // S119
  t("Bilat NF narrowing at L5-S1, mod-severe on the right.", "foram@L5-S1"), // S120
  t("Mod-severe central canal stenosis L4-5.", "canal@L4-L5"), // S121
  t("Severe bilat foraminal stenosis C5-6.", "foram@C5-C6"), // S122
  t("NF narrowing L4/5 left > right.", "foram@L4-L5"), // S123
  t("L5 fx with retropulsion.", "fx@L5"), // S124
  t("Discopathy L4-L5 and L5-S1.", "deg@L4-L5,L5-S1"), // S125
  t("Disc hernia L5-S1 paramedian left, contact with the S1 root.", "hern@L5-S1 root@L5-S1"), // S126
  t("Protrusion of disc at the L4-L5 level compressing the dural sac.", "hern@L4-L5"), // S127
  t("Degenerative discopathy with protrusion of disc L3-L4.", "deg@L3-L4 hern@L3-L4"), // S128
  t("Spondylarthrosis of the lumbar spine, most marked L4-L5.", "facet@L4-L5"), // S129
  t("Osteochondrosis of the L5-S1 segment.", "deg@L5-S1"), // S130
  t("Dorsal median herniation of the disc L4/L5 with compression of the dural sac.", "hern@L4-L5"), // S131
  t("Superior endplate depression at L1 of about 20 %.", "ht@L1"), // S132
  t("Mild endplate depression of T12, chronic.", "ht@T12"), // S133
  t("Modic changes at L4-5.", "mu@L4-L5"), // S134
  t("Modic endplate changes at L5-S1 and L4-5.", "mu@L4-L5,L5-S1"), // S135
  t("Modic type 2 changes at L5-S1 and Modic changes at L3-4.", "m2@L5-S1 mu@L3-L4"), // S136
  t("Degenerative Modic change of the L2 inferior endplate.", "mu@L2"), // S137
  t("No Modic changes.", "!mu"), // S138
  t("Reduced disc height at C5-6 and C6-7.", "deg@C5-C6,C6-C7"), // S139
  t("Decreased hight of the L2 vertebral body.", "ht@L2"), // S140
  t("Cord compresion at C5-6.", "cord@C5-C6"), // S141
  t("Sever foraminal stenosis at L5-S1.", "foram@L5-S1"), // S142
  t("Facet artropathy at L4-5 and L5-S1.", "facet@L4-L5,L5-S1"), // S143
  t("Hypertrofic facet joints at L4-5.", "facet@L4-L5"), // S144
  t("The disk at L4-L5 is bulging.", "bulge@L4-L5"), // S145
  t("Broad based disk buldge L3/4.", "bulge@L3-L4"), // S146
  t("Extrusion of the disk L5-S1 with caudal migration.", "hern@L5-S1"), // S147
  t("Epidurial abscess at T6-7.", "epi@T6-T7 inf@T6-T7"), // S148
  t("Herniated disc L4-L5 touching the nerve root L5 right.", "hern@L4-L5 root@L4-L5"), // S149
  t("Stenosis of the foramen L4-L5 right side.", "foram@L4-L5"), // S150
  t("Narrowing of the spinal canal at L3-L4, moderate.", "canal@L3-L4"), // S151
  t("Wedge deformation of Th12 vertebra.", "ht@T12"), // S152
  t("Hemangioma in L3 body.", "hem@L3"), // S153
  t("Schmorls nodes at T11 and T12.", "sch@T11,T12"), // S154
  t("Osteophytes and spondylosis C5-C7.", "deg@C5-C6,C6-C7"), // S155
  t("Protrusions C4-5 and C5-6 compressing the dural sack.", "hern@C4-C5,C5-C6"), // S156
  t("Discal protrusion L5-S1 median.", "hern@L5-S1"), // S157
  t("Annular tear L4-5 posterior.", "fis@L4-L5"), // S158
  t("HIZ at L4-5.", "fis@L4-L5"), // S159
  t("Stenose of the recessus lateralis L4-5.", "foram@L4-L5"), // S160
  t("L4-5 lateral recess narrowing, more on left.", "foram@L4-L5"), // S161
  t("Minimal bulging L2-3, L3-4.", "bulge@L2-L3,L3-L4"), // S162
  t("The weight of the patient is 70 kg.", ""), // S163
  t("Patient reports heavy weight lifting.", ""), // S164
  t("The scan was compared with the prior study.", ""), // S165
  t("Multilevel degenerative disc disease, most marked at L4-5 and L5-S1.", "deg@L4-L5,L5-S1"), // S166
  t("There is loss of T2 signal within the L4-5 and L5-S1 discs.", "deg@L4-L5,L5-S1"), // S167
  t("Diffuse disc bulge at L3-4 mildly narrowing the lateral recesses.", "bulge@L3-L4 foram@L3-L4"), // S168
  t("Right foraminal disc protrusion at L4-5 contacting the exiting right L4 nerve root.", "hern@L4-L5 root@L4-L5"), // S169
  t("Left subarticular disc extrusion at L5-S1 displacing the descending left S1 nerve root.", "hern@L5-S1 root@L5-S1"), // S170
  t("Facet joint effusions at L4-5.", "facet@L4-L5"), // S171
  t("Moderate bilateral facet arthropathy at L4-5 and L5-S1.", "facet@L4-L5,L5-S1"), // S172
  t("Severe central canal stenosis at L4-5 secondary to disc bulge, facet hypertrophy and ligamentum flavum thickening.", "canal@L4-L5 bulge@L4-L5 facet@L4-L5"), // S173
  t("Bilateral L5 pars interarticularis defects with grade 1 anterolisthesis.", "lysis@L5 slip@L5"), // S174
  t("Acute compression fracture of the L1 vertebral body with 30 % height loss and marrow oedema.", "fx@L1 ht@L1 marrow@L1"), // S175
  t("Chronic mild anterior wedging of T8.", "ht@T8"), // S176
  t("Typical haemangioma in the T10 vertebral body.", "hem@T10"), // S177
  t("Diffuse low T1 marrow signal, suspicious for marrow infiltration.", "marrow"), // S178
  t("Multiple T1 hypointense lesions throughout the thoracic spine, concerning for metastases.", "marrow"), // S179
  t("Destructive lesion of the T10 vertebral body with extension into the left pedicle.", "marrow@T10"), // S180
  t("Fluid signal within the L3-4 disc with endplate erosions, in keeping with discitis.", "inf@L3-L4"), // S181
  t("Schmorl node at the superior endplate of L1.", "sch@L1"), // S182
  t("Type 2 Modic changes at the L5-S1 endplates.", "m2@L5-S1"), // S183
  t("Modic type 1 change at L3-4 with endplate oedema.", "m1@L3-L4"), // S184
  t("Endplate sclerosis at L4-5 in keeping with Modic type 3.", "m3@L4-L5"), // S185
  t("Annular fissure at L4-5 with a high intensity zone.", "fis@L4-L5"), // S186
  t("Circumferential disc bulge at L2-3 without canal or foraminal stenosis.", "bulge@L2-L3 !canal@L2-L3 !foram@L2-L3"), // S187
  t("The traversing nerve roots are unaffected.", "!root"), // S188
  t("The exiting nerve roots are free.", "!root"), // S189
  t("Mild retrolisthesis of L2 on L3.", "slip@L2-L3"), // S190
  t("Uncovertebral hypertrophy at C5-6 causing moderate right foraminal stenosis.", "foram@C5-C6"), // S191
  t("Disc osteophyte complex at C6-7 with mild canal narrowing.", "bulge@C6-C7 canal@C6-C7"), // S192
  t("Small central disc protrusion at C4-5 without cord contact.", "hern@C4-C5 !cord@C4-C5"), // S193
  t("Thoracic disc protrusion at T6-7 indenting the thecal sac.", "hern@T6-T7"), // S194
  t("Small Schmorl nodes at several thoracic levels.", "sch"), // S195
  t("The sacroiliac joints are normal.", ""), // S196
  t("Paraspinal muscles are unremarkable.", ""), // S197
  t("Visualised retroperitoneum is unremarkable.", ""), // S198
  t("The vertebral body heights are maintained.", "!ht"), // S199
  t("Bone marrow signal is normal.", "!marrow"), // S200
  t("No suspicious osseous lesion.", "!marrow"), // S201
  t("No focal marrow lesion.", "!marrow"), // S202
  t("No acute fracture or subluxation.", "!fx"), // S203
  t("Appearances are in keeping with early degenerative change.", ""), // S204
  t("Mild narrowing of the L5-S1 disc space.", "deg@L5-S1"), // S205
  t("Disc bulges at T5-6 and T6-7 without cord compression.", "bulge@T5-T6,T6-T7 !cord@T5-T6,T6-T7"), // S206
  t("Severe left neural foraminal stenosis at C6-7 with impingement of the exiting C7 nerve root.", "foram@C6-C7 root@C6-C7"), // S207
  t("Central canal is capacious.", "!canal"), // S208
  t("Grade 2 isthmic spondylolisthesis of L5 on S1.", "slip@L5-S1 lysis@L5"), // S209
  t("Pathological fracture of T7 with retropulsion.", "fx@T7 marrow@T7"), // S210
  t("Vertebra plana at T9.", "ht@T9"), // S211
  t("Multilevel spondylosis.", "deg"), // S212
  t("Disc extrusion at L4-5 with superior migration behind the L4 vertebral body.", "hern@L4-L5"), // S213
  t("Sequestered disc fragment at L3-4.", "hern@L3-L4"), // S214
  t("Hypertrophy of the facet joints with small effusions at L3-4 and L4-5.", "facet@L3-L4,L4-L5"), // S215
  t("Tarlov cysts at S2.", ""), // S216
  t("Enhancement of the L4 and L5 vertebral bodies and intervening disc, concerning for osteomyelitis.", "inf@L4,L5"), // S217
  t("The L5-S1 disc is desiccated and reduced in height.", "deg@L5-S1"), // S218
  t("Small left paracentral disc protrusion at L4-5 with mild narrowing of the left lateral recess.", "hern@L4-L5 foram@L4-L5"), // S219
  t("Moderate spinal stenosis at L3-L4 and L4-L5.", "canal@L3-L4,L4-L5"), // S220
  t("No significant neural foraminal narrowing.", "!foram"), // S221
  t("No significant abnormality of the cervical spine.", ""), // S222
  t("There is a small synovial cyst arising from the right L4-5 facet joint.", ""), // S223
  t("Dark disc at L5-S1.", "deg@L5-S1"), // S224
  t("The L4-5 disc shows a broad posterior bulge.", "bulge@L4-L5"), // S225
  t("There is a small central protrusion at L5-S1 which indents the thecal sac but does not compress the nerve roots.", "hern@L5-S1 !root@L5-S1"), // S226
  t("There is a shallow posterior disc bulge at L1-2.", "bulge@L1-L2"), // S227
  t("At L2-3 there is mild loss of disc height.", "deg@L2-L3"), // S228
  t("Right paracentral disc extrusion at L4-5 effacing the right lateral recess and compressing the traversing right L5 nerve root.", "hern@L4-L5 foram@L4-L5 root@L4-L5"), // S229
  t("Far lateral disc protrusion at L3-4 impinging on the exiting left L3 nerve root.", "hern@L3-L4 root@L3-L4"), // S230
  t("No significant central canal stenosis at L1-2 or L2-3.", "!canal@L1-L2,L2-L3"), // S231
  t("Mild bilateral neural foraminal narrowing at L5-S1.", "foram@L5-S1"), // S232
  t("Degenerative facet changes at L4-5 and L5-S1.", "facet@L4-L5,L5-S1"), // S233
  t("The L5-S1 disc is dark and collapsed.", "deg@L5-S1"), // S234
  t("The discs are of normal height and signal throughout.", "!deg"), // S235
  t("The intervertebral discs are normal.", "!deg"), // S236
  t("Alignment is anatomic.", "!slip"), // S237
  t("Mild scoliosis convex to the right.", ""), // S238
  t("There is a 4 mm retrolisthesis of C5 on C6.", "slip@C5-C6"), // S239
  t("Marked narrowing of the left C5-6 neural foramen.", "foram@C5-C6"), // S240
  t("Disc osteophyte complexes at C5-6 and C6-7 efface the ventral thecal sac without cord compression.", "bulge@C5-C6,C6-C7 !cord@C5-C6,C6-C7"), // S241
  t("The cervical cord is flattened at C6-7 with abnormal T2 signal.", "cord@C6-C7 csig@C6-C7"), // S242
  t("T2 hyperintensity within the cord at C3-4, which may represent oedema or myelomalacia.", "csig@C3-C4"), // S243
  t("There is no abnormal signal within the cord.", "!csig"), // S244
  t("No intramedullary signal abnormality.", "!csig"), // S245
  t("The cord is normal.", "!cord !csig"), // S246
  t("The thoracic cord is of normal signal and calibre.", "!cord !csig"), // S247
  t("No thoracic disc herniation.", "!hern"), // S248
  t("Small left paracentral disc protrusion at T11-12 contacting the cord.", "hern@T11-T12"), // S249
  t("Multiple Schmorl nodes are present in the thoracic spine.", "sch"), // S250
  t("Mild anterior wedge compression of T6 and T7, chronic in appearance.", "ht@T6,T7"), // S251
  t("An acute T4 fracture with posterior cortical bulging.", "fx@T4"), // S252
  t("Convex posterior vertebral border at L3 with pedicle involvement, suspicious for pathological fracture.", "?fx@L3 ?marrow@L3"), // S253
  t("A 2 cm enhancing lesion in the L4 vertebral body.", "marrow@L4"), // S254
  t("Lytic lesion in the right T8 pedicle.", "marrow@T8"), // S255
  t("Sclerotic focus in the L3 vertebral body, likely a bone island.", ""), // S256
  t("Marrow replacement of the S1 segment.", "marrow@S1"), // S257
  t("Epidural tumour extension at T5 compresses the spinal cord.", "marrow@T5 cord@T5"), // S258
  t("There is a large epidural mass at L2 displacing the cauda equina.", "marrow@L2 cauda@L2"), // S259
  t("Paraspinal and epidural phlegmon at T10-11 with discitis.", "inf@T10-T11 epi@T10-T11"), // S260
  t("Osteomyelitis of L4 and L5 with a psoas abscess.", "inf@L4,L5"), // S261
  t("Endplate erosions at L1-2 with fluid within the disc, concerning for infection.", "inf@L1-L2"), // S262
  t("There is no evidence of discitis or osteomyelitis.", "!inf"), // S263
  t("Interval resolution of the paraspinal abscess.", "!inf"), // S264
  t("The epidural haematoma has decreased in size but persists at T8.", "epi@T8"), // S265
  t("Small amount of fluid in the epidural space at L4, likely post-surgical.", "epi@L4"), // S266
  t("A small epidural collection has developed at the operative site at L5.", "epi@L5"), // S267
  t("Subacute epidural haematoma at C7-T1.", "epi@C7-T1"), // S268
  t("No spinal haematoma.", "!epi"), // S269
  t("No evidence of an epidural abscess.", "!epi !inf"), // S270
  t("Modic type 1/2 changes at L4-5.", "m1@L4-L5 m2@L4-L5"), // S271
  t("Modic 2 endplate changes at L3-4.", "m2@L3-L4"), // S272
  t("Mixed Modic change at L5-S1.", "mu@L5-S1"), // S273
  t("Endplate marrow oedema at L4-5 in keeping with active Modic change.", "m1@L4-L5"), // S274
  t("Fatty endplate changes at L2-3.", "m2@L2-L3"), // S275
  t("Annular fissures at L3-4 and L4-5.", "fis@L3-L4,L4-L5"), // S276
  t("Posterior annular tear at L5-S1 without herniation.", "fis@L5-S1 !hern@L5-S1"), // S277
  t("Central disc protrusion at L5-S1 with an annular fissure.", "hern@L5-S1 fis@L5-S1"), // S278
  t("Left L4-5 facet joint synovial cyst narrowing the left lateral recess.", "foram@L4-L5"), // S279
  t("Congenitally narrow canal with superimposed degenerative stenosis at L3-4.", "canal@L3-L4"), // S280
  t("Moderate to severe canal stenosis at L4-5.", "canal@L4-L5"), // S281
  t("Trefoil configuration of the canal at L4-5 due to facet hypertrophy.", "canal@L4-L5 facet@L4-L5"), // S282
  t("Cauda equina roots are redundant above the stenosis at L4-5.", "canal@L4-L5"), // S283
  t("There is clumping of the cauda equina nerve roots.", ""), // S284
  t("The conus tip lies at L1-2.", ""), // S285
  t("Low-lying conus at L3.", ""), // S286
  t("Pars defects are not seen.", "!lysis"), // S287
  t("Unilateral left L4 spondylolysis.", "lysis@L4"), // S288
  t("Stress reaction of the right L5 pars with surrounding oedema.", "lysis@L5"), // S289
  t("No listhesis.", "!slip"), // S290
  t("Mild degenerative retrolisthesis of L3 on L4 and L4 on L5.", "slip@L3-L4,L4-L5"), // S291
  t("Small central disc herniations at L3-4, L4-5 and L5-S1.", "hern@L3-L4,L4-L5,L5-S1"), // S292
  t("Disc prolapse at L4-5 with compression of the left L5 nerve root.", "hern@L4-L5 root@L4-L5"), // S293
  t("Large disc extrusion at L5-S1 with severe compression of the thecal sac.", "hern@L5-S1"), // S294
  t("Extruded disc material at L4-5 is in contact with both traversing L5 nerve roots.", "hern@L4-L5 root@L4-L5"), // S295
  t("Bilateral lateral recess stenosis at L4-5 with possible compression of the traversing L5 roots.", "foram@L4-L5 ?root@L4-L5"), // S296
  t("There is mild narrowing of the right L5-S1 foramen with no nerve root impingement.", "foram@L5-S1 !root@L5-S1"), // S297
  t("The visualised sacroiliac joints show no erosions.", ""), // S298
  t("The spine is otherwise unremarkable.", ""), // S299
  t("No other significant abnormality.", ""), // S300
  t("Degenerative changes throughout the lumbar spine.", ""), // S301
  t("Background mild degenerative changes.", ""), // S302
  t("Vertebral height loss T12 with a possible fracture line.", "ht@T12 ?fx@T12"), // S303
  t("Loss of height of the L2 vertebral body of about 40 %.", "ht@L2"), // S304
  t("Vertebral body heights are preserved without fracture.", "!ht !fx"), // S305
  t("There is reduced height of the C6 vertebral body.", "ht@C6"), // S306
  t("MRI LUMBAR SPINE\nClinical details: low back pain with left leg pain.\nFindings:\nAlignment is normal. Vertebral body heights are maintained.\nL3-4: Mild disc bulge. No canal stenosis.\nL4-5: Left paracentral disc protrusion contacting the traversing left L5 nerve root.\nL5-S1: Disc desiccation. No nerve root compression.\nThe conus terminates normally at L1.\nImpression: L4-5 left paracentral protrusion contacting the left L5 root.", "!slip !ht bulge@L3-L4 !canal@L3-L4 hern@L4-L5 root@L4-L5 deg@L5-S1 !root@L5-S1"), // R0
  t("MRI L-SPINE\nL4/5 –\nBroad-based disc bulge with moderate bilateral facet hypertrophy.\nModerate central canal stenosis.\nL5/S1 –\nSmall central protrusion.\nNo foraminal narrowing.", "bulge@L4-L5 facet@L4-L5 canal@L4-L5 hern@L5-S1 !foram@L5-S1"), // R1
  t("Findings: There is a large left paracentral disc extrusion at L5-S1 with caudal migration. It compresses the left S1 nerve root. The remaining discs are normal in height and signal.\nImpression: large L5-S1 extrusion compressing the left S1 root.", "hern@L5-S1 root@L5-S1 !deg"), // R2
  t("MRI LUMBAR SPINE WITH CONTRAST\nThere is abnormal fluid signal within the L3-4 disc with enhancement of the adjacent endplates. A rim-enhancing ventral epidural collection extends from L3 to L4, in keeping with an abscess, with compression of the cauda equina.\nImpression: L3-4 spondylodiscitis with epidural abscess.", "inf@L3-L4 epi@L3,L4 inf@L3,L4 cauda@L3,L4 epi@L3-L4"), // R3
  t("Comparison: MRI 14 months ago.\nThe previously seen L4-5 disc extrusion has resolved. There is a residual small disc bulge at L4-5. No nerve root compression.", "!hern@L4-L5 bulge@L4-L5 !root"), // R4
  t("MRI lumbar spine\nT11-L2: degenerative disc disease with small Schmorl nodes.\nL3-4, L4-5: disc desiccation and mild bulges.\nL5-S1: Modic changes with disc height loss.", "deg@T11-T12,T12-L1,L1-L2 sch@T11,T12,L1,L2 deg@L3-L4,L4-L5 bulge@L3-L4,L4-L5 mu@L5-S1 deg@L5-S1"), // R5
  t("lumbar mri result copy paste: L4-L5 discopathy with disc hernia paramedian right, compresion of the dural sac and right L5 root. L5-S1 protrusion of disc median. Spondylarthrosis L4-S1.", "deg@L4-L5 hern@L4-L5 root@L4-L5 hern@L5-S1 facet@L4-L5,L5-S1"), // R6
  t("MRI LS spine\nThere is a grade 1 anterolisthesis of L4 on L5 with bilateral facet arthropathy and a broad disc bulge, resulting in severe central canal stenosis with crowding of the cauda equina.\nNo pars defect.", "slip@L4-L5 facet@L4-L5 bulge@L4-L5 canal@L4-L5 cauda@L4-L5 !lysis"), // R7
  t("FINDINGS:\nAlignment: Straightening of the lumbar lordosis.\nVertebral bodies: Acute compression fracture of L1 with 25 % height loss and marrow oedema. No retropulsion.\nDiscs: Mild desiccation at L4-5.\nConus: normal.\nIMPRESSION: Acute L1 compression fracture.", "fx@L1 ht@L1 marrow@L1 deg@L4-L5 !cord !csig"), // R8
  t("MRI Lumbar Spine\nThere is diffuse abnormal low T1 marrow signal throughout the lumbar vertebrae, suspicious for marrow infiltration. A soft tissue mass at L3 extends into the epidural space and compresses the cauda equina.\nRecommend contrast-enhanced imaging.", "marrow marrow@L3 cauda@L3"), // R9
  t("Report: Mild disc bulges L3/4 and L4/5. Facet joint effusions L4/5. Lateral recess narowing L4/5 on the left. Modic type 2 changes L5/S1. No significant canal stenosis.", "bulge@L3-L4,L4-L5 facet@L4-L5 foram@L4-L5 m2@L5-S1 !canal"), // R10
  t("MRI LUMBAR SPINE\nL5/S1: bilat NF narrowing, mod-severe on the left, with contact of the exiting left L5 nerve root.\nL4/5: normal.\nImpression: mod-severe left L5/S1 foraminal narrowing.", "foram@L5-S1 root@L5-S1"), // R11
  t("MRI lumbar spine post-operative\nLeft L5 hemilaminectomy. There is enhancing granulation tissue around the left S1 nerve root. A small recurrent disc protrusion cannot be excluded at L5-S1. No epidural collection.", "?hern@L5-S1 !epi"), // R12
  t("Findings\nThe vertebral body heights are preserved. There is a typical haemangioma in L2. Disc desiccation at L4-L5 and L5-S1 with a small annular fissure at L4-L5. No disc herniation. The spinal canal and neural foramina are patent.", "!ht hem@L2 deg@L4-L5,L5-S1 fis@L4-L5 !hern !canal !foram"), // R13
  t("MRI LUMBAR SPINE\nClinical: athlete, extension pain.\nBilateral L5 pars stress reaction with marrow oedema, no fracture line. No spondylolisthesis. Discs normal.", "lysis@L5 marrow@L5 !fx !slip !deg"), // R14
  t("Lumbar MRI:\n- L2-3: mild bulging\n- L3-4: moderate spinal stenosis\n- L4-5: severe spinal stenosis, cauda equina compression\n- L5-S1: normal", "bulge@L2-L3 canal@L3-L4 canal@L4-L5 cauda@L4-L5"), // R15
  t("IMPRESSION:\n1. Endplate depression of the L2 superior endplate, age indeterminate.\n2. Degenerative disc disease L4-S1.\n3. No canal stenosis.", "ht@L2 deg@L4-L5,L5-S1 !canal"), // R16
  t("MRI LUMBAR SPINE\nThere is a small right foraminal protrusion at L3-4. The protrusion abuts the exiting right L3 nerve root. At L4-5 there is a broad bulge. It narrows both lateral recesses.", "hern@L3-L4 root@L3-L4 bulge@L4-L5 foram@L4-L5"), // R17
  t("Compared with the prior MRI, interval resolution of the L4-5 epidural abscess. Persistent Modic type 1 change at L4-5. No new collection.", "!epi@L4-L5 !inf@L4-L5 m1@L4-L5 !epi"), // R18
  t("My MRI says: \"Disc dessication L4-L5, L5-S1. Broad based disk bulge L4-L5 with mild bilat NF narrowing. Facet artropathy L5-S1.\" What does this mean?", "deg@L4-L5,L5-S1 bulge@L4-L5 foram@L4-L5 facet@L5-S1"), // R19
  t("MRI LUMBAR SPINE\nSagittal alignment is maintained.\nThere is a sequestered disc fragment posterior to the L4 vertebral body, arising from L4-5, compressing the thecal sac and the right L5 nerve root.\nThe cauda equina is not compressed.", "!slip hern@L4-L5 root@L4-L5 !cauda"), // R20
  t("MRI CERVICAL SPINE\nAlignment: straightening of the normal cervical lordosis.\nC3-4: Mild disc bulge. No canal stenosis.\nC4-5: Disc osteophyte complex indenting the ventral cord, with no cord signal change. Moderate bilateral foraminal narrowing.\nC5-6: Normal.\nImpression: C4-5 disc osteophyte complex with cord indentation.", "bulge@C3-C4 !canal@C3-C4 bulge@C4-C5 cord@C4-C5 !csig@C4-C5 foram@C4-C5"), // R21
  t("MRI C-SPINE\nC3/4: no compression at this level, however there is a broad disc protrusion at C4/5 flattening the cord.\nC5/6: small central protrusion without cord contact.", "hern@C4-C5 cord@C4-C5 hern@C5-C6 !cord@C5-C6"), // R22
  t("MRI CERVICAL SPINE\nSevere canal stenosis at C5-6 with cord compression and increased T2 signal within the cord at this level, compatible with myelopathy.\nUncovertebral hypertrophy causing severe bilateral foraminal stenosis at C5-6 and C6-7.", "canal@C5-C6 cord@C5-C6 csig@C5-C6 foram@C5-C6,C6-C7"), // R23
  t("Cervical MRI\nC5-C6 –\nBroad disc protrusion with mass effect on the cord.\nNo cord signal abnormality.\nC6-C7 –\nMild bulge.", "hern@C5-C6 cord@C5-C6 !csig@C5-C6 bulge@C6-C7"), // R24
  t("MRI CERVICAL SPINE\nThe spinal cord is normal in calibre and signal. Multilevel spondylosis C4-C7 with mild foraminal narrowing at C5-6. No cord compression.", "!cord !csig deg@C4-C5,C5-C6,C6-C7 foram@C5-C6"), // R25
  t("MRI THORACIC SPINE\nThere is a dorsal epidural haematoma extending from T3 to T6 with mass effect on the cord. Cord signal is normal.\nImpression: spinal epidural haematoma with cord compression. Urgent neurosurgical review.", "epi@T3,T4,T5,T6 cord@T3,T4,T5,T6 !csig epi cord"), // R26
  t("MRI WHOLE SPINE\nMultiple T1 hypointense lesions in T4, T9 and L2, in keeping with metastases. Pathological fracture of T9 with epidural extension indenting the cord. No cord signal change.", "marrow@T4,T9,L2 fx@T9 marrow@T9 cord@T9 !csig@T9"), // R27
  t("MRI THORACIC SPINE\nFindings: Small central disc protrusions at T6-7 and T7-8 indenting the thecal sac without cord compression. Schmorl nodes at T8 and T9. Mild anterior wedging of T8, likely chronic.", "hern@T6-T7,T7-T8 !cord@T6-T7,T7-T8 sch@T8,T9 ht@T8"), // R28
  t("MRI THORACIC SPINE\nThere is discitis-osteomyelitis at T9-10 with endplate destruction and a small ventral epidural abscess. No cord compression.\nIMPRESSION: T9-10 spondylodiscitis.", "inf@T9-T10 epi@T9-T10 !cord"), // R29
  t("thoracic mri said: \"disc protusion T7-8 with mild cord flattening, no myelopathy. modic changes T8.\" is that bad?", "hern@T7-T8 cord@T7-T8 !csig@T7-T8 mu@T8"), // R30
  t("MRI CERVICAL SPINE\nComparison is made with the prior study. The previously seen cord compression at C5-6 is no longer evident following anterior discectomy and fusion. Residual myelomalacia at C5-6.", "!cord@C5-C6 csig@C5-C6"), // R31
  t("MRI THORACIC SPINE\nSlight loss of height and Modic type 1 signal changes in the T5 and T7 vertebrae. Possible underlying marrow lesion at T7 cannot be excluded. Spinal cord is normal.", "ht@T5,T7 m1@T5,T7 ?marrow@T7 !cord !csig"), // R32
  t("MRI CERVICAL SPINE\nC6-7: left paracentral disc extrusion compressing the left C7 nerve root. The cord is not compressed.\nC7-T1: normal.", "hern@C6-C7 root@C6-C7 !cord@C6-C7"), // R33
  t("MRI CERVICAL SPINE\nSyrinx within the cervical cord from C4 to C7. No Chiari malformation. Discs are normal.", "csig@C4,C5,C6,C7 !deg"), // R34
  t("MRI THORACOLUMBAR\nT12: acute burst fracture with retropulsion narrowing the canal and compressing the conus. Marrow oedema in T11-T12 vertebral bodies.", "fx@T12 canal@T12 cord@T12 marrow@T11,T12"), // R35
  t("MRI CERVICAL SPINE\nImpression:\n1. Mild cervical spondylosis.\n2. Possible small epidural collection at C2 - correlate with inflammatory markers.\n3. No cord compression.", "deg ?epi@C2 !cord"), // R36
  t("MRI THORACIC SPINE\nConus normal. Normal thoracic kyphosis. No fracture. No suspicious marrow lesion. Small haemangioma in T11.", "!cord !csig !fx !marrow hem@T11"), // R37
  t("Cervical MRI (translated): Discopathy C5-C6 and C6-C7 with protrusion of disc C5-C6 deforming the dural sac and the cord. Narowing of the foramen C6-C7 left.", "deg@C5-C6,C6-C7 hern@C5-C6 cord@C5-C6 foram@C6-C7"), // R38
  t("MRI CERVICAL SPINE\nAt C4-5 there is a broad disc bulge. This effaces the ventral CSF and abuts the cord.\nAt C5-6 there is a central protrusion. The protrusion compresses the cord.", "bulge@C4-C5 hern@C5-C6 cord@C5-C6"), // R39
  t("MRI THORACIC SPINE\nThe epidural abscess at T6-7 has resolved on this study. Minor residual endplate irregularity. Cord signal is normal.", "!epi@T6-T7 !inf@T6-T7 !csig"), // R40
];
