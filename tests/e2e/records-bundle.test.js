// The records bundle in the real app: a PDF and a photo are added to the case (the test's
// `to-add` folder stands in for the file picker), reached and ticked with the keyboard, and made
// into one PDF for the second doctor; its pages and index are read with pdfinfo and pdftotext.
// axe checks the files panel.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Key } from 'webdriverio';
import {
  copyRecoveryCode,
  enterProfile,
  goToStep,
  openApp,
  press,
  repoRoot,
  screenshotDir,
  startDriver,
  stopDriver,
  testFolders,
  testProfile,
  waitSaveLine,
} from './app.js';
import { expectNoAxeViolations } from './axe.js';

const folders = testFolders();
let driver;
let browser;

/** A PDF of `objects` (strings or Buffers, the first the catalog), with a correct cross-reference table. */
function pdfOf(objects) {
  const parts = [Buffer.from('%PDF-1.7\n')];
  let length = parts[0].length;
  const offsets = objects.map((o, i) => {
    const at = length;
    const part = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.from(o), Buffer.from('\nendobj\n')]);
    parts.push(part);
    length += part.length;
    return at;
  });
  let tail = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) tail += `${String(at).padStart(10, '0')} 00000 n \n`;
  tail += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`;
  parts.push(Buffer.from(tail));
  return Buffer.concat(parts);
}

/** A PDF of `pages` pages, each saying "<text> page N". */
function pdf(text, pages) {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>'];
  const kids = [];
  const body = [];
  for (let n = 1; n <= pages; n++) {
    const page = 4 + (n - 1) * 2;
    kids.push(`${page} 0 R`);
    const content = `BT /F1 14 Tf 72 720 Td (${text} page ${n}) Tj ET`;
    body.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${page + 1} 0 R >>`,
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    );
  }
  objects.push(`<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages} >>`);
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  objects.push(...body);
  return pdfOf(objects);
}

/**
 * A one-page PDF whose content, packed twice, is 3 KB in the file and 2 GiB of spaces unpacked
 * (`printing/tests/fixtures/spaces-2gib.zz`): a decompression bomb for whatever draws it.
 */
function packedPdf() {
  const packed = readFileSync(path.join(repoRoot, 'printing/tests/fixtures/spaces-2gib.zz'));
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    Buffer.concat([
      Buffer.from(`<< /Length ${packed.length} /Filter [/FlateDecode /FlateDecode] >>\nstream\n`),
      packed,
      Buffer.from('\nendstream'),
    ]),
  ]);
}

/** What has focus now. */
const focused = () =>
  browser.execute(() => {
    const el = document.activeElement;
    return {
      id: el.id,
      testid: el.dataset?.testid ?? null,
      type: el.getAttribute('type'),
      checked: el.checked ?? null,
      text: el.textContent?.trim() ?? '',
    };
  });

/** Presses Tab until `matches` is true of the focused element. */
async function tabTo(matches, max = 80) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    await browser.keys([Key.Tab]);
    const f = await focused();
    if (matches(f)) return f;
    seen.push(f.id || f.text.slice(0, 40));
  }
  throw new Error(`Tab never reached the element (${max} presses): ${JSON.stringify(seen)}`);
}

const tool = (program, args) => execFileSync(program, args, { encoding: 'utf8' });

before(async () => {
  const toAdd = path.join(folders.saved, 'to-add');
  mkdirSync(toAdd);
  writeFileSync(path.join(toAdd, 'clinic-letter.pdf'), pdf('Clinic letter', 2));
  copyFileSync(path.join(repoRoot, 'backend/tests/fixtures/wide-marked-top-left.jpg'), path.join(toAdd, 'scan-photo.jpg'));
  driver = await startDriver(folders);
  browser = await openApp();
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  await stopDriver(driver);
});

test('a PDF and a photo are ticked with the keyboard and made into one bundle', async (t) => {
  t.after(() => browser?.saveScreenshot(path.join(screenshotDir, 'records-bundle-end.png')).catch(() => {}));
  await browser.$('button=Start').click();
  await browser.$('#patient_name').waitForDisplayed();
  await browser.$('#patient_name').setValue('Bea Bundle');
  await goToStep(browser, 'records');
  const panel = browser.$('[data-testid="case-files"]');
  await panel.waitForDisplayed({ timeout: 10000 });
  await browser.$('[data-testid="add-files"]').click();
  await browser.waitUntil(async () => (await browser.$$('[data-testid="file-choose"]').length) === 2, {
    timeout: 15000,
    timeoutMsg: 'both files are listed',
  });
  const titles = await browser.$$('[data-testid="case-files"] li.file label.title').map((l) => l.getText());
  assert.deepEqual(titles.map((s) => s.replace(/: put in.*$/, '')).sort(), ['clinic-letter', 'scan-photo']);
  // Each file's facts are one line with a space either side of every dot.
  const facts = await browser.$$('[data-testid="case-files"] li.file p.facts').map((p) => p.getText());
  assert.ok(
    facts.some((f) => /\S · PDF · 2 pages · \S/.test(f)),
    `the letter's facts: ${JSON.stringify(facts)}`,
  );

  // Nothing ticked: the button says what to do rather than making an empty file.
  await browser.$('[data-testid="make-bundle"]').click();
  await browser.$('[data-testid="case-files"] [role="alert"]').waitForDisplayed({ timeout: 5000 });
  assert.match(await browser.$('[data-testid="case-files"] [role="alert"]').getText(), /Tick the files/);

  // The bundle's first page follows the paper and text size chosen beside its button.
  const bundle = browser.$('[data-testid="case-files"] .bundle');
  await bundle.$('select').selectByAttribute('value', 'us-letter');
  await bundle.$('input[type="checkbox"]').click();

  // The keyboard alone: Tab to each tick box and tick it with Space, then to the button.
  const chosen = await browser.$$('[data-testid="file-choose"]').map((c) => c.getAttribute('id'));
  await browser.execute(() => document.querySelector('[data-testid="add-files"]').focus());
  for (const id of chosen) {
    await tabTo((f) => f.id === id);
    await browser.keys([Key.Space]);
    await browser.waitUntil(async () => (await focused()).checked === true, { timeout: 3000 });
  }
  await tabTo((f) => f.testid === 'make-bundle');
  await expectNoAxeViolations(browser, 'case files with tick boxes');
  await browser.keys([Key.Enter]);
  await browser.$('[data-testid="bundle-saved"]').waitForDisplayed({ timeout: 20000 });
  await browser.saveScreenshot(path.join(screenshotDir, 'records-bundle.png'));

  const name = readdirSync(folders.saved).find((f) => f.startsWith('second-opinion-records-'));
  assert.ok(name, `the bundle is saved: ${readdirSync(folders.saved)}`);
  const file = path.join(folders.saved, name);
  const info = tool('pdfinfo', [file]);
  assert.match(info, /Pages:\s+4\n/, 'the index, the letter\u2019s two pages and the photo');
  assert.match(tool('pdfinfo', ['-f', '1', '-l', '1', file]), /Page +1 size: +612 x 792 pts/, 'the index is on US Letter');
  const index = tool('pdftotext', ['-f', '1', '-l', '1', '-layout', file, '-']).replace(/\s+/g, ' ');
  assert.match(index, /Records for the second opinion/);
  assert.match(index, /Bea Bundle/);
  assert.match(index, /clinic-letter 2/);
  assert.match(index, /scan-photo 4/);
  assert.match(tool('pdftotext', ['-f', '2', '-l', '2', file, '-']), /Clinic letter page 1/);
  tool('qpdf', ['--check', file]);
});

test("a PDF's pages and a photo are shown in the app, a page at a time, turned from the keyboard", async (t) => {
  t.after(() => browser?.saveScreenshot(path.join(screenshotDir, 'file-preview-end.png')).catch(() => {}));
  // The letter: its first page, drawn by the backend (the window never gets the PDF).
  const letter = browser.$('//li[contains(@class,"file")][.//label[starts-with(normalize-space(.),"clinic-letter")]]');
  await letter.$('button*=Show').click();
  const page = letter.$('[data-testid="pdf-page"]');
  await page.waitForDisplayed({ timeout: 20000 });
  const where = letter.$('[data-testid="pdf-page-number"]');
  assert.equal(await where.getText(), 'Page 1 of 2');
  assert.equal(await page.getAttribute('alt'), 'Page 1 of 2 of “clinic-letter”');
  const drawn = () =>
    browser.execute(() => {
      const img = document.querySelector('[data-testid="pdf-page"]');
      return { width: img.naturalWidth, src: img.src.slice(0, 22), length: img.src.length };
    });
  const first = await drawn();
  assert.equal(first.src, 'data:image/png;base64,', 'a picture from memory, not a file');
  assert.ok(first.width >= 600, `drawn wide enough to read (${first.width} px)`);
  assert.equal(await letter.$('button=Previous page').isEnabled(), false, 'no page before the first');
  await browser.saveScreenshot(path.join(screenshotDir, 'file-preview-pdf.png'));
  await expectNoAxeViolations(browser, 'a PDF page shown');

  // The next page by keyboard: Enter on "Next page"; the keyboard stays on the buttons.
  await browser.execute((el) => el.focus(), await letter.$('button=Next page'));
  await browser.keys([Key.Enter]);
  await browser.waitUntil(async () => (await where.getText()) === 'Page 2 of 2', {
    timeout: 20000,
    timeoutMsg: 'the second page is shown',
  });
  const second = await drawn();
  assert.notEqual(second.length, first.length, 'a different page is drawn');
  assert.equal(await letter.$('button=Next page').isEnabled(), false, 'no page after the last');
  assert.equal((await focused()).id.startsWith('page-back-'), true, 'the keyboard is on "Previous page"');
  await browser.keys([Key.Enter]);
  await browser.waitUntil(async () => (await where.getText()) === 'Page 1 of 2', { timeout: 20000 });
  await letter.$('button=Hide the pages').click();
  await page.waitForExist({ reverse: true, timeout: 5000 });
  assert.equal((await focused()).id.startsWith('file-show-'), true, 'the keyboard is back on Show');

  // The photo, as it is.
  const photo = browser.$('//li[contains(@class,"file")][.//label[starts-with(normalize-space(.),"scan-photo")]]');
  await photo.$('button*=Show').click();
  await photo.$('[data-testid="file-preview"]').waitForDisplayed({ timeout: 20000 });
  assert.match(await photo.$('[data-testid="file-preview"]').getAttribute('alt'), /^The picture “scan-photo”$/);
  await photo.$('button=Hide the picture').click();
});

test('a file answers a record on the checklist, is removed and brought back with Undo, and is all there after Lock', async (t) => {
  t.after(() => browser?.saveScreenshot(path.join(screenshotDir, 'case-files-end.png')).catch(() => {}));
  const file = (title) => browser.$(`//li[contains(@class,"file")][.//label[starts-with(normalize-space(.),"${title}")]]`);
  const arrived = () =>
    browser.execute(() => document.querySelector('li.record[data-record="Clinic letters"] label.check:nth-of-type(2) input')?.checked ?? null);

  // A record on the checklist; the letter is said to be it, so the record has arrived.
  await browser.$('#new_record').setValue('Clinic letters');
  await press(browser, 'button=Add to the list');
  await browser.$('li.record[data-record="Clinic letters"]').waitForExist({ timeout: 5000 });
  assert.equal(await arrived(), false);
  // The row is found by its file's id: while its details are changed, its title is a box.
  const letterRow = browser.$(`li.file[data-file="${await file('clinic-letter').getAttribute('data-file')}"]`);
  await press(browser, letterRow.$('button*=Change details'));
  const answers = letterRow.$('select');
  await answers.waitForDisplayed({ timeout: 5000 });
  await answers.selectByVisibleText('Clinic letters');
  await press(browser, letterRow.$('button=Save the details'));
  await browser.waitUntil(async () => /Answers: Clinic letters/.test(await file('clinic-letter').$('p.facts').getText()), {
    timeout: 10000,
    timeoutMsg: 'the letter says which record it is',
  });
  await browser.waitUntil(async () => (await arrived()) === true, { timeout: 5000, timeoutMsg: 'the record is ticked' });
  await waitSaveLine(browser);

  // Removing the photo asks first; Undo brings it back as it was.
  await press(browser, file('scan-photo').$('button*=Remove'));
  await browser.$('dialog[open]').waitForDisplayed({ timeout: 5000 });
  await expectNoAxeViolations(browser, 'removing a file, asked first');
  await browser.$('dialog[open]').$('button=Yes, delete it').click();
  await browser.$('#undo-file').waitForDisplayed({ timeout: 10000 });
  assert.equal(await browser.execute(() => document.activeElement?.id), 'undo-file', 'the keyboard is on Undo');
  await browser.waitUntil(async () => (await browser.$$('li.file').length) === 1, { timeout: 10000 });
  await browser.keys([Key.Enter]);
  await browser.waitUntil(async () => (await browser.$$('li.file').length) === 2, {
    timeout: 10000,
    timeoutMsg: 'Undo brings the photo back',
  });

  // Locked and opened again: both files, the letter's record, and the tick are all kept.
  await press(browser, 'button=Lock');
  await browser.$('h1=Who is using Second Opinion?').waitForDisplayed({ timeout: 10000 });
  await enterProfile(browser, testProfile);
  await press(browser, 'button=Bea Bundle');
  await goToStep(browser, 'records');
  await browser.waitUntil(async () => (await browser.$$('li.file').length) === 2, {
    timeout: 15000,
    timeoutMsg: 'both files are there after Lock',
  });
  assert.match(await file('clinic-letter').$('p.facts').getText(), /Answers: Clinic letters/);
  assert.equal(await arrived(), true);
});

test('a backup copy of the profile brings the files back, checked, after the profile is deleted', async (t) => {
  t.after(() => browser?.saveScreenshot(path.join(screenshotDir, 'case-files-restored.png')).catch(() => {}));
  await press(browser, 'button=Back to the start');
  await press(browser, 'button=Your profile');
  await browser.$('#export-own-passphrase').waitForDisplayed({ timeout: 10000 });
  await browser.$('#export-own-passphrase').setValue(testProfile.passphrase);
  await browser.$('#export-passphrase').setValue('backup words for the records');
  await browser.$('#export-repeat').setValue('backup words for the records');
  await browser.$('button=Save a backup copy').click();
  await browser.$('[data-testid="export-done"]').waitForDisplayed({ timeout: 60000 });
  const backup = readdirSync(folders.saved).find((f) => f.endsWith('.soprofile'));
  assert.ok(backup, 'the backup copy is saved');
  // The files inside are encrypted with the rest: the letter's own words are not in it.
  assert.ok(!readFileSync(path.join(folders.saved, backup)).includes(Buffer.from('Clinic letter page')));

  await browser.$('button=Delete this profile…').click();
  await browser.$('#delete-name').setValue(testProfile.name);
  await browser.$('#delete-passphrase').setValue(testProfile.passphrase);
  await browser.$('button=Delete this profile for ever').click();
  await browser.$('h1=Make a profile').waitForDisplayed({ timeout: 30000 });

  await browser.$('button=Bring back a profile from a backup file').click();
  await browser.$('#import-passphrase').setValue('backup words for the records');
  await browser.$('button=Choose the file and bring it back').click();
  await browser.$('[data-testid="recovery-code"]').waitForDisplayed({ timeout: 60000 });
  await copyRecoveryCode(browser);
  await browser.$('button=Bea Bundle').waitForDisplayed({ timeout: 30000 });
  await press(browser, 'button=Bea Bundle');
  await goToStep(browser, 'records');
  await browser.waitUntil(async () => (await browser.$$('li.file').length) === 2, {
    timeout: 15000,
    timeoutMsg: 'both files are back',
  });
  // The letter is whole: its second page is drawn from the restored bytes.
  const letter = browser.$('//li[contains(@class,"file")][.//label[starts-with(normalize-space(.),"clinic-letter")]]');
  await press(browser, letter.$('button*=Show'));
  await letter.$('[data-testid="pdf-page"]').waitForDisplayed({ timeout: 20000 });
  await press(browser, 'button=Next page');
  await browser.waitUntil(async () => (await letter.$('[data-testid="pdf-page-number"]').getText()) === 'Page 2 of 2', {
    timeout: 20000,
  });
});

test('the keyboard alone shows a file, changes its title, and removes it with Undo', async (t) => {
  t.after(() => browser?.saveScreenshot(path.join(screenshotDir, 'case-files-keyboard.png')).catch(() => {}));
  await browser.execute(() => document.querySelector('[data-testid="add-files"]').focus());
  const text = (f) => f.text.replace(/\s+/g, ' ');
  // Show the photo, then hide it: the keyboard comes back to Show.
  await tabTo((f) => text(f) === 'Show scan-photo');
  await browser.keys([Key.Enter]);
  await browser.$('[data-testid="file-preview"]').waitForDisplayed({ timeout: 20000 });
  await tabTo((f) => text(f) === 'Hide the picture');
  await browser.keys([Key.Enter]);
  await browser.waitUntil(async () => text(await focused()) === 'Show scan-photo', {
    timeout: 5000,
    timeoutMsg: 'the keyboard is back on Show',
  });
  // A new title: the title box has the keyboard as soon as the form opens.
  await tabTo((f) => text(f) === 'Change details of scan-photo');
  await browser.keys([Key.Enter]);
  await browser.waitUntil(async () => (await focused()).id.startsWith('file-title-'), { timeout: 5000 });
  await browser.keys([Key.Ctrl, 'a']);
  await browser.keys('Scan of the shoulder, June 2026');
  await tabTo((f) => text(f) === 'Save the details');
  await browser.keys([Key.Enter]);
  await browser.$('label*=Scan of the shoulder, June 2026').waitForDisplayed({ timeout: 10000 });
  // Removed, asked first, and brought back, all from the keyboard.
  await browser.execute(() => document.querySelector('[data-testid="add-files"]').focus());
  await tabTo((f) => text(f) === 'Remove Scan of the shoulder, June 2026');
  await browser.keys([Key.Enter]);
  await browser.$('dialog[open]').waitForDisplayed({ timeout: 5000 });
  await tabTo((f) => text(f) === 'Yes, delete it', 10);
  await browser.keys([Key.Enter]);
  await browser.waitUntil(async () => (await focused()).id === 'undo-file', { timeout: 10000, timeoutMsg: 'Undo has the keyboard' });
  await browser.keys([Key.Enter]);
  await browser.waitUntil(async () => (await browser.$$('li.file').length) === 2, { timeout: 10000 });
});

test('a PDF that unpacks to gigabytes is kept but not shown, in plain words, and the app goes on', async (t) => {
  t.after(() => browser?.saveScreenshot(path.join(screenshotDir, 'file-preview-refused-end.png')).catch(() => {}));
  const toAdd = path.join(folders.saved, 'to-add');
  for (const f of readdirSync(toAdd)) rmSync(path.join(toAdd, f));
  writeFileSync(path.join(toAdd, 'packed-letter.pdf'), packedPdf());
  await press(browser, '[data-testid="add-files"]');
  const packed = browser.$('//li[contains(@class,"file")][.//label[starts-with(normalize-space(.),"packed-letter")]]');
  await packed.waitForDisplayed({ timeout: 15000 });
  // Its page is drawn by a child process with a heap limit, which the bomb passes: the child
  // ends, and the person is told what they can still do.
  await press(browser, await packed.$('button*=Show'));
  const problem = packed.$('p.problem');
  await problem.waitForDisplayed({ timeout: 60000 });
  assert.match(await problem.getText(), /^This PDF cannot be shown here\. You can still save a copy/);
  await browser.saveScreenshot(path.join(screenshotDir, 'file-preview-refused.png'));
  await expectNoAxeViolations(browser, 'a PDF that cannot be shown');
  // The app itself is untouched: another PDF's page is drawn as before.
  const letter = browser.$('//li[contains(@class,"file")][.//label[starts-with(normalize-space(.),"clinic-letter")]]');
  await press(browser, await letter.$('button*=Show'));
  await letter.$('[data-testid="pdf-page"]').waitForDisplayed({ timeout: 20000 });
});
