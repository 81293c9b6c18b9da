// A profile's own settings, end to end in the real app: the recovery code when a profile is
// made (copied by hand, never on any file); a helper's consent, the "You are helping…" banner and letters written on the patient's
// behalf; the activity log; changing the passphrase; the idle time; a backup copy brought back
// after the profile is deleted; the recovery code resetting a forgotten passphrase; and the IPC
// isolation of profiles (another profile's case cannot be reached by any command).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  copyRecoveryCode,
  goToStep,
  openApp,
  screenshotDir,
  startDriver,
  stopDriver,
  testFolders,
  waitSaveLine,
} from './app.js';
import { expectNoAxeViolations } from './axe.js';

const folders = testFolders();
let driver;
let browser;

const dad = { name: 'Dad Jones', passphrase: 'lighthouse pebble autumn tea' };
const newPassphrase = 'seven quiet harbour lamps';
const secret = 'Dad-only diagnosis: hernia 4471';
let recoveryCode;

before(async () => {
  driver = await startDriver(folders);
  browser = await openApp({ profile: null });
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  await stopDriver(driver);
});

function pdfText(prefix) {
  const file = readdirSync(folders.saved).find((f) => f.startsWith(prefix));
  assert.ok(file, `a file named ${prefix}…`);
  execFileSync('qpdf', ['--check', path.join(folders.saved, file)]);
  return execFileSync('pdftotext', ['-layout', path.join(folders.saved, file), '-'], { encoding: 'utf8' })
    .replace(/\s+/g, ' ');
}

async function shot(name) {
  await browser.saveScreenshot(path.join(screenshotDir, name));
}

/** Calls an app command straight over IPC, as a script in the window could. */
async function invoke(command, args = {}) {
  return browser.executeAsync(
    (cmd, a, done) => {
      window.__TAURI_INTERNALS__
        .invoke(cmd, a)
        .then((ok) => done({ ok }))
        .catch((err) => done({ err }));
    },
    command,
    args,
  );
}

async function openSettings() {
  await browser.$('button=Your profile').click();
  await browser.$('h1*=profile').waitForDisplayed({ timeout: 10000 });
}

async function backToCases() {
  await browser.$('button=Back to your cases').click();
  await browser.$('button=Start').waitForDisplayed({ timeout: 10000 });
}

async function lock() {
  await browser.$('button=Lock').click();
  await browser.$('h1=Who is using Second Opinion?').waitForDisplayed({ timeout: 10000 });
}

async function unlock(profile, passphrase) {
  await browser.$(`button=${profile.name}`).click();
  await browser.$('#passphrase').setValue(passphrase);
  await browser.$('button=Open').click();
}

async function waitSaved() {
  await waitSaveLine(browser);
}

test('making a profile shows the recovery code once to copy by hand, the sheet holds no code, and no file anywhere holds it', async () => {
  const started = Date.now();
  await browser.$('#new-name').waitForDisplayed();
  await browser.$('#new-name').setValue(dad.name);
  await browser.$('#new-passphrase').setValue(dad.passphrase);
  await browser.$('#repeat-passphrase').setValue(dad.passphrase);
  await browser.$('button=Make my profile').click();
  await browser.$('[data-testid="recovery-code"]').waitForDisplayed({ timeout: 30000 });
  recoveryCode = await browser.$('[data-testid="recovery-code"]').getText();
  await browser.$('button=Print a recovery sheet to write it on').click();
  await browser.$('[data-testid="recovery-code-sheet-saved"]').waitForDisplayed({ timeout: 30000 });
  const sheet = pdfText('second-opinion-recovery-sheet-');
  assert.ok(sheet.includes('Write your recovery code for Second Opinion here'), sheet);
  assert.ok(sheet.includes(dad.name), 'the sheet names the profile');
  for (const group of recoveryCode.split('-')) assert.ok(!sheet.includes(group), `the sheet has no ${group}`);
  await shot('profile-recovery-sheet.png');
  await copyRecoveryCode(browser);
  await browser.$('[data-testid="profile-name"]').waitForDisplayed();

  // Every file the app could have written: its data, the save folder, the webview's data and
  // caches (XDG folders), its temporary folder, and anything in the system's temporary folder
  // changed since the profile was made.
  const plain = recoveryCode.replaceAll('-', '');
  const needles = [recoveryCode, plain, recoveryCode.toLowerCase(), plain.toLowerCase(), recoveryCode.replaceAll('-', ' ')]
    .flatMap((n) => [Buffer.from(n, 'latin1'), Buffer.from(n, 'utf16le')]);
  const searched = [];
  const visit = (dir, changedSince = 0) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const file = path.join(dir, e.name);
      if (e.isDirectory()) visit(file, changedSince);
      if (!e.isFile()) continue;
      let info;
      try {
        info = statSync(file);
      } catch {
        continue;
      }
      if (info.mtimeMs < changedSince || info.size > 256 * 1024 * 1024) continue;
      let bytes;
      try {
        bytes = readFileSync(file);
      } catch {
        continue;
      }
      searched.push(file);
      for (const n of needles) assert.equal(bytes.indexOf(n), -1, `${file} holds the recovery code`);
      if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
        // A PDF's text is encoded (glyph numbers): read it as text, spaces dropped.
        const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
        assert.ok(!text.includes(plain), `${file} prints the recovery code`);
      }
    }
  };
  for (const dir of [folders.data, folders.saved, folders.home, folders.tmp]) visit(dir);
  visit(tmpdir(), started - 1000);
  assert.ok(searched.some((f) => f.endsWith('profile.json')), 'the data folder was searched');
  assert.ok(searched.some((f) => f.startsWith(folders.saved)), 'the save folder was searched');

  // A case, with what the GP letter needs.
  await browser.$('button=Start').click();
  await browser.$('#patient_name').setValue('Gareth Jones');
  await browser.$('#diagnosis').setValue(secret);
  await browser.$('#gp_practice_name').setValue('Riverside Surgery');
  await waitSaved();
  await browser.$('button=Back to the start').click();
  await browser.$('button=Start').waitForDisplayed({ timeout: 10000 });
});

test('a helper recorded with consent is named in a banner, in letters and in the log', async () => {
  await openSettings();
  await browser.$('#carer-name').setValue('Siân Jones');
  await browser.$('#carer-relationship').setValue('daughter');
  // How Dad gave his agreement starts with nothing chosen, in his own voice, and must be said.
  const ways = await browser.$$('input[name="how-given"]');
  assert.equal(ways.length, 3);
  for (const w of ways) assert.equal(await w.isSelected(), false, 'nothing chosen to start with');
  const wayWords = await browser.$$('input[name="how-given"]').map((w) => w.parentElement().getText());
  assert.deepEqual(wayWords, [
    'I signed a consent form or letter',
    'I said so in writing another way (an email, a message, a note)',
    'I told them',
  ]);
  await browser.$('button=Save this consent').click();
  await browser.$('p.problem*=Please say how you gave your agreement').waitForDisplayed({ timeout: 30000 });
  await browser.$('input[name="how-given"][value="spoken"]').click();
  // Recording a consent asks for Dad's passphrase again, checked by the backend.
  await browser.$('button=Save this consent').click();
  await browser.$('p.problem*=That passphrase is not right').waitForDisplayed({ timeout: 30000 });
  await browser.$('#consent-passphrase').setValue(dad.passphrase);
  await browser.$('button=Save this consent').click();
  await browser.$('p.done*=may now help you').waitForDisplayed({ timeout: 30000 });
  assert.match(await browser.$('main').getText(), /Siân Jones, daughter\. From .*\d{4}\. Until you end it\./);
  await shot('profile-settings.png');
  await browser.$('summary=Print the consent form for Siân Jones').click();
  await browser.$('button=Print the consent form').click();
  await browser.$('[data-testid^="consent-form-saved-"]').waitForDisplayed({ timeout: 30000 });
  const form = pdfText('carer-consent-');
  assert.ok(form.includes('Siân Jones') && form.includes('daughter'), 'the helper is named on the form');
  assert.ok(form.includes('Gareth Jones'), 'the patient from their latest case');

  // Next time the profile opens, the app asks who is using it.
  await lock();
  await unlock(dad, dad.passphrase);
  await browser.$("h1=Who is using Dad Jones's profile?").waitForDisplayed({ timeout: 30000 });
  await shot('profile-who-is-here.png');
  await browser.$('label*=I am Siân Jones').click();
  await browser.$('button=Continue').click();
  const banner = browser.$('[data-testid="helping-banner"]');
  await banner.waitForDisplayed({ timeout: 10000 });
  assert.match(await banner.getText(), /You are helping Dad Jones\./);
  await shot('profile-helping-banner.png');
  // The helping banner does not look like the emergency bar under it.
  const looks = await browser.execute(() => {
    const style = (el) => {
      const s = getComputedStyle(el);
      return { bg: s.backgroundColor, border: s.borderBottomColor, color: s.color };
    };
    return {
      helping: style(document.querySelector('[data-testid="helping-banner"]')),
      emergency: style(document.querySelector('.emergency')),
    };
  });
  assert.notEqual(looks.helping.bg, looks.emergency.bg, JSON.stringify(looks));
  assert.notEqual(looks.helping.border, looks.emergency.border, JSON.stringify(looks));

  // Letters speak in the helper's voice and are signed on the patient's behalf.
  await browser.$('button=Gareth Jones').click();
  await goToStep(browser, 'ask');
  // Her name is not asked again: the consent form names her as the recorded consent does.
  const named = browser.$('[data-testid="carer-named"]');
  await named.waitForDisplayed({ timeout: 10000 });
  assert.match(await named.getText(), /Siân Jones, daughter/);
  assert.equal(await browser.$('#carer_name').isExisting(), false, 'no second box for her name');
  // The form printed from settings is set aside, so the one read next is step 4's.
  for (const f of readdirSync(folders.saved).filter((f) => f.startsWith('carer-consent-'))) rmSync(path.join(folders.saved, f));
  await browser.$('button=Print the consent form').click();
  await browser.$('[data-testid="carer-form-saved"]').waitForDisplayed({ timeout: 30000 });
  const stepForm = pdfText('carer-consent-');
  assert.equal(stepForm, form, 'one consent, one form: step 4 prints the consent recorded in the profile');
  await browser.$('button=Write a letter to my GP').click();
  await browser.$('[data-testid="letter-saved"]').waitForDisplayed({ timeout: 30000 });
  const letter = pdfText('second-opinion-gp-letter-');
  assert.ok(
    letter.includes('I am writing on behalf of Gareth Jones, with their consent. I am their daughter.'),
    letter,
  );
  assert.ok(letter.includes('Siân Jones, on behalf of Gareth Jones'), 'signed on the patient’s behalf');
  await browser.$('button=Back to the start').click();
  await browser.$('button=Start').waitForDisplayed({ timeout: 10000 });

  // The helper cannot change who may help, the passphrase, or delete the profile.
  await openSettings();
  const text = await browser.$('main').getText();
  assert.match(text, /Only Dad Jones can add or end a consent\./);
  assert.match(text, /Only Dad Jones can change these\./);
  assert.equal(await browser.$('#old-passphrase').isExisting(), false);
  const log = await browser.$('[data-testid="activity-log"]').getText();
  assert.match(log, /Siân Jones \(helping Dad Jones\)\s*Saved the GP letter/);
  assert.match(log, /Siân Jones \(helping Dad Jones\)\s*Started helping/);
  assert.match(log, /Dad Jones\s*Recorded a carer's consent/);
  assert.match(log, /Dad Jones\s*Saved the recovery sheet/);
  assert.ok(!log.includes(secret), 'the log holds no health details');

  // Back to Dad himself: only with Dad's passphrase (someone passing cannot become Dad), and
  // the switch is logged. Then the banner goes.
  await browser.$('label*=I am Dad Jones').click();
  await browser.$('button=Continue').click();
  await browser.$('p.problem*=That passphrase is not right').waitForDisplayed({ timeout: 30000 });
  assert.ok(await browser.$('[data-testid="helping-banner"]').isDisplayed(), 'still the helper');
  await browser.$('input[id^="who-passphrase-"]').setValue(dad.passphrase);
  await browser.$('button=Continue').click();
  await browser.$('[data-testid="helping-banner"]').waitForExist({ reverse: true, timeout: 30000 });
  assert.ok(await browser.$('#old-passphrase').isDisplayed(), 'Dad can change his passphrase');
  await browser.$('[data-testid="activity-log"]*=Took over from the carer who was helping').waitForDisplayed({
    timeout: 10000,
  });
});

test('the passphrase can be changed, and the idle time chosen', async () => {
  await browser.$('#old-passphrase').setValue('not my passphrase');
  await browser.$('#changed-passphrase').setValue(newPassphrase);
  await browser.$('#changed-repeat').setValue(newPassphrase);
  await browser.$('button=Change my passphrase').click();
  await browser.$('p.problem*=passphrase').waitForDisplayed({ timeout: 30000 });
  await browser.$('#old-passphrase').setValue(dad.passphrase);
  await browser.$('button=Change my passphrase').click();
  await browser.$('p.done*=Your passphrase is changed').waitForDisplayed({ timeout: 30000 });

  // A new recovery code only with the passphrase typed again (now the new one).
  await browser.$('button=Make a new recovery code').click();
  await browser.$('button=Yes, make a new code').click();
  await browser.$('p.problem*=That passphrase is not right').waitForDisplayed({ timeout: 30000 });
  assert.equal(await browser.$('[data-testid="new-recovery-code"]').isExisting(), false, 'no code without it');
  await browser.$('#code-passphrase').setValue(dad.passphrase);
  await browser.$('button=Yes, make a new code').click();
  await browser.$('p.problem*=That passphrase is not right').waitForDisplayed({ timeout: 30000 });
  await browser.$('#code-passphrase').setValue(newPassphrase);
  await browser.$('button=Yes, make a new code').click();
  await copyRecoveryCode(browser, 'new-recovery-code');
  await browser.$('p.done*=Your new recovery code is checked').waitForDisplayed({ timeout: 10000 });

  await browser.$('#idle-minutes').selectByAttribute('value', '5');
  await browser.$('p.done*=locks after 5 minutes').waitForDisplayed({ timeout: 10000 });

  await lock();
  await unlock(dad, dad.passphrase);
  await browser.$('p.problem').waitForDisplayed({ timeout: 30000 });
  await browser.$('button=Back').click();
  await unlock(dad, newPassphrase);
  await browser.$('h1*=Who is using').waitForDisplayed({ timeout: 30000 });
  await browser.$('button=Continue').click(); // "I am Dad Jones" is chosen unless changed
  await browser.$('button=Start').waitForDisplayed({ timeout: 10000 });
  await openSettings();
  // The settings are read from the backend as the page opens: wait for them, not a moment.
  const idle = browser.$('#idle-minutes');
  await browser
    .waitUntil(async () => (await idle.getValue()) === '5', { timeout: 10000 })
    .catch(() => {});
  assert.equal(await idle.getValue(), '5', 'the idle time is kept');
});

test('a backup copy brings the profile back after it is deleted', async () => {
  await browser.$('#export-own-passphrase').setValue(newPassphrase);
  await browser.$('#export-passphrase').setValue('backup words for safe keeping');
  await browser.$('#export-repeat').setValue('backup words for safe keeping');
  await browser.$('button=Save a backup copy').click();
  await browser.$('[data-testid="export-done"]').waitForDisplayed({ timeout: 60000 });
  const backup = readdirSync(folders.saved).find((f) => f.endsWith('.soprofile'));
  assert.match(backup, /^second-opinion-profile-\d{4}-\d{2}-\d{2}\.soprofile$/, 'no names in the file name');
  assert.ok(!readFileSync(path.join(folders.saved, backup)).includes(Buffer.from(secret)), 'the backup is encrypted');

  // Deleting needs the exact name.
  await browser.$('button=Delete this profile…').click();
  await browser.$('#delete-name').setValue('Dad');
  await browser.$('#delete-passphrase').setValue(newPassphrase);
  await browser.$('button=Delete this profile for ever').click();
  await browser.$('p.problem*=does not match').waitForDisplayed({ timeout: 10000 });
  // And its passphrase typed again.
  await browser.$('#delete-name').setValue(dad.name);
  await browser.$('#delete-passphrase').setValue(dad.passphrase);
  await browser.$('button=Delete this profile for ever').click();
  await browser.$('p.problem*=That passphrase is not right').waitForDisplayed({ timeout: 30000 });
  await browser.$('#delete-passphrase').setValue(newPassphrase);
  await browser.$('button=Delete this profile for ever').click();
  await browser.$('h1=Make a profile').waitForDisplayed({ timeout: 30000 });
  assert.equal(readdirSync(path.join(folders.data, 'profiles')).filter((f) => !f.startsWith('.')).length, 0);

  // Bring it back from the backup, with the backup's passphrase.
  await browser.$('button=Bring back a profile from a backup file').click();
  await expectNoAxeViolations(browser, 'profile picker: bring back a backup');
  await browser.$('#import-passphrase').setValue('the wrong words entirely');
  await browser.$('button=Choose the file and bring it back').click();
  await browser.$('p.problem').waitForDisplayed({ timeout: 60000 });
  assert.equal(readdirSync(path.join(folders.data, 'profiles')).filter((f) => !f.startsWith('.')).length, 0,
    'a wrong passphrase brings nothing in');
  await browser.$('#import-passphrase').setValue('backup words for safe keeping');
  await browser.$('button=Choose the file and bring it back').click();
  await browser.$('[data-testid="recovery-code"]').waitForDisplayed({ timeout: 60000 });
  assert.match(await browser.$('main').getText(), /The profile Dad Jones is back\./);
  recoveryCode = await browser.$('[data-testid="recovery-code"]').getText();
  await shot('profile-brought-back.png');
  await expectNoAxeViolations(browser, 'profile picker: a backup brought back, its new recovery code');
  await copyRecoveryCode(browser);
  await browser.$('h1*=Who is using').waitForDisplayed({ timeout: 30000 });
  await browser.$('button=Continue').click();
  await browser.$('button=Gareth Jones').waitForDisplayed({ timeout: 10000 });
});

test('the recovery code resets a forgotten passphrase', async () => {
  await lock();
  await browser.$(`button=${dad.name}`).click();
  await browser.$('button=Forgotten the passphrase? Use the recovery code').click();
  await browser.$('#recovery-code').setValue('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF');
  await browser.$('#forgot-new-passphrase').setValue('a brand new passphrase');
  await browser.$('#forgot-repeat-passphrase').setValue('a brand new passphrase');
  await browser.$('button=Set the new passphrase and open').click();
  await browser.$('p.problem').waitForDisplayed({ timeout: 30000 });
  await shot('profile-forgot.png');
  await expectNoAxeViolations(browser, 'profile picker: forgotten passphrase, a wrong code');
  await browser.$('#recovery-code').setValue(recoveryCode.toLowerCase().replaceAll('-', ' '));
  await browser.$('button=Set the new passphrase and open').click();
  await browser.$('h1*=Who is using').waitForDisplayed({ timeout: 30000 });
  await browser.$('button=Continue').click();
  await lock();
  await unlock(dad, 'a brand new passphrase');
  await browser.$('h1*=Who is using').waitForDisplayed({ timeout: 30000 });
  await browser.$('button=Continue').click();
  await browser.$('button=Gareth Jones').waitForDisplayed({ timeout: 10000 });
});

test('no command reaches another profile\'s case, and every case command is refused when locked', async () => {
  // Dad has cases 1 and 2; the other profile has only case 1.
  await browser.$('button=Start').click();
  await browser.$('#patient_name').setValue('Second case of Dad');
  await waitSaved();
  await browser.$('button=Back to the start').click();
  await browser.$('button=Start').waitForDisplayed({ timeout: 10000 });
  const dadCases = (await invoke('list_cases')).ok;
  assert.equal(dadCases.length, 2);
  const dadOnly = Math.max(...dadCases.map((c) => c.id));

  await lock();
  const calls = [
    ['list_cases', {}],
    ['get_case', { id: dadOnly }],
    ['get_journey', { caseId: dadOnly }],
    ['save_case', { id: dadOnly, details: { patient_name: 'x', patient_address: '', nation: null, diagnosis: '', reason: '', first_doctor_name: '', first_doctor_workplace: '', gp_practice_name: '', gp_practice_address: '' } }],
    ['archive_case', { id: dadOnly, archived: true }],
    ['delete_case', { id: dadOnly }],
    ['write_document', { caseId: dadOnly, kind: 'gp-letter', options: {} }],
    ['activity_log', {}],
    ['carer_consents', {}],
    ['home_screen', {}],
  ];
  for (const [command, args] of calls.filter(([c]) => c !== 'home_screen')) {
    const r = await invoke(command, args);
    assert.equal(r.err?.code, 'locked', `${command} is refused while locked: ${JSON.stringify(r)}`);
  }

  // Another person's profile is open: Dad's case is out of reach.
  await browser.$('button=Make a new profile').click();
  await browser.$('#new-name').setValue('Other person');
  await browser.$('#new-passphrase').setValue('orchard velvet winter kite');
  await browser.$('#repeat-passphrase').setValue('orchard velvet winter kite');
  await browser.$('button=Make my profile').click();
  await copyRecoveryCode(browser);
  await browser.$('button=Start').click();
  await browser.$('#patient_name').setValue('Other person');
  await waitSaved();
  await browser.$('button=Back to the start').click();
  await browser.$('button=Start').waitForDisplayed({ timeout: 10000 });
  for (const [command, args] of calls) {
    const r = await invoke(command, args);
    const seen = JSON.stringify(r);
    assert.ok(!seen.includes('Gareth') && !seen.includes(secret) && !seen.includes('Second case of Dad'),
      `${command} shows nothing of Dad's: ${seen}`);
    if (['get_case', 'get_journey', 'save_case', 'archive_case', 'delete_case', 'write_document'].includes(command)) {
      assert.equal(r.err?.code, 'not_found', `${command} on Dad's case id: ${seen}`);
    }
  }
  // Dad's cases are all still there.
  await lock();
  await unlock(dad, 'a brand new passphrase');
  await browser.$('h1*=Who is using').waitForDisplayed({ timeout: 30000 });
  await browser.$('button=Continue').click();
  await browser.$('button=Second case of Dad').waitForDisplayed({ timeout: 10000 });
  assert.ok(await browser.$('button=Gareth Jones').isDisplayed());
});
