// Dark mode follows the computer: with GTK asked for a dark theme (GTK_THEME=Adwaita:dark), the
// webview reports prefers-color-scheme: dark, the app turns dark, and axe still finds nothing.
// Also takes the README's screenshots (docs/screenshots: text-larger, dark, high-contrast).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  goToStep,
  openApp,
  repoRoot,
  screenshotDir,
  startDriver,
  stopDriver,
  testFolders,
} from './app.js';
import { expectNoAxeViolations } from './axe.js';

const folders = testFolders();
let driver;
let browser;

async function shot(file, { toDocs } = {}) {
  await browser.execute(async () => {
    await document.fonts.ready;
    window.scrollTo(0, 0);
  });
  const to = path.join(screenshotDir, file);
  await browser.saveScreenshot(to);
  if (toDocs && process.env.UPDATE_DOCS_SCREENSHOTS) copyFileSync(to, path.join(repoRoot, 'docs', 'screenshots', toDocs));
}

async function setDisplay(name, value) {
  await browser.$('button=Text size and colours').click();
  await browser.$(`input[name="${name}"][value="${value}"]`).click();
  await browser.$('button=Done').click();
}

before(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  driver = await startDriver(folders, { GTK_THEME: 'Adwaita:dark' });
  browser = await openApp();
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  await stopDriver(driver);
});

test('dark mode follows the computer, and passes axe', async () => {
  const dark = await browser.execute(() => matchMedia('(prefers-color-scheme: dark)').matches);
  assert.ok(dark, 'the webview reports the dark setting');
  const paper = await browser.execute(() => getComputedStyle(document.documentElement).backgroundColor);
  assert.equal(paper, 'rgb(23, 25, 28)', 'the dark paper colour');
  await expectNoAxeViolations(browser, 'home, dark');
  await browser.$('button=Start').click();
  await browser.$('#patient_name').setValue('Bethan Morgan');
  await browser.$('input[name="nation"][value="wales"]').click();
  await browser.$('input[name="in_hospital"][value="no"]').click();
  await expectNoAxeViolations(browser, 'step 1, dark');
  await goToStep(browser, 'prepare');
  await browser.$('#appt_place').waitForDisplayed();
  await expectNoAxeViolations(browser, 'step 6, dark');
  await browser.$('button=Back to the start').click();
  await browser.$('button=Bethan Morgan').waitForDisplayed({ timeout: 10000 });
  await shot('dark-home.png', { toDocs: 'dark.png' });

  // High contrast in dark mode: white on black.
  await setDisplay('contrast', 'high');
  await expectNoAxeViolations(browser, 'home, high contrast, dark');
  assert.equal(await browser.execute(() => getComputedStyle(document.documentElement).backgroundColor), 'rgb(0, 0, 0)');
  await shot('dark-high-contrast-home.png');
  await setDisplay('contrast', 'standard');
});

/** The map's words that break inside themselves or stick out of their label (screen-reader-only
 * words aside). */
const splitMapWords = () =>
  browser.execute(() => {
    const out = [];
    for (const name of document.querySelectorAll('nav.map .name')) {
      const box = name.getBoundingClientRect();
      const walker = document.createTreeWalker(name, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement.closest('.visually-hidden')) continue;
        for (const m of node.data.matchAll(/\S+/g)) {
          const r = document.createRange();
          r.setStart(node, m.index);
          r.setEnd(node, m.index + m[0].length);
          const lines = new Set([...r.getClientRects()].map((x) => Math.round(x.top)));
          const b = r.getBoundingClientRect();
          if (lines.size > 1) out.push(`${m[0]} (broken)`);
          else if (b.left < box.left - 1 || b.right > box.right + 1) out.push(`${m[0]} (sticks out)`);
        }
      }
    }
    return out;
  });

test('at every text size the journey map breaks its labels only between words', async () => {
  await browser.$('button=Bethan Morgan').waitForDisplayed({ timeout: 10000 });
  for (const size of ['larger', 'large', 'normal']) {
    await setDisplay('text-size', size);
    await browser.$('button=Bethan Morgan').click();
    await browser.$('#step-title').waitForDisplayed({ timeout: 10000 });
    await browser.$('nav.map').waitForDisplayed();
    const labels = await browser.execute(() => document.querySelectorAll('nav.map .name').length);
    assert.equal(labels, 8);
    assert.deepEqual(await splitMapWords(), [], `text size ${size}`);
    await browser.executeAsync((done) => {
      document.querySelector('nav.map').scrollIntoView();
      requestAnimationFrame(() => requestAnimationFrame(done));
    });
    await browser.saveScreenshot(path.join(screenshotDir, `journey-map-${size}.png`));
    await browser.$('button=Back to the start').click();
  }
});
