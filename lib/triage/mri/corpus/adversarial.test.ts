import { describe, expect, it } from 'vitest';
import { extractMriFindings } from '@/lib/triage';
import { ADVERSARIAL_REPORTS, cpuTimeRunsMs, MAX_REPORT_CHARS } from './adversarial';

describe('hostile 20,000-character reports', () => {
  for (const { name, report } of ADVERSARIAL_REPORTS) {
    it(`${name}: under 5 ms`, () => {
      expect(report.length).toBe(MAX_REPORT_CHARS);
      const findings = extractMriFindings(report); // the output must stay valid
      for (const f of findings) expect(report.slice(f.start, f.end)).toBe(f.evidence);
      for (let i = 0; i < 10; i++) extractMriFindings(report); // warm up the JIT: the limit is for steady state
      const times = cpuTimeRunsMs(() => extractMriFindings(report), 15);
      expect(times[0], `CPU ms per run: ${times.map((t) => t.toFixed(2)).join(', ')}`).toBeLessThan(5);
    });
  }
});
