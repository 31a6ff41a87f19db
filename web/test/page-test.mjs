// page-test: loads the built page (build/web/, served on localhost by
// utils/webtest) in headless Chromium, runs a program from the URL
// (index.html?run=NAME) and saves what the page shows for utils/webtest to check
// against the run's own specs: the console, the diagnostic stream, the address
// space's SVG and how the run ended; and screenshots (desktop and phone-sized).
//
// usage: node web/test/page-test.mjs URL PROGRAM OUTPUT-DIR SCREENSHOT
// Chromium is Debian's (/usr/bin/chromium, or $CHROMIUM), driven by
// playwright-core: no browser is downloaded.

import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

const [url, program, outDir, screenshot] = process.argv.slice(2);
const RUN_TIMEOUT_MS = 180000;
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"];

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: FLAGS,
  });
  const problems = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1360, height: 1000 } });
    const page = await context.newPage();
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
    await page.goto(`${url}index.html?run=${encodeURIComponent(program)}`);
    await page.waitForFunction(() => window.kestrelPage && window.kestrelPage.state === "ended",
                               null, { timeout: RUN_TIMEOUT_MS, polling: 250 });
    const result = await page.evaluate((name) => ({
      end: window.kestrelPage.end,
      console: window.kestrelPage.consoleText(),
      diag: window.kestrelPage.diagText(),
      processes: window.kestrelPage.processes(),
      svg: window.kestrelPage.svg(name),
      shownCells: document.querySelectorAll("#map rect.page").length,
      frames: document.querySelectorAll("#frames rect.frame").length,
    }), program.split("/").pop().slice(0, 15));
    fs.writeFileSync(path.join(outDir, "console.txt"), result.console);
    fs.writeFileSync(path.join(outDir, "diag.txt"), result.diag);
    fs.writeFileSync(path.join(outDir, "map.svg"), result.svg || "");
    fs.writeFileSync(path.join(outDir, "page.json"), JSON.stringify({
      end: result.end, processes: result.processes, shownCells: result.shownCells,
      frames: result.frames, problems }, null, 1));
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshot, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshot.replace(/\.png$/, "-phone.png"), fullPage: true });
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(`page-test: ${e.message}`);
  process.exit(1);
});
