// Screenshots of Swagger UI for docs/: the start-here guide, and the confirmation operation with its
// own examples. Needs a running sandbox (scripts/run-sandbox.sh), Debian's chromium and
// puppeteer-core (npm install --no-save puppeteer-core), then:
//   node scripts/swagger-screenshots.mjs [BASE_URL] [OUT_DIR]
import puppeteer from 'puppeteer-core';

const base = process.argv[2] ?? 'http://localhost:8080';
const out = process.argv[3] ?? 'docs';
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--hide-scrollbars'],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 1400 });
  await page.goto(`${base}/q/swagger-ui/`, { waitUntil: 'networkidle0' });
  await page.waitForSelector('.opblock-tag-section');
  await page.screenshot({ path: `${out}/swagger-ui-guide.png` });

  // The mobile channel's last step: its request and its 200 are its own (a SUBMITTED application).
  const operation = '#operations-Applications-confirmApplication';
  await page.waitForSelector(operation);
  await page.click(`${operation} .opblock-summary`);
  await page.waitForSelector(`${operation} .responses-wrapper`);
  await page.evaluate((selector) => {
    // Show the 200 and one problem, not the schema tab; fold what is not the point.
    document.querySelector(selector).scrollIntoView();
  }, operation);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const element = await page.$(operation);
  await element.screenshot({ path: `${out}/swagger-ui-confirmation.png` });
} finally {
  await browser.close();
}
