// The foundation, end to end in the real app: start a case, write the GP letter, restart, and
// find the case exactly as typed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import {
  goToStep,
  openApp,
  screenshotDir,
  startDriver,
  stopDriver,
  testFolders,
} from './app.js';

const folders = testFolders();
let driver;
let browser;

const typed = {
  patient_name: 'Gwenllian Ŵyn-Jones',
  patient_address: '12 Heol y Bont\nAberystwyth\nSY23 1AB',
  diagnosis: 'A lump in my thyroid. Surgery was offered to remove half of it.',
  first_doctor_name: 'Dr Zofia Łukaszewicz',
  first_doctor_workplace: 'Bronglais Hospital',
  reason: 'I was not sure the scan was clear, and I would like <b>another</b> specialist to look at it.',
  gp_practice_name: 'Ystwyth Medical Group',
  gp_practice_address: 'Parc Y Llyn\nAberystwyth\nSY23 3TL',
};

before(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  driver = await startDriver(folders);
  browser = await openApp();
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  await stopDriver(driver);
});

test('the home screen says what the app does and shows the emergency line', async () => {
  assert.equal(await browser.getTitle(), 'Second Opinion');
  const text = await browser.$('main').getText();
  assert.match(text, /second opinion/i);
  // Before any case says where the person lives, the line names every nation's route.
  const anyNation =
    'In an emergency call 999. Urgent but not an emergency: NHS 111 in England, NHS 111 Wales, NHS 24 on 111 in Scotland. In Northern Ireland, your GP practice or GP out-of-hours.';
  await browser.waitUntil(async () => (await browser.$('aside').getText()) === anyNation, {
    timeout: 10000,
    timeoutMsg: 'the banner names every nation’s urgent line',
  });
  assert.match(await browser.$('[data-testid="disclaimer"]').getText(), /does not give medical advice/);
  assert.ok(await browser.$('button=Start').isDisplayed());
  await browser.saveScreenshot(path.join(screenshotDir, 'home.png'));
});

test('a case typed in is saved, and the GP letter is written as a PDF', async () => {
  await browser.$('button=Start').click();
  await browser.$('#patient_name').waitForDisplayed();
  for (const [field, value] of Object.entries(typed)) {
    // WebDriver types a new line as the Enter key.
    await browser.$(`#${field}`).setValue(value.replaceAll('\n', '\uE007'));
  }
  await browser.$('input[name="nation"][value="wales"]').click();
  await browser.$('[data-status="saved"]').waitForExist({ timeout: 10000 });
  await browser.execute(() => window.scrollTo(0, 0));
  await browser.saveScreenshot(path.join(screenshotDir, 'case.png'));

  // The GP letter is written on the journey's "Ask for it" step.
  await goToStep(browser, 'ask');
  await browser.$('button=Write a letter to my GP').click();
  const saved = browser.$('[data-testid="letter-saved"]');
  await saved.waitForExist({ timeout: 30000 });
  await saved.scrollIntoView();
  await browser.saveScreenshot(path.join(screenshotDir, 'letter-written.png'));
  const files = readdirSync(folders.saved);
  assert.equal(files.length, 1);
  const name = files[0];
  assert.match(name, /^second-opinion-gp-letter-\d{4}-\d{2}-\d{2}\.pdf$/, 'no health details in the file name');
  assert.match(await saved.getText(), new RegExp(name.replace(/\./g, '\\.')));

  const pdf = path.join(folders.saved, name);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const flat = text.replace(/\s+/g, ' ');
  for (const value of Object.values(typed)) {
    for (const line of value.split('\n')) {
      // Long values wrap over lines; compare word by word in order.
      const words = line.split(/\s+/).join(' ');
      assert.ok(flat.includes(words), `the letter contains "${words}"`);
    }
  }
  assert.match(flat, /second opinion/i);
  const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  assert.ok(flat.includes(today), `the letter is dated ${today}`);
  execFileSync('qpdf', ['--check', pdf]);
});

test('after a restart the case is still there, exactly as typed', async () => {
  await browser.deleteSession();
  browser = await openApp();
  const open = browser.$(`button=${typed.patient_name}`);
  await open.waitForDisplayed({ timeout: 10000 });
  await open.click();
  await browser.$('#patient_name').waitForDisplayed();
  for (const [field, value] of Object.entries(typed)) {
    assert.equal(await browser.$(`#${field}`).getValue(), value, field);
  }
  assert.ok(await browser.$('input[name="nation"][value="wales"]').isSelected());
});

test('the database is in the test folder, not in the real app-data folder', () => {
  const dbs = readdirSync(path.join(folders.data, 'profiles'), { recursive: true }).filter((f) =>
    String(f).endsWith('cases.db'),
  );
  assert.equal(dbs.length, 1);
  const stray = readdirSync(folders.home, { recursive: true }).filter((f) => String(f).endsWith('.db'));
  assert.deepEqual(stray, []);
});
