import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: "spsim", include: ["tests/**/*.test.ts"], exclude: ["**/node_modules/**", "tests/web/e2e/**"] }
      },
      {
        // The explorer in headless Chromium: the site is built once with Vite and served on localhost.
        extends: true,
        test: {
          name: "explorer",
          include: ["tests/web/e2e/**/*.test.ts"],
          globalSetup: ["tests/web/e2e/globalSetup.ts"],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 180_000
        }
      }
    ]
  }
})
