// Profiles on a shared computer, end to end in the real app: two people, each with a passphrase;
// the picker shows names only; a wrong passphrase is refused in plain words; Lock and the idle
// lock clear the window; one person's case is never shown in another's profile.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import {
  copyRecoveryCode,
  enterProfile,
  openApp,
  screenshotDir,
  startDriver,
  stopDriver,
  testFolders,
} from './app.js';

const folders = testFolders();
const IDLE_SECONDS = 4;
let driver;
let browser;

const ann = { name: 'Ann Price', passphrase: 'apple kettle monday green' };
const dafydd = { name: 'Dafydd Ŵyn', passphrase: 'harbour violin seven cloud' };
const annSecret = 'Ann-only diagnosis: gallstones 7351';

before(async () => {
  driver = await startDriver(folders, { SECOND_OPINION_TEST_IDLE_SECONDS: String(IDLE_SECONDS) });
  browser = await openApp({ profile: null });
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  await stopDriver(driver);
});

async function startCaseWith(name, diagnosis) {
  await browser.$('button=Start').click();
  await browser.$('#patient_name').setValue(name);
  await browser.$('#diagnosis').setValue(diagnosis);
  await browser.$('[data-status="saved"]').waitForExist({ timeout: 10000 });
}

async function lock() {
  await browser.$('button=Lock').click();
  await browser.$('h1=Who is using Second Opinion?').waitForDisplayed({ timeout: 10000 });
}

test('the first start asks to make a profile, with a warning and a recovery code', async () => {
  await browser.$('#new-name').waitForDisplayed();
  const text = await browser.$('main').getText();
  assert.match(text, /nobody can open your information again/);
  await browser.saveScreenshot(path.join(screenshotDir, 'profile-create.png'));
  await browser.$('#new-name').setValue(ann.name);
  await browser.$('#new-passphrase').setValue(ann.passphrase);
  await browser.$('#repeat-passphrase').setValue(ann.passphrase);
  await browser.$('button=Make my profile').click();
  const code = browser.$('[data-testid="recovery-code"]');
  await code.waitForDisplayed({ timeout: 30000 });
  assert.match(await code.getText(), /^[A-Z0-9]{4}(-[A-Z0-9]{4})+$/);
  await browser.saveScreenshot(path.join(screenshotDir, 'profile-recovery.png'));
  // The code must be typed back from the paper before the profile opens: a slip is refused.
  const shown = await code.getText();
  await browser.$('button=I have written it down').click();
  const slip = (shown[0] === 'A' ? 'B' : 'A') + shown.slice(1);
  await browser.$('#check-recovery-code').setValue(slip);
  await browser.$('button=Check the code').click();
  const problem = browser.$('p.problem');
  await problem.waitForDisplayed({ timeout: 30000 });
  assert.match(await problem.getText(), /not the code on the screen/);
  assert.equal(await browser.$('[data-testid="profile-name"]').isExisting(), false);
  await browser.saveScreenshot(path.join(screenshotDir, 'profile-recovery-check.png'));
  await browser.$('button=Show the code again').click();
  await copyRecoveryCode(browser);
  await browser.$('[data-testid="profile-name"]').waitForDisplayed();
  await startCaseWith('Ann Price', annSecret);
});

test('locking clears the window and the picker shows names only', async () => {
  await lock();
  const page = await browser.$('body').getText();
  assert.ok(!page.includes(annSecret), 'no case detail on the locked screen');
  assert.ok(page.includes(ann.name));
  await browser.saveScreenshot(path.join(screenshotDir, 'profile-picker.png'));
});

test('a second person has their own profile and cannot see the first one\'s case', async () => {
  await browser.$('button=Make a new profile').click();
  await enterProfile(browser, dafydd);
  const home = await browser.$('main').getText();
  assert.ok(!home.includes('Ann Price'), 'Ann\'s case is not listed in Dafydd\'s profile');
  await lock();
});

test('a guessable passphrase is refused in plain words, and the suggested one works', async () => {
  const peg = 'Peggy Hughes';
  await browser.$('button=Make a new profile').click();
  await browser.$('#new-name').setValue(peg);
  for (const weak of ['password1', 'Peggy Hughes 1950']) {
    await browser.$('#new-passphrase').setValue(weak);
    await browser.$('#repeat-passphrase').setValue(weak);
    await browser.$('button=Make my profile').click();
    const problem = browser.$('[data-testid="picker-problem"]');
    await problem.waitForDisplayed({ timeout: 10000 });
    assert.match(await problem.getText(), /easy to guess.*four or more words that have nothing to do with you/s);
    assert.equal(await browser.$('[data-testid="recovery-code"]').isExisting(), false, weak);
  }
  await browser.saveScreenshot(path.join(screenshotDir, 'profile-weak-passphrase.png'));
  const suggested = browser.$('[data-testid="suggested-passphrase"]');
  const first = await suggested.getText();
  await browser.$('button=Suggest another').click();
  await browser.waitUntil(async () => (await suggested.getText()) !== first, { timeoutMsg: 'no new suggestion' });
  const words = await suggested.getText();
  assert.match(words, /^[a-z-]+( [a-z-]+){3}$/);
  await browser.$('button=Use this passphrase').click();
  await browser.$('button=Make my profile').click();
  await copyRecoveryCode(browser);
  await browser.$('[data-testid="profile-name"]').waitForDisplayed({ timeout: 30000 });
  await lock();
  await enterProfile(browser, { name: peg, passphrase: words });
  await lock();
});

test('a wrong passphrase is refused in plain words', async () => {
  await browser.$(`button=${ann.name}`).click();
  await browser.$('#passphrase').setValue('not the right words');
  await browser.$('button=Open').click();
  const alert = browser.$('[role="alert"]');
  await alert.waitForDisplayed({ timeout: 30000 });
  assert.match(await alert.getText(), /passphrase is not right/i);
  assert.equal(await browser.$('[data-testid="profile-name"]').isExisting(), false);
});

test('the right passphrase opens the case again', async () => {
  await browser.$('#passphrase').setValue(ann.passphrase);
  await browser.$('button=Open').click();
  await browser.$('[data-testid="profile-name"]').waitForDisplayed({ timeout: 30000 });
  assert.equal(await browser.$('[data-testid="profile-name"]').getText(), ann.name);
  await browser.$('button=Ann Price').waitForDisplayed();
});

test('the app locks itself when nobody uses it', async () => {
  // Polls for the picker: it comes back once the idle time has passed with nobody using the app.
  await browser.$('h1=Who is using Second Opinion?').waitForDisplayed({ timeout: (IDLE_SECONDS + 12) * 1000 });
  const page = await browser.$('body').getText();
  assert.match(page, /locked your profile because nobody used it/);
  assert.ok(!page.includes(annSecret));
});

test('the backend locks a profile left unused even when the window’s own timer is stopped', async () => {
  await browser.$(`button=${ann.name}`).click();
  await browser.$('#passphrase').setValue(ann.passphrase);
  await browser.$('button=Open').click();
  await browser.$('[data-testid="profile-name"]').waitForDisplayed({ timeout: 30000 });
  // A frozen or tampered window: every timer in the page is cleared, so it never locks itself.
  await browser.execute(() => {
    const last = setTimeout(() => {}, 0);
    for (let id = 0; id <= last; id += 1) clearTimeout(id);
  });
  const openNow = () =>
    browser.executeAsync((done) => {
      window.__TAURI_INTERNALS__.invoke('open_profile').then(done, () => done('error'));
    });
  assert.notEqual(await openNow(), null, 'open at first');
  // The backend locks by itself a little after the idle time, then replaces the page.
  await browser.$('h1=Who is using Second Opinion?').waitForDisplayed({ timeout: (IDLE_SECONDS + 40) * 1000, interval: 500 });
  assert.equal(await openNow(), null, 'the backend holds no open profile');
  assert.match(await browser.$('body').getText(), /locked your profile because nobody used it/);
});

test('no case detail is written anywhere in plain text', () => {
  const files = readdirSync(folders.data, { recursive: true })
    .map((f) => path.join(folders.data, String(f)))
    .filter((f) => {
      try {
        return readFileSync(f).length >= 0;
      } catch {
        return false;
      }
    });
  assert.ok(files.length > 0);
  for (const f of files) {
    const bytes = readFileSync(f);
    assert.ok(!bytes.includes(Buffer.from(annSecret)), `${f} holds the diagnosis in plain text`);
    assert.ok(!bytes.subarray(0, 16).equals(Buffer.from('SQLite format 3\0')), `${f} is plain SQLite`);
  }
});
