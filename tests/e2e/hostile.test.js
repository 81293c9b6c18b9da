// Hostile and unusual input, end to end in the real app: markup and script in every text field of
// the case and in journey fields (shown and printed as literal text, never run), SQL fragments,
// 1 MB of text, right-to-left text, emoji, zero-width and control characters, 29 February, dates
// at 1900 and 2200, NHS numbers with a wrong and a right check digit; a restart that loses
// nothing; and, with logging on at its most detailed, no typed value in the log or in any file of
// the data folder besides the encrypted database.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  goToStep,
  openApp,
  screenshotDir,
  startDriver,
  stopDriver,
  testFolders,
  waitSaveLine,
} from './app.js';

const folders = testFolders();
const logFile = path.join(folders.root, 'app-log.txt');
let logFd;
let driver;
let browser;

const profile = { name: 'Rhiannon Prys-Jones', passphrase: 'violet harbour seventeen lantern' };
const shot = (file) => browser.saveScreenshot(path.join(screenshotDir, file));

// Every case text field gets its own attack, so each one is checked on screen and on paper.
const markupCase = {
  patient_name: '<script>window.__pwned=1</script>Ann Hughes',
  patient_address: '<img src=x onerror="window.__pwned=2">\n1 High Street\nRhyl',
  diagnosis: "'); DROP TABLE cases;-- knee pain",
  reason: '<b>bold</b> & <a href="https://evil.example/">a link</a> {{ patient_name }}',
  first_doctor_name: 'Dr <svg onload="window.__pwned=3">Evans',
  first_doctor_workplace: '<iframe src="javascript:window.__pwned=4"></iframe> Glan Clwyd',
  gp_practice_name: '"><script>alert(1)</script> Clinic',
  gp_practice_address: '<style>body{display:none}</style>\nLL18 1AA',
};
const markupJourney = {
  diagnosed_when: '<script>alert("when")</script>',
  treatment_proposed: '<img src=x onerror=alert(1)> an operation',
};
const markupAllergies = "penicillin'); DELETE FROM journeys;--";

const unicodeCase = {
  patient_name: 'مريم الحسيني',
  patient_address: 'רחוב הרצל 5\nתל אביב',
  diagnosis: 'Knee 🦵 pain 😟 👩‍⚕️ 🇬🇧',
  reason: 'zero\u200Bwidth\u200Djoiner\uFEFFbom\u202Eevil',
  first_doctor_name: 'Dr\u0007 Bell\u001b[31m',
  first_doctor_workplace: 'Ysbyty Gwynedd, Bangor — ŵ ŷ',
  gp_practice_name: 'Zażółć gęślą jaźń',
  gp_practice_address: 'Ŵyn\tLlanelli\r\nSA15 1AA',
};

const MEGABYTE = 'x'.repeat(1024 * 1024);

/** Sets a field's value the way typing or pasting does, firing the input event. */
async function fill(selector, value) {
  await browser.$(selector).waitForExist({ timeout: 10000 });
  await browser.execute(
    (sel, v) => {
      const el = document.querySelector(sel);
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    },
    selector,
    value,
  );
}

/** Waits for a field to show `expected` (date boxes fill in after the backend reads the date). */
async function shows(selector, expected) {
  await browser
    .waitUntil(async () => (await valueOf(selector)) === expected, { timeout: 5000 })
    .catch(() => {});
  assert.equal(await valueOf(selector), expected, selector);
}

const valueOf = (selector) => browser.execute((sel) => document.querySelector(sel).value, selector);

async function waitStatus(status) {
  await waitSaveLine(browser, status);
}

async function goTo(step) {
  await goToStep(browser, step);
}

async function assertNothingRan() {
  const state = await browser.execute(() => ({
    pwned: window.__pwned ?? 0,
    injected: document.querySelectorAll('main img[src="x"], main svg[onload], main iframe, main script, main style').length,
    visible: getComputedStyle(document.body).display,
  }));
  assert.deepEqual(state, { pwned: 0, injected: 0, visible: 'block' }, 'no markup became part of the page');
}

/** Prints with a button and returns the new PDF's text (whitespace flattened). */
async function printed(button, testid, prefix) {
  const before = new Set(readdirSync(folders.saved));
  await browser.$(button).click();
  await browser.$(`[data-testid="${testid}"]`).waitForExist({ timeout: 30000 });
  const file = readdirSync(folders.saved).find((f) => f.startsWith(prefix) && !before.has(f));
  assert.ok(file, `a new file named ${prefix}…`);
  const full = path.join(folders.saved, file);
  execFileSync('qpdf', ['--check', full]);
  const text = execFileSync('pdftotext', ['-layout', full, '-'], { encoding: 'utf8' });
  execFileSync('rm', [full]); // the next print of this kind makes a new file
  return flat(text);
}

const flat = (s) => s.replace(/\s+/g, ' ').trim();

async function startCase() {
  const back = browser.$('button=Back to the start');
  if (await back.isExisting()) await back.click();
  await browser.$('button=Start').waitForDisplayed({ timeout: 10000 });
  await browser.$('button=Start').click();
  await browser.$('#patient_name').waitForDisplayed();
}

async function openCase(name) {
  const back = browser.$('button=Back to the start');
  if (await back.isExisting()) await back.click();
  await browser.$('button.case').waitForDisplayed({ timeout: 10000 });
  const clicked = await browser.execute((n) => {
    const button = [...document.querySelectorAll('button.case')].find((b) => b.textContent.trim() === n);
    button?.click();
    return Boolean(button);
  }, name);
  assert.ok(clicked, `the case ${name} is listed by its name`);
  await browser.$('#patient_name').waitForDisplayed();
}

/** Calls a command the way the UI does, bypassing the form (for input a form cannot send). */
function invoke(command, args) {
  return browser.execute(
    (cmd, a) =>
      window.__TAURI_INTERNALS__
        .invoke(cmd, a)
        // Not `{error}`: WebDriver reads a value with an `error` key as a failed command.
        .then((value) => ({ ok: true, value }), (refusal) => ({ ok: false, refusal })),
    command,
    args,
  );
}

before(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  logFd = openSync(logFile, 'w');
  // The most detailed log there is: every crate, every level.
  driver = await startDriver(folders, { SECOND_OPINION_LOG: 'trace', RUST_LOG: 'trace' }, logFd);
  browser = await openApp({ profile });
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  await stopDriver(driver);
  if (logFd !== undefined) closeSync(logFd);
});

test('markup and SQL in every case field and in journey fields are shown and printed as typed, never run', async () => {
  await startCase();
  await browser.execute(() => { window.__pwned = 0; });
  for (const [field, value] of Object.entries(markupCase)) await fill(`#${field}`, value);
  await browser.$('input[name="nation"][value="wales"]').click();
  await fill('#date_of_birth', '9 March 1954');
  await fill('#nhs_number', '943 476 5919');
  for (const [field, value] of Object.entries(markupJourney)) await fill(`#${field}`, value);
  await waitStatus('saved');
  await assertNothingRan();
  await shot('hostile-markup-situation.png');

  // Shown as literal text where the app repeats it: the step line names the patient.
  assert.ok((await browser.$('.step-count').getText()).includes(markupCase.patient_name));

  await goTo('prepare');
  await fill('#allergies', markupAllergies);
  await waitStatus('saved');
  await goTo('ask');
  const gp = await printed('button=Write a letter to my GP', 'letter-saved', 'second-opinion-gp-letter-');
  for (const field of Object.keys(markupCase)) {
    for (const line of markupCase[field].split('\n')) {
      assert.ok(gp.includes(flat(line)), `the GP letter prints ${field} literally: ${line}`);
    }
  }
  assert.ok(gp.includes('Date of birth 9 March 1954'), 'date of birth on the GP letter');
  assert.ok(gp.includes('NHS number 943 476 5919'), 'NHS number on the GP letter');
  const consultant = await printed('button=Write a letter to my consultant', 'consultant-letter-saved', 'second-opinion-consultant-letter-');
  assert.ok(consultant.includes('NHS number 943 476 5919'), 'NHS number on the consultant letter');
  assert.ok(consultant.includes(flat(markupCase.first_doctor_name)), 'the consultant named literally');

  await goTo('prepare');
  const pack = await printed('button=Print my prep pack', 'pack-saved', 'second-opinion-appointment-pack-');
  assert.ok(pack.includes(markupJourney.treatment_proposed), 'the treatment, literally, in the clinician summary');
  assert.ok(pack.includes(markupAllergies), 'the allergies, literally');
  assert.ok(pack.includes('NHS number 943 476 5919') && pack.includes('Date of birth 9 March 1954'));
  await assertNothingRan();
});

test('right-to-left text, emoji, zero-width and control characters are kept exactly, and print', async () => {
  await startCase();
  for (const [field, value] of Object.entries(unicodeCase)) await fill(`#${field}`, value);
  await waitStatus('saved');
  for (const [field, value] of Object.entries(unicodeCase)) {
    const expected = field.includes('address') ? value.replace(/\r\n/g, '\n') : value;
    assert.equal(await valueOf(`#${field}`), expected, `${field} as typed`);
  }
  await shot('hostile-unicode-situation.png');
  await goTo('ask');
  // pdftotext puts right-to-left words between embedding marks.
  const gp = (await printed('button=Write a letter to my GP', 'letter-saved', 'second-opinion-gp-letter-'))
    .replace(/[\u202B\u202C]/g, '');
  assert.ok(gp.includes('مريم الحسيني'), 'the Arabic name, in reading order');
  assert.ok(gp.includes('Knee [leg] pain'), 'an emoji by its name');
  assert.ok(gp.includes('[U+05E8'), 'Hebrew, which no font has, as its codes');
  assert.ok(gp.includes('Zażółć gęślą jaźń'));
});

test('limits: 1 MB of text, dates at 1900 and 2200, 29 February, and the NHS number check', async () => {
  await startCase();
  await fill('#patient_name', 'Limits Person');
  await fill('#diagnosis', 'Short and kept.');
  await waitStatus('saved');

  // 1 MB of text: refused next to the field with a clear message, kept as typed, nothing saved
  // is lost, and fixing it saves.
  await fill('#diagnosis', MEGABYTE);
  await waitStatus('needs-change');
  assert.match(
    await browser.$('#diagnosis-error').getText(),
    /^What you were told is too long \(1048576 characters\)\. Please keep it under 20000 characters\./,
  );
  assert.equal((await valueOf('#diagnosis')).length, MEGABYTE.length, 'what was typed is still on screen');
  await fill('#diagnosis', 'Short and kept, then edited.');
  await waitStatus('saved');

  // Date of birth: 1900 is the earliest; a day before, or a day in the future, is refused by the field.
  await fill('#date_of_birth', '31/12/1899');
  await waitStatus('needs-change');
  assert.match(
    await browser.$('#date_of_birth-error').getText(),
    /^The date of birth 31 December 1899 is before 1900\. Please check the year\./,
  );
  await fill('#date_of_birth', '01/01/2099');
  await waitStatus('needs-change');
  assert.match(await browser.$('#date_of_birth-error').getText(), /is in the future/);
  // A two-figure year is this century's and shown in full, so "1/3/54" as a date of birth is
  // read as 2054 and questioned.
  await fill('#date_of_birth', '1/3/54');
  await shows('#date_of_birth', '01/03/2054');
  await waitStatus('needs-change');
  assert.match(await browser.$('#date_of_birth-error').getText(), /^The date of birth 1 March 2054 is in the future\./);
  await fill('#date_of_birth', '1/1/1900');
  await waitStatus('saved');
  assert.equal(await browser.$('#date_of_birth-error').isExisting(), false);

  // NHS number: a wrong check digit is refused next to the field; the right one is kept.
  await fill('#nhs_number', '943 476 5918');
  await waitStatus('needs-change');
  assert.match(
    await browser.$('#nhs_number-error').getText(),
    /^This NHS number does not look right\. Please check it against a letter from the NHS\./,
  );
  await browser.execute(() => document.querySelector('#date_of_birth').scrollIntoView());
  await shot('hostile-nhs-number-wrong.png');
  await fill('#nhs_number', '9434765919');
  await waitStatus('saved');
  assert.equal(await browser.$('#nhs_number-error').isExisting(), false);

  // Journey dates: 29 February 2028 and 31 December 2200 are kept; 2201 is refused.
  await goTo('prepare');
  await fill('#appt_date', '29/02/2028');
  await waitStatus('saved');
  assert.equal(await browser.$('[data-testid="appt_date-words"]').getText(), '29 February 2028');
  await fill('#appt_date', '01/01/2201');
  await waitStatus('needs-change');
  assert.match(
    await browser.$('[data-testid="needs-change"]').getText(),
    /Step 6: The date 1 January 2201 does not look right\. Please check the year\./,
  );
  await fill('#appt_date', '31/12/2200');
  await waitStatus('saved');
  // 29 February 2027 never happens: the date box says so, and the backend refuses it.
  await fill('#appt_date', '29/02/2027');
  const noSuchDay = browser.$('#appt_date-about .problem');
  await noSuchDay.waitForDisplayed({ timeout: 10000 });
  assert.equal(await noSuchDay.getText(), 'There is no such date as "29/02/2027". Please check the day and the month.');
  await fill('#appt_date', '29/02/2028');
  await waitStatus('saved');
  const cases = await invoke('list_cases', {});
  const id = cases.value.find((c) => c.patient_name === 'Limits Person').id;
  const refused = await invoke('save_journey', { caseId: id, journey: { asked_on: '2027-02-29' } });
  assert.equal(refused.ok, false, 'save_journey refuses 29 February 2027');
  const kept = await invoke('get_journey', { caseId: id });
  assert.equal(kept.value.view.journey.appointment.date, '2028-02-29', 'nothing changed');
  const badCase = await invoke('save_case', { id, details: { date_of_birth: '2027-02-29' } });
  assert.equal(badCase.ok, false, 'save_case refuses 29 February 2027');
  // A wrong NHS number sent straight to the command: every other field is saved, the number is
  // not used, and the command says which field and why.
  const current = await invoke('get_case', { id });
  const nhs = await invoke('save_case', { id, details: { ...current.value.typed, nhs_number: '1000000010' } });
  assert.deepEqual(nhs.value.problems, [{
    field: 'nhs_number',
    step: 'situation',
    code: 'invalid_nhs_number',
    message: 'This NHS number does not look right. Please check it against a letter from the NHS.',
    kept: true,
  }]);
  assert.equal(nhs.value.case.details.nhs_number, '9434765919', 'the last good number is the one used');
  assert.equal(nhs.value.case.details.diagnosis, 'Short and kept, then edited.');
  await invoke('save_case', { id, details: { ...current.value.typed } });
});

test('after a restart nothing typed was lost', async () => {
  await browser.deleteSession();
  browser = await openApp({ profile });
  await openCase(markupCase.patient_name);
  for (const [field, value] of Object.entries(markupCase)) {
    assert.equal(await valueOf(`#${field}`), value, `${field} kept exactly`);
  }
  await shows('#date_of_birth', '09/03/1954');
  assert.equal(await valueOf('#nhs_number'), '943 476 5919');
  for (const [field, value] of Object.entries(markupJourney)) assert.equal(await valueOf(`#${field}`), value);
  await assertNothingRan();
  await goTo('prepare');
  assert.equal(await valueOf('#allergies'), markupAllergies);

  await openCase(unicodeCase.patient_name);
  for (const [field, value] of Object.entries(unicodeCase)) {
    const expected = field.includes('address') ? value.replace(/\r\n/g, '\n') : value;
    assert.equal(await valueOf(`#${field}`), expected, `${field} kept exactly`);
  }

  await openCase('Limits Person');
  assert.equal(await valueOf('#diagnosis'), 'Short and kept, then edited.');
  await shows('#date_of_birth', '01/01/1900');
  assert.equal(await valueOf('#nhs_number'), '9434765919');
  await goTo('prepare');
  await shows('#appt_date', '29/02/2028');
  // No outside links anywhere the app draws.
  const links = await browser.execute(() =>
    [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')).filter((h) => /^[a-z]+:/i.test(h)),
  );
  assert.deepEqual(links, [], 'no links to outside websites');
});

test('with logging on, no typed value appears in the log or in the data folder outside the encrypted database', async () => {
  await browser.deleteSession();
  browser = undefined;
  await stopDriver(driver);
  const log = readFileSync(logFile, 'utf8');
  assert.match(log, /TRACE/, 'logging was on at its most detailed');
  assert.match(log, /rusqlite_migration/, "the app's own log lines were captured");
  const typed = [
    profile.name,
    profile.passphrase,
    ...Object.values(markupCase).flatMap((v) => v.split('\n')),
    ...Object.values(markupJourney),
    markupAllergies,
    ...Object.values(unicodeCase).flatMap((v) => v.split(/\r?\n/)),
    'Limits Person',
    'Short and kept',
    '943 476 5919',
    '9434765919',
    '1954-03-09',
    'knee pain',
  ].filter((v) => v.trim().length >= 4);
  for (const value of typed) {
    assert.ok(!log.includes(value), `the log does not contain ${JSON.stringify(value)}`);
  }
  // Every file in the data folder: names carry nothing typed; contents only inside the database.
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(folders.data);
  walk(folders.home);
  assert.ok(files.some((f) => f.endsWith('profile.json')), 'the profile was made in the test folder');
  for (const file of files) {
    for (const value of typed) assert.ok(!file.includes(value), `file name ${file}`);
    if (/cases\.db(-wal|-shm|-journal)?$/.test(file)) continue; // SQLCipher: encrypted
    const text = readFileSync(file).toString('utf8');
    for (const value of typed.filter((v) => v !== profile.name)) {
      assert.ok(!text.includes(value), `${path.relative(folders.root, file)} does not contain ${JSON.stringify(value)}`);
    }
  }
  // The encrypted database does not hold them in plain text either.
  for (const file of files.filter((f) => /cases\.db(-wal)?$/.test(f))) {
    const bytes = readFileSync(file);
    for (const value of ['Limits Person', 'DROP TABLE', 'Zażółć']) {
      assert.equal(bytes.indexOf(Buffer.from(value)), -1, `${path.basename(file)} is encrypted`);
    }
  }
});
