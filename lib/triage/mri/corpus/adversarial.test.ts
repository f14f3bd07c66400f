import { describe, expect, it } from 'vitest';
import { extractMriFindings } from '@/lib/triage';
import { ADVERSARIAL_REPORTS, MAX_REPORT_CHARS, steadyRunTimesMs } from './adversarial';

describe('hostile 20,000-character reports', () => {
  for (const { name, report } of ADVERSARIAL_REPORTS) {
    it(`${name}: under 5 ms`, () => {
      expect(report.length).toBe(MAX_REPORT_CHARS);
      const findings = extractMriFindings(report); // the output must stay valid
      for (const f of findings) expect(report.slice(f.start, f.end)).toBe(f.evidence);
      // The limit is for steady state (see steadyRunTimesMs): runs until one is under it, or a budget is spent.
      const times = steadyRunTimesMs(() => extractMriFindings(report), { limitMs: 5 });
      const shown = times.length > 20 ? [...times.slice(0, 10), '…', ...times.slice(-10)] : times;
      expect(times[0], `ms per run (${times.length} runs): ${shown.map((t) => (typeof t === 'number' ? t.toFixed(2) : t)).join(', ')}`).toBeLessThan(5);
    });
  }
});
