import { MRI_CORPUS } from '@/lib/triage/mri/corpus/index';
import { rng } from '@/lib/triage/mri/corpus/rng';

/**
 * A few hundred distinct reports of 1–2 KB, stitched from the labelled corpus (seeded: the same reports every run).
 * Shared by bench/triage.bench.ts and bench/lib/triage-instructions.ts, so both measure the same text.
 */
export function buildReports(count: number): string[] {
  const rand = rng(42);
  const parts = MRI_CORPUS.map((e) => e.report);
  const reports: string[] = [];
  for (let i = 0; i < count; i++) {
    const target = 1000 + Math.floor(rand() * 1000);
    let report = 'MRI SPINE\nFindings:\n';
    while (report.length < target) report += `${parts[Math.floor(rand() * parts.length)]}${rand() < 0.3 ? '\n' : ' '}`;
    reports.push(report);
  }
  return reports;
}
