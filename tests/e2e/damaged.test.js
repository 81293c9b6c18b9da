// A damaged profile in the real app: the person is told in plain words, nothing is
// changed, another profile still opens, and the latest automatic backup restores with the
// damaged file kept aside.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
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
import { expectNoAxeViolations } from './axe.js';

const folders = testFolders();
let driver;
let browser;

const ann = { name: 'Ann Price', passphrase: 'apple kettle monday green' };
const dafydd = { name: 'Dafydd Ŵyn', passphrase: 'harbour violin seven cloud' };

before(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  driver = await startDriver(folders);
  browser = await openApp({ profile: null });
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  await stopDriver(driver);
});

async function lock() {
  await browser.$('button=Lock').click();
  await browser.$('h1=Who is using Second Opinion?').waitForDisplayed({ timeout: 10000 });
}

async function tryToOpen(person) {
  await browser.$(`button=${person.name}`).click();
  await browser.$('#passphrase').setValue(person.passphrase);
  await browser.$('button=Open').click();
}

/** Ann's profile folder: the one whose profile.json names her. */
function annFolder() {
  const root = path.join(folders.data, 'profiles');
  const id = readdirSync(root).find((d) => {
    try {
      return readFileSync(path.join(root, d, 'profile.json'), 'utf8').includes(ann.name);
    } catch {
      return false;
    }
  });
  assert.ok(id, 'Ann has a profile folder');
  return path.join(root, id);
}

test('two profiles, and a backup made while Ann uses the app', async () => {
  await enterProfile(browser, ann);
  await browser.$('button=Start').click();
  await browser.$('#patient_name').setValue('Ann Price');
  await browser.$('#diagnosis').setValue('Gallstones');
  await browser.$('[data-status="saved"]').waitForExist({ timeout: 10000 });
  await lock();
  await browser.$('button=Make a new profile').click();
  await enterProfile(browser, dafydd);
  await lock();

  // A day passes: Ann's backups are made to look two days old, so opening her profile makes
  // the day's backup, which holds her case.
  const backups = path.join(annFolder(), 'backups');
  const old = new Date(Date.now() - 2 * 24 * 3600 * 1000);
  for (const f of readdirSync(backups)) utimesSync(path.join(backups, f), old, old);
  await tryToOpen(ann);
  await browser.$('[data-testid="profile-name"]').waitForDisplayed({ timeout: 30000 });
  await lock();
  assert.equal(readdirSync(backups).length, 2);
});

test('a damaged profile is explained in plain words, changed in no way, and others still open', async () => {
  const db = path.join(annFolder(), 'cases.db');
  const bytes = readFileSync(db);
  for (let page = 4096; page + 1100 < bytes.length; page += 4096) {
    for (let i = 1000; i < 1064; i++) bytes[page + i] = (bytes[page + i] + 101) % 256;
  }
  writeFileSync(db, bytes);

  await tryToOpen(ann);
  const alert = browser.$('[role="alert"]');
  await alert.waitForDisplayed({ timeout: 30000 });
  assert.match(await alert.getText(), /could not be read.*Nothing has been changed/s);
  const trouble = browser.$('[data-testid="profile-trouble"]');
  await trouble.waitForDisplayed({ timeout: 10000 });
  const restore = browser.$('button*=Restore the latest backup (from ');
  await restore.waitForDisplayed({ timeout: 10000 });
  assert.match(await restore.getText(), /\(from \d{1,2} [A-Z][a-z]+ \d{4} at \d\d:\d\d\)/);
  assert.match(await trouble.getText(), /not changed or deleted anything/);
  await browser.saveScreenshot(path.join(screenshotDir, 'profile-damaged.png'));
  await expectNoAxeViolations(browser, 'profile picker: a damaged profile, with its backups');
  assert.ok(readFileSync(db).equals(bytes), 'the damaged file was not written to');
  assert.equal(await browser.$('[data-testid="profile-name"]').isExisting(), false);

  await browser.$('button=Back').click();
  await tryToOpen(dafydd);
  await browser.$('[data-testid="profile-name"]').waitForDisplayed({ timeout: 30000 });
  await lock();
});

test('the latest backup restores the case, and the damaged file is kept aside', async () => {
  const folder = annFolder();
  const damaged = readFileSync(path.join(folder, 'cases.db'));
  await tryToOpen(ann);
  const restore = browser.$('button*=Restore the latest backup');
  await restore.waitForDisplayed({ timeout: 30000 });
  const label = await restore.getText();
  await restore.click();
  await browser.$('[data-testid="profile-name"]').waitForDisplayed({ timeout: 30000 });
  await browser.$('button=Ann Price').waitForDisplayed({ timeout: 10000 });
  // Once open, it says which copy the information came from, and what that means.
  const notice = browser.$('[data-testid="opened-notice"]');
  await notice.waitForDisplayed({ timeout: 10000 });
  const said = await notice.getText();
  const taken = label.match(/\(from (.+)\)/)[1];
  assert.ok(said.includes(`from the copy made on ${taken}`), said);
  assert.match(said, /Anything changed after that is not in it/);
  await browser.saveScreenshot(path.join(screenshotDir, 'profile-restored.png'));
  await browser.$('button=Hide this message').click();
  await notice.waitForDisplayed({ reverse: true, timeout: 10000 });
  const aside = path.join(folder, 'set-aside');
  const [when] = readdirSync(aside);
  assert.ok(readFileSync(path.join(aside, when, 'cases.db')).equals(damaged), 'kept aside, unchanged');
});

test('a profile whose settings file is damaged is mentioned, not silently hidden', async () => {
  const root = path.join(folders.data, 'profiles');
  const id = readdirSync(root).find((d) => {
    try {
      return readFileSync(path.join(root, d, 'profile.json'), 'utf8').includes('Dafydd');
    } catch {
      return false;
    }
  });
  const meta = path.join(root, id, 'profile.json');
  const damaged = readFileSync(meta).subarray(0, 40);
  writeFileSync(meta, damaged);
  await lock();
  const notice = browser.$('[data-testid="unreadable-profiles"]');
  await notice.waitForDisplayed({ timeout: 10000 });
  assert.match(await notice.getText(), /One profile on this computer could not be read/);
  assert.match(await notice.getText(), /Nothing in it has been changed or deleted/);
  assert.equal(await browser.$(`button=${dafydd.name}`).isExisting(), false);
  assert.ok(await browser.$(`button=${ann.name}`).isDisplayed());
  await browser.saveScreenshot(path.join(screenshotDir, 'profile-unreadable.png'));
  assert.ok(readFileSync(meta).equals(damaged), 'left as it was');
});

test('a damaged passphrase slot is explained, and the recovery code still opens the profile', async () => {
  const gwen = { name: 'Gwen Morgan', passphrase: 'orchard velvet winter kite' };
  await browser.$('button=Make a new profile').click();
  await browser.$('#new-name').setValue(gwen.name);
  await browser.$('#new-passphrase').setValue(gwen.passphrase);
  await browser.$('#repeat-passphrase').setValue(gwen.passphrase);
  await browser.$('button=Make my profile').click();
  const code = await copyRecoveryCode(browser);
  await browser.$('[data-testid="profile-name"]').waitForDisplayed({ timeout: 30000 });
  await lock();
  const root = path.join(folders.data, 'profiles');
  const id = readdirSync(root).find((d) => {
    try {
      return readFileSync(path.join(root, d, 'profile.json'), 'utf8').includes(gwen.name);
    } catch {
      return false;
    }
  });
  const meta = path.join(root, id, 'profile.json');
  const settings = JSON.parse(readFileSync(meta, 'utf8'));
  settings.passphrase_slot.sealed = '00ff';
  writeFileSync(meta, JSON.stringify(settings, null, 2));
  const damaged = readFileSync(meta);

  await tryToOpen(gwen);
  const problem = browser.$('[data-testid="picker-problem"]');
  await problem.waitForDisplayed({ timeout: 30000 });
  assert.match(await problem.getText(), /passphrase cannot open it.*use the recovery code/s);
  assert.ok(readFileSync(meta).equals(damaged), 'nothing written');
  await browser.saveScreenshot(path.join(screenshotDir, 'profile-passphrase-slot-damaged.png'));
  await browser.$('button=Use the recovery code').click();
  await browser.$('#recovery-code').setValue(code);
  await browser.$('#forgot-new-passphrase').setValue('quartz meadow lantern kestrel');
  await browser.$('#forgot-repeat-passphrase').setValue('quartz meadow lantern kestrel');
  await browser.$('button=Set the new passphrase and open').click();
  await browser.$('[data-testid="profile-name"]').waitForDisplayed({ timeout: 30000 });
  assert.equal(await browser.$('[data-testid="profile-name"]').getText(), gwen.name);
  await lock();
});
