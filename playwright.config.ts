import { defineConfig, devices } from '@playwright/test';

// Playwright cannot download browsers here: Debian's Chromium (apt-get install chromium) is used.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // list for the run; ./e2e/retry-reporter names every test that needed its retry (CI retries once) in the summary.
  reporter: [['list'], ['./e2e/retry-reporter.ts']],
  outputDir: 'test-results',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    // One production build (npm run test:e2e builds first), served on a fresh, migrated, seeded database.
    // react-server: the seed runs server-only services (the forum intakes go through submitIntake).
    command: `npx tsx --conditions=react-server lib/cli/e2e-server.ts ${port}`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
