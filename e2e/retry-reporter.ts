import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/**
 * CI retries a failed test once, so a flaky test would pass green unnoticed. This reporter names every test that
 * failed at least once (passed on retry, or failed for good) in one block at the end of the run, with a marker line
 * `.ci/run` repeats in its summary.
 */
export default class RetryReporter implements Reporter {
  private readonly failedAttempts = new Map<string, { title: string; errors: string[]; passed: boolean }>();

  onTestEnd(test: TestCase, result: TestResult) {
    const key = test.id;
    const title = test.titlePath().filter(Boolean).join(' › ');
    const entry = this.failedAttempts.get(key) ?? { title, errors: [], passed: false };
    if (result.status === 'passed') entry.passed = true;
    else if (result.status !== 'skipped') entry.errors.push(firstLine(result.error?.message) ?? result.status);
    if (entry.errors.length > 0) this.failedAttempts.set(key, entry);
  }

  onEnd(result: FullResult) {
    const flaky = [...this.failedAttempts.values()].filter((e) => e.passed);
    const failed = [...this.failedAttempts.values()].filter((e) => !e.passed);
    console.log(`\nE2E-RETRIES: ${flaky.length} passed only on retry, ${failed.length} failed (run ${result.status})`);
    for (const e of flaky) console.log(`E2E-RETRIES: flaky  ${e.title} — first attempt: ${e.errors[0]}`);
    for (const e of failed) console.log(`E2E-RETRIES: failed ${e.title} — ${e.errors[0]}`);
  }

  printsToStdio() {
    return true;
  }
}

function firstLine(message: string | undefined): string | undefined {
  // Playwright's messages carry ANSI colours; the summary line is read in plain logs.
  return message?.replace(/\u001b\[[0-9;]*m/g, '').split('\n').find((l) => l.trim())?.trim().slice(0, 200);
}
