/**
 * The intake wizard's steps, in order. Vocabulary rather than wizard logic because a saved draft stores how far the
 * patient got (`reachedStep`), so the database's shape names them too.
 */
// Safety comes right after "about you": a patient with cauda equina symptoms must not fill in six steps first.
export const INTAKE_STEPS = ['about', 'safety', 'where', 'story', 'history', 'training', 'imaging', 'review'] as const;
export type IntakeStep = (typeof INTAKE_STEPS)[number];
