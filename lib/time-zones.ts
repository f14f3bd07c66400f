/** The IANA time zones this runtime knows, for the patient's time-zone picker; just UTC where Intl cannot list them. */
export function supportedTimeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
}
