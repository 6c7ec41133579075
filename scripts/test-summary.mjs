// Prints one closing line for the whole suite from the Vitest and Playwright JSON reports.
import fs from 'node:fs';

const read = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined);
const vitest = read('.tmp/vitest.json');
const faults = read('.tmp/vitest-faults.json');
const playwright = read('.tmp/playwright.json');

let passed = 0;
let failed = 0;
let skipped = 0;
for (const run of [vitest, faults]) {
  if (!run) continue;
  passed += run.numPassedTests;
  failed += run.numFailedTests;
  skipped += run.numPendingTests + run.numTodoTests;
}
if (playwright) {
  passed += playwright.stats.expected;
  failed += playwright.stats.unexpected + playwright.stats.flaky;
  skipped += playwright.stats.skipped;
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
