import type { MriFindingCode } from './types';

export interface FindingTexts {
  /** What the finding is, in plain words: true whatever else the report says. */
  patient: string;
  /**
   * The reassuring part ("common", "harmless", "a normal part of getting older"), kept apart so it can be left out
   * while part of the same report could not be read (CONTRACTS §3 v2: an unread sentence is never reassuring).
   * Only findings of concern 'common' have one.
   */
  reassurance?: string;
  clinician: string;
}

/**
 * Plain-language text for patients (short sentences, common words, for readers whose first language is not
 * English) and a short note for clinicians. Reassurance appears only for findings of concern 'common'.
 */
export const FINDING_TEXTS: Record<MriFindingCode, FindingTexts> = {
  disc_degeneration: {
    patient: 'The discs between your spine bones have less water and may be a little thinner.',
    reassurance: 'This is a normal part of getting older, like grey hair. Many people with this have no pain.',
    clinician: 'Disc degeneration (desiccation / height loss). Very common in asymptomatic adults; weak association with pain; interpret with the clinical picture.',
  },
  disc_bulge: {
    patient: 'A disc is wider than the bone around it, like a tyre that spreads a little.',
    reassurance: 'This is very common in people with no pain. It often does not explain the pain.',
    clinician: 'Disc bulge (circumferential, > 25 % of the disc circumference). Common in asymptomatic adults; correlate with symptoms and neurology.',
  },
  disc_herniation: {
    patient: 'Part of a disc has moved out of its normal place.',
    reassurance: 'Many people have this without pain. Most of these get smaller or stop hurting with time, without surgery.',
    clinician: 'Disc protrusion/extrusion. Protrusion is common in asymptomatic adults; extrusions are less so. Check for radicular signs and for nerve-root contact in the report; most regress with conservative care.',
  },
  annular_fissure: {
    patient: 'There is a small crack in the outer wall of a disc.',
    reassurance: 'This is common in people with no pain and it often heals.',
    clinician: 'Annular fissure / high-intensity zone. Common in asymptomatic people; not a marker of trauma; limited diagnostic value alone.',
  },
  modic_1: {
    patient: 'The bone next to a disc shows a change that can come with irritation (swelling) in the bone. It can be linked to back pain. A clinician will look at it together with your symptoms.',
    clinician: 'Modic type 1 (low T1, high T2; endplate marrow oedema, "active"). Associated with LBP in adults ≤ 50 (OR ≈ 4.0; Brinjikji et al., AJNR 2015;36:2394). Can mimic early spondylodiscitis: check for fever, raised inflammatory markers, disc fluid signal or endplate erosion before reassuring.',
  },
  modic_2: {
    patient: 'The bone next to a disc has some fat in it.',
    reassurance: 'This is a stable, common change and is usually not a cause for worry.',
    clinician: 'Modic type 2 (high T1 and T2; fatty replacement). Stable, degenerative. Any Modic change: 10.5 % of people without symptoms vs 21.0 % with back pain (lumbar; cervical 3.3 % vs 8.8 %; Li et al., PLoS One 2014;9:e114993); type 2 is the most common type.',
  },
  modic_3: {
    patient: 'The bone next to a disc is a little harder (thicker) than usual.',
    reassurance: 'This is an old, stable change.',
    clinician: 'Modic type 3 (low T1 and T2; endplate sclerosis). Chronic, stable.',
  },
  schmorl_node: {
    patient: 'A small part of a disc has pushed into the bone above or below it.',
    reassurance: 'This is common and usually harmless.',
    clinician: "Schmorl's node (intravertebral disc herniation). Common incidental finding; an acute node with marrow oedema can be painful.",
  },
  vertebral_height_loss: {
    patient: 'One or more spine bones are a little less tall than normal. A clinician will look at this with your history, for example past injuries or bone strength.',
    clinician: 'Loss of vertebral body height / wedging. Review for prior trauma, osteoporosis, steroid use and malignancy; compare with previous imaging; exclude acute fracture (STIR oedema) and pathological features.',
  },
  fracture: {
    patient: 'The report mentions a break in a spine bone. This needs a prompt check by a doctor. We will contact you.',
    clinician: 'Vertebral fracture. Confirm acute vs chronic (STIR), mechanism, osteoporosis and malignancy risk; assess stability and neurology. Urgent review.',
  },
  spondylolysis: {
    patient: 'There is a crack (stress fracture) in a small part at the back of a spine bone. This is more common in young athletes. A clinician will check it and plan your training with you.',
    clinician: 'Spondylolysis (pars defect / stress reaction). Common cause of extension-related LBP in young athletes; check acuity (STIR oedema) and associated listhesis; consider load management.',
  },
  spondylolisthesis: {
    patient: 'One spine bone has moved forward or backward a little over the bone below.',
    reassurance: 'Small slips are common, especially with age, and often cause no problems.',
    clinician: 'Spondylolisthesis (antero-/retrolisthesis). Note grade and type (degenerative vs isthmic); check for instability symptoms and neural compromise.',
  },
  facet_arthropathy: {
    patient: 'The small joints at the back of your spine show wear.',
    reassurance: 'This is common as we get older and often causes no pain.',
    clinician: 'Facet arthropathy / hypertrophy. Age-related and common in asymptomatic adults; may contribute to foraminal or canal narrowing.',
  },
  canal_stenosis: {
    patient: 'The space for the nerves in the middle of your spine is narrower than usual. A clinician will check how this fits with your symptoms.',
    clinician: 'Spinal canal stenosis. Grade and level; correlate with neurogenic claudication or myelopathic signs; check for cauda equina or cord involvement.',
  },
  foraminal_stenosis: {
    patient: 'The opening where a nerve leaves the spine is narrower than usual. This may or may not press on the nerve. A clinician will check it with your symptoms.',
    clinician: 'Foraminal or lateral recess stenosis. Correlate with dermatomal/radicular symptoms at the corresponding root.',
  },
  nerve_root_compression: {
    patient: 'Something touches or presses on a nerve near your spine. This can cause pain, tingling or weakness in an arm or a leg. A clinician will check it with you.',
    clinician: 'Nerve root contact/compression. Correlate with radicular signs and neurological examination; progressive deficit needs urgent review.',
  },
  cord_compression: {
    patient: 'The report mentions pressure on the spinal cord or a change in the spinal cord. This needs a prompt check by a doctor. We will contact you.',
    clinician: 'Cord compression / signal change / myelopathy. Urgent: examine for myelopathic signs (gait, hand dexterity, hyperreflexia); consider same-day spinal referral.',
  },
  cauda_equina_compression: {
    patient: 'The report mentions pressure on the nerves at the bottom of your spine. If you have numbness around your bottom or genitals, or new bladder or bowel problems, go to an emergency department now.',
    clinician: 'Cauda equina compression on imaging. Urgent: check for CES symptoms (saddle anaesthesia, bladder/bowel change, bilateral leg symptoms); emergency referral if present.',
  },
  marrow_lesion: {
    patient: 'The report mentions an area in the bone that needs a closer look. This needs a prompt check by a doctor. We will contact you.',
    clinician: 'Marrow lesion / replacement / suspicious lesion. Urgent: exclude malignancy (history of cancer, weight loss, night pain); consider contrast MRI, bloods and oncology pathway.',
  },
  infection: {
    patient: 'The report mentions a possible infection near the spine. This needs a prompt check by a doctor. If you have a fever or feel very unwell, go to an emergency department now.',
    clinician: 'Possible spinal infection (discitis, osteomyelitis, abscess). Urgent: inflammatory markers, blood cultures, risk factors (IVDU, immunosuppression, recent bacteraemia); same-day medical review.',
  },
  hemangioma: {
    patient: 'There is a small area of blood vessels inside a spine bone.',
    reassurance: 'This is very common and harmless.',
    clinician: 'Vertebral haemangioma. Typical ones are incidental; atypical or aggressive features (soft-tissue extension, cortical breach) need review.',
  },
  // Jensen et al. pooled lumbar studies only; the text says so rather than carry the figure to other regions. Li et
  // al. measured the neck separately, so the cervical figure comes from them.
  modic_unspecified: {
    patient: 'The bone next to a disc shows a change, but the report does not say which kind. Some kinds are stable and some can come with irritation in the bone. A clinician will look at it together with your symptoms.',
    clinician: 'Modic change, type not stated. Any Modic change: median 6 % of people without back pain vs 43 % with non-specific LBP (lumbar data only; Jensen et al., Eur Spine J 2008;17:1407-1422); cervical: 3.3 % without vs 8.8 % with neck pain (Li et al., PLoS One 2014;9:e114993). Type 1 is the type most linked to pain and can mimic early spondylodiscitis: check the images or ask the radiologist for the type before reassuring.',
  },
  epidural_collection: {
    patient: 'The report mentions a collection (for example fluid, pus or blood) inside the spinal canal. This needs a prompt check by a doctor. If you have a fever, new weakness, numbness, or bladder or bowel problems, go to an emergency department now.',
    clinician: 'Epidural collection (abscess, haematoma or fluid). Urgent: risk of cord or cauda equina compression; check neurology, fever, inflammatory markers, anticoagulation and recent procedures; same-day medical/spinal review.',
  },
  cord_signal_change: {
    patient: 'The report mentions a change in the spinal cord itself. This needs a prompt check by a doctor. We will contact you.',
    clinician: 'Intramedullary cord signal change (T2 hyperintensity, oedema, myelomalacia). Urgent: examine for myelopathic signs (gait, hand dexterity, hyperreflexia, Hoffmann); same-day spinal referral if there is cord compression or a progressive deficit.',
  },
};
