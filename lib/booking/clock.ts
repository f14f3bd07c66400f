/** The current instant for server components (one read per request; kept out of render bodies for the linter). */
export function nowMs(): number {
  return Date.now();
}
