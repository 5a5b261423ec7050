// Opens each HTML page named on the command line in Chromium at a desk's,
// a phone's and a small phone's width and checks what a reader gets:
// axe-core's WCAG 2.1 A/AA and best-practice rules, no sideways scrolling,
// and, with WCAG 1.4.12's text spacing at the narrowest width, no chart
// label outside its chart. Saves a full-page screenshot per page and width
// and a print PDF per page into the output folder. Exits non-zero, naming
// every failure, when anything fails.
//
// Usage: node check.mjs OUT_DIR PAGE.html...

import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

const WIDTHS = [1280, 390, 320];
const HEIGHT = 800;
const TIMEOUT = 60_000;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const LAUNCH_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
/** WCAG 1.4.12: the spacing a reader may set, that must lose no content. */
const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: .12em !important;
  word-spacing: .16em !important; } p { margin-bottom: 2em !important; }`;

/** Runs axe on the open page; each violation as lines of text. */
async function axeViolations(page) {
  await page.addScriptTag({ content: AXE_SOURCE });
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    AXE_TAGS,
  );
  return result.violations.map((v) => {
    const nodes = v.nodes.slice(0, 3).map((n) => `      ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1, 2).join('').trim() ?? ''}`);
    const more = v.nodes.length > 3 ? [`      … and ${v.nodes.length - 3} more`] : [];
    return [`  axe ${v.id} (${v.impact}): ${v.help}`, ...nodes, ...more].join('\n');
  });
}

/** How far, in pixels, the page is wider than the window; 0 when it is not. */
async function sidewaysScroll(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** Every SVG text that stands, wholly or in part, outside its SVG's box. */
async function clippedChartText(page) {
  return page.evaluate(() => {
    const out = [];
    for (const svg of document.querySelectorAll('svg')) {
      const box = svg.getBoundingClientRect();
      for (const text of svg.querySelectorAll('text')) {
        const r = text.getBoundingClientRect();
        const outside = r.left < box.left - 1.5 || r.right > box.right + 1.5
          || r.top < box.top - 1.5 || r.bottom > box.bottom + 1.5;
        if (outside) {
          out.push(`"${text.textContent}" at ${Math.round(r.left)}–${Math.round(r.right)} px in a chart at ${Math.round(box.left)}–${Math.round(box.right)} px`);
        }
      }
    }
    return out;
  });
}

/** Every text whose element is wider than the box it stands in, cut off. */
async function overflowingText(page) {
  return page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('main *')) {
      if (el.closest('.table, pre, svg')) continue;
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') {
        out.push(`<${el.tagName.toLowerCase()}> ${el.textContent.trim().slice(0, 60)}`);
      }
    }
    return out;
  });
}

/** Checks one page at one width; the failures as lines of text. */
async function checkAtWidth(browser, file, width, outDir) {
  const context = await browser.newContext({
    viewport: { width, height: HEIGHT },
    bypassCSP: true,
    javaScriptEnabled: true,
    offline: true,
  });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  const failures = [];
  try {
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    failures.push(...(await axeViolations(page)));
    const wider = await sidewaysScroll(page);
    if (wider > 0) failures.push(`  the page scrolls sideways by ${wider} px`);
    for (const line of await overflowingText(page)) failures.push(`  cut off: ${line}`);
    const name = path.basename(file, '.html');
    await page.screenshot({ path: path.join(outDir, `${name}-${width}.png`), fullPage: true });
    if (width === Math.min(...WIDTHS)) {
      await page.addStyleTag({ content: TEXT_SPACING });
      for (const line of await clippedChartText(page)) {
        failures.push(`  with WCAG text spacing, a chart label is clipped: ${line}`);
      }
      const spaced = await sidewaysScroll(page);
      if (spaced > 0) failures.push(`  with WCAG text spacing, the page scrolls sideways by ${spaced} px`);
      await page.screenshot({ path: path.join(outDir, `${name}-${width}-spacing.png`), fullPage: true });
    }
  } finally {
    await context.close();
  }
  return failures;
}

/** The page printed to A4, as the browser's print would. */
async function printPdf(browser, file, outDir) {
  const context = await browser.newContext({ offline: true });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  try {
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.pdf({ path: path.join(outDir, `${path.basename(file, '.html')}.pdf`), format: 'A4', preferCSSPageSize: true });
  } finally {
    await context.close();
  }
}

async function main() {
  const [outDir, ...files] = process.argv.slice(2);
  if (!outDir || files.length === 0) {
    console.error('usage: node check.mjs OUT_DIR PAGE.html...');
    process.exit(2);
  }
  await mkdir(outDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS, timeout: TIMEOUT });
  let failed = 0;
  try {
    for (const file of files) {
      for (const width of WIDTHS) {
        const failures = await checkAtWidth(browser, path.resolve(file), width, outDir);
        const where = `${path.basename(file)} at ${width} px`;
        if (failures.length === 0) {
          console.log(`ok ${where}`);
        } else {
          failed += 1;
          console.log(`FAIL ${where}\n${failures.join('\n')}`);
        }
      }
      await printPdf(browser, path.resolve(file), outDir);
    }
  } finally {
    await browser.close();
  }
  const total = files.length * WIDTHS.length;
  console.log(`browser check: ${total - failed} of ${total} page widths passed; screenshots and PDFs in ${outDir}`);
  process.exit(failed === 0 ? 0 : 1);
}

await main();
