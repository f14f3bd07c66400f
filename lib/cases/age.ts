/** Whole years between a YYYY-MM-DD date of birth and `on` (UTC calendar dates). */
export function ageOn(dateOfBirth: string, on: Date = new Date()): number {
  const [y, m, d] = dateOfBirth.split('-').map(Number);
  const ty = on.getUTCFullYear();
  const tm = on.getUTCMonth() + 1;
  const td = on.getUTCDate();
  let age = ty - y;
  if (tm < m || (tm === m && td < d)) age -= 1;
  return Math.max(0, age);
}

/** Whole weeks from `now` until a YYYY-MM-DD date (negative when it is past). */
export function weeksUntil(date: string, now: Date = new Date()): number {
  const target = Date.parse(`${date}T00:00:00Z`);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.floor((target - today) / (7 * 86_400_000));
}
