import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium, never a downloaded browser (shared/STACK.md). One worker: the machines have
// two cores and the server, PostgreSQL and the browser share them. The server is a fresh build
// on a fresh database (tests/tools/e2e-server.ts); the first start takes about a minute. E2E_PORT
// moves it when several checkouts run e2e on one machine (the server reads the same variable).
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    // The app picks its language from Accept-Language: English unless a test switches it.
    locale: "en-US",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: "/usr/bin/chromium",
          args: [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "npx tsx tests/tools/e2e-server.ts",
    url: `${baseURL}/login`,
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
    // SIGTERM lets the server stop next-server and drop its database before it exits.
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
  },
});
