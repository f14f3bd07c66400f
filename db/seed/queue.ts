import type { Db } from '../client';
import { adviceTemplates } from '../schema';

/**
 * Starter advice templates (editable by an admin). `{first_name}` is replaced with the patient's first name when a
 * clinician picks a template; the clinician personalises the rest before sending.
 */
const ADVICE_TEMPLATES = [
  {
    title: 'Keep moving: graded return',
    body:
      'Hi {first_name},\n\nThank you for telling us your story in so much detail. From what you describe, nothing in your answers points to a serious cause, and pain like this usually settles with time and the right kind of activity.\n\n' +
      '- Keep moving within what you can tolerate: short, regular walks every day are a good start.\n' +
      '- Gentle movement of your upper back and shoulders several times a day (for example slow arm circles and gentle rotations) helps more than rest.\n' +
      '- Return to training gradually: start with light loads (around RPE 5-6) in the movements that feel fine, and add a little each week as long as the pain settles by the next day.\n\n' +
      'If the pain gets much worse, spreads into your arms or legs, or you feel generally unwell, contact us or your doctor.',
  },
  {
    title: 'MRI findings are common: reassurance',
    body:
      'Hi {first_name},\n\nWe have read your MRI report. Many of the findings in reports like yours are also seen in people of the same age who have no pain at all, so they do not by themselves explain your symptoms or mean your spine is damaged.\n\n' +
      'What matters most is how you move and load over the next weeks. Keep active, walk daily, and rebuild your training gradually.',
  },
  {
    title: 'Training modification before competition',
    body:
      'Hi {first_name},\n\nWith your competition coming up, the aim is to keep you training without flaring the pain.\n\n' +
      '- Keep the lifts that feel fine at your normal intensity.\n' +
      '- For the lifts that hurt, reduce the load or range so that pain stays at 3/10 or below during and after the session.\n' +
      '- Re-test the painful lift each week with a light single and build up from there.',
  },
];

/** Idempotent: inserts missing templates by title, never overwrites an admin's edits. */
export async function seedQueue(db: Db): Promise<void> {
  for (const t of ADVICE_TEMPLATES) {
    await db.insert(adviceTemplates).values(t).onConflictDoNothing({ target: adviceTemplates.title });
  }
}
