import { parseCalendarDate } from './dates';

/**
 * Age in whole years on the UTC calendar day of `on`, for a 'YYYY-MM-DD' date of birth. The birthday counts from its
 * day; someone born on 29 Feb turns a year older on 1 Mar in a common year. Null — "unknown", never a made-up 0 — when
 * the date is missing, not a real date, after `on`, or 130 years or more before it: patients and clinicians read the
 * same value from the same answer.
 */
export function ageOn(dateOfBirth: string | null | undefined, on: Date = new Date()): number | null {
  if (!dateOfBirth || parseCalendarDate(dateOfBirth) === null) return null;
  const [y, m, d] = dateOfBirth.split('-').map(Number);
  const month = on.getUTCMonth() + 1;
  let age = on.getUTCFullYear() - y;
  if (month < m || (month === m && on.getUTCDate() < d)) age -= 1;
  return age >= 0 && age < 130 ? age : null;
}
