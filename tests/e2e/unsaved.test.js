// Nothing a person types is ever lost, end to end in the real app. One refused answer (an NHS
// number with a wrong check digit, 400 characters where 200 fit, 100 KB pasted into the
// diagnosis) never stops the other answers saving: each is saved, the refused one is kept as
// typed with what to change next to it, and after a restart the case and every answer are
// there. Locking (the button, Ctrl+L, the idle lock) after a refused answer keeps what was typed
// after it. A problem after pressing a button on the profile picker is shown where the person is
// looking: in view, focused and announced. On a later step too, a refused answer (a list row as
// well) says what to change under its own field.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expectNoAxeViolations } from './axe.js';
import {
  enterProfile,
  goToStep,
  openApp,
  press,
  screenshotDir,
  startDriver,
  stopDriver,
  testFolders,
  testProfile,
  waitSaveLine,
} from './app.js';

const folders = testFolders();
let driver;
let browser;

const shot = (file) => browser.saveScreenshot(path.join(screenshotDir, file));

/** A whole step 1, as a person types it. */
const situation = (name) => ({
  patient_name: name,
  patient_address: '12 Heol y Bont, Aberystwyth SY23 1AB',
  diagnosis: 'A lump in my thyroid. Surgery was offered.',
  first_doctor_name: 'Dr Zofia Łukaszewicz',
  first_doctor_workplace: 'Bronglais Hospital',
  reason: 'I would like another specialist to look at the scan.',
  gp_practice_name: 'Ystwyth Medical Group',
  gp_practice_address: 'Parc Y Llyn, Aberystwyth SY23 3TL',
});

const valueOf = (selector) => browser.execute((sel) => document.querySelector(sel).value, selector);

/** Sets a field's value the way pasting does (for text too long to type key by key). */
async function paste(selector, value) {
  await browser.execute(
    (sel, v) => {
      const el = document.querySelector(sel);
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    selector,
    value,
  );
}

/** Waits until the save line says `status` (after any save in flight). */
async function waitStatus(status) {
  await waitSaveLine(browser, status);
}

async function startCase() {
  const back = browser.$('button=Back to the start');
  if (await back.isExisting()) await back.click();
  await browser.$('button=Start').waitForDisplayed({ timeout: 10000 });
  await browser.$('button=Start').click();
  await browser.$('#patient_name').waitForDisplayed();
}

/** Types every field of step 1; `odd` gives a field's value as pasted instead. */
async function typeSituation(values, odd = {}) {
  for (const [field, value] of Object.entries(values)) {
    if (field in odd) {
      await odd[field]();
      continue;
    }
    await browser.$(`#${field}`).setValue(value);
  }
  // A refused answer's message appears when its save returns and moves what is below it: click
  // the nation once the screen is still.
  await waitStatus('settled');
  await browser.$('input[name="nation"][value="wales"]').click();
}

async function restart() {
  await browser.deleteSession();
  browser = await openApp();
}

async function openCase(name) {
  const open = browser.$(`button=${name}`);
  await open.waitForDisplayed({ timeout: 10000 });
  await open.click();
  await browser.$('#patient_name').waitForDisplayed();
}

/** Whether the element is wholly inside the window's visible part. */
const inView = (selector) =>
  browser.execute((sel) => {
    const r = document.querySelector(sel).getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
  }, selector);

/** The map's step 1: its classes and what it says to a screen reader. */
async function mapStep(step) {
  const li = browser.$(`button[data-step="${step}"]`).parentElement();
  return { done: (await li.getAttribute('class')).includes('done'), words: await li.getText() };
}

async function assertSituation(values) {
  for (const [field, value] of Object.entries(values)) {
    assert.equal(await valueOf(`#${field}`), value, `${field} as typed`);
  }
  assert.ok(await browser.$('input[name="nation"][value="wales"]').isSelected(), 'the nation');
}

before(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  driver = await startDriver(folders);
  browser = await openApp();
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  await stopDriver(driver);
});

test('a wrong NHS number: every other answer is saved, the letter is written, and after a restart the case and the number as typed are there', async () => {
  const values = { ...situation('Nia Wrong-Digit'), nhs_number: '943 476 5918' };
  await startCase();
  await typeSituation(values);
  await waitStatus('needs-change');

  // Said next to the field, in the save line and at the top, never "saved" alone.
  const error = browser.$('#nhs_number-error');
  assert.match(await error.getText(), /^This NHS number does not look right\. Please check it against a letter from the NHS\./);
  assert.match(await error.getText(), /kept here, but not used in letters until you change it/);
  assert.equal(await browser.$('#nhs_number').getAttribute('aria-invalid'), 'true');
  assert.equal(await browser.$('[data-status]').getText(), 'Saved, except 1 answer that needs a change');
  assert.match(await browser.$('[data-testid="needs-change"]').getText(), /1 answer needs a change/);
  assert.doesNotMatch(await browser.$('main').getText(), /could not be saved/);
  const step1 = await mapStep('situation');
  assert.ok(step1.done, 'step 1 is ticked: its other answers are saved');
  assert.match(step1.words, /needs a change/);
  await browser.execute(() => window.scrollTo(0, 0));
  await shot('unsaved-top.png');
  await expectNoAxeViolations(browser, 'step 1 with an answer that needs a change');
  await browser.execute(() => document.querySelector('#nhs_number').scrollIntoView({ block: 'center' }));
  await shot('unsaved-nhs-number.png');

  // "Change it" puts the cursor in the field.
  await browser.execute(() => window.scrollTo(0, 0));
  await browser.$('[data-testid="needs-change"]').$('button=Change it').click();
  await browser.waitUntil(async () => (await browser.execute(() => document.activeElement?.id)) === 'nhs_number');

  // The GP letter is written from what is saved: every other answer, and no wrong number.
  await goToStep(browser, 'ask');
  await browser.$('button=Write a letter to my GP').click();
  await browser.$('[data-testid="letter-saved"]').waitForExist({ timeout: 30000 });
  const file = readdirSync(folders.saved).find((f) => f.startsWith('second-opinion-gp-letter-'));
  const letter = execFileSync('pdftotext', ['-layout', path.join(folders.saved, file), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  rmSync(path.join(folders.saved, file));
  for (const field of ['patient_name', 'gp_practice_name', 'reason']) assert.ok(letter.includes(values[field]), field);
  assert.ok(!letter.includes('5918') && !letter.includes('NHS number'), 'the wrong number is not printed');

  // Back at the start, the case is listed and says what still needs a change.
  await browser.$('button=Back to the start').click();
  await browser.$(`button=${values.patient_name}`).waitForDisplayed({ timeout: 10000 });
  assert.match(await browser.$('[data-testid="case-needs-change"]').getText(), /^1 answer needs a change/);
  await expectNoAxeViolations(browser, 'home: a case with an answer that needs a change');

  await restart();
  await openCase(values.patient_name);
  await assertSituation(values);
  assert.ok(await browser.$('#nhs_number-error').isDisplayed(), 'the problem is shown again');
});

test('400 characters where 200 fit: the limit shows while typing, and every answer typed after it is kept after a restart', async () => {
  const values = { ...situation('Owain Long-Workplace'), first_doctor_workplace: 'Ysbyty '.repeat(57) + 'X' };
  assert.equal(values.first_doctor_workplace.length, 400);
  await startCase();
  await typeSituation(values, {
    first_doctor_workplace: async () => {
      await paste('#first_doctor_workplace', values.first_doctor_workplace.slice(0, 170));
      // Near the limit, the count shows before anything is refused.
      const count = browser.$('[data-testid="first_doctor_workplace-count"]');
      await count.waitForDisplayed();
      assert.equal(await count.getText(), '170 of 200 characters used.');
      await paste('#first_doctor_workplace', values.first_doctor_workplace);
      assert.equal(await count.getText(), '400 characters: 200 more than the 200 that fit.');
    },
  });
  await waitStatus('needs-change');
  assert.match(
    await browser.$('#first_doctor_workplace-error').getText(),
    /^Where the doctor works is too long \(400 characters\)\. Please keep it under 200 characters\./,
  );
  await browser.execute(() => document.querySelector('#first_doctor_workplace').scrollIntoView({ block: 'center' }));
  await shot('unsaved-too-long.png');

  await restart();
  await openCase(values.patient_name);
  await assertSituation(values);
  assert.ok(await browser.$('#first_doctor_workplace-error').isDisplayed());

  // Shortening it saves it and the problem goes.
  await browser.$('#first_doctor_workplace').setValue('Bronglais Hospital');
  await waitStatus('saved');
  assert.equal(await browser.$('#first_doctor_workplace-error').isExisting(), false);
  assert.equal(await browser.$('[data-testid="needs-change"]').isExisting(), false);
});

test('100 KB pasted into the diagnosis: kept as pasted, and every other answer is kept after a restart', async () => {
  const big = 'The scan showed a shadow. '.repeat(4000); // 104,000 characters
  const values = { ...situation('Siân Big-Paste'), diagnosis: big };
  await startCase();
  await typeSituation(values, { diagnosis: () => paste('#diagnosis', big) });
  await waitStatus('needs-change');
  assert.match(await browser.$('#diagnosis-error').getText(), /^What you were told is too long \(104000 characters\)/);
  assert.match(await browser.$('[data-testid="diagnosis-count"]').getText(), /^104,000 characters: 84,000 more than the 20,000 that fit\.$/);

  await restart();
  await openCase(values.patient_name);
  await assertSituation(values);
});

test('typing after a refused answer, then Lock and Ctrl+L: nothing typed is lost after unlocking', async () => {
  const values = { ...situation('Rhys Then-Lock'), nhs_number: '943 476 5918' };
  await startCase();
  await typeSituation(values);
  await waitStatus('needs-change');

  // Typed after the refused answer, and locked at once (before the autosave's pause is over).
  await browser.$('#reason').setValue('Typed just before locking.');
  await browser.$('button=Lock').click();
  await browser.$(`button=${testProfile.name}`).waitForDisplayed({ timeout: 10000 });
  await enterProfile(browser, testProfile);
  await openCase(values.patient_name);
  await assertSituation({ ...values, reason: 'Typed just before locking.' });

  await browser.$('#gp_practice_name').setValue('Typed before Ctrl+L');
  await browser.keys(['Control', 'l']);
  await browser.$(`button=${testProfile.name}`).waitForDisplayed({ timeout: 10000 });
  await enterProfile(browser, testProfile);
  await openCase(values.patient_name);
  await assertSituation({ ...values, reason: 'Typed just before locking.', gp_practice_name: 'Typed before Ctrl+L' });
  assert.ok(await browser.$('#nhs_number-error').isDisplayed());
});

test('text too long even to keep: leaving and locking ask first, and nothing else is lost', async () => {
  const values = situation('Gethin Far-Too-Long');
  await startCase();
  await typeSituation(values);
  await waitStatus('saved');
  // Over two million characters, pasted: more than the app keeps as a draft.
  await browser.execute(() => {
    const el = document.querySelector('#reason');
    el.value = 'x'.repeat(2_000_001);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await waitStatus('error');
  assert.match(await browser.$('#reason-error').getText(), /too long to keep: if you leave or lock, it is lost/);

  // "Back to the start" asks first; staying keeps the text.
  await browser.$('button=Back to the start').click();
  const askLeave = browser.$('[data-testid="ask-leave"]');
  await askLeave.waitForDisplayed({ timeout: 10000 });
  assert.match(await askLeave.getText(), /not saved yet/);
  assert.equal(await browser.execute(() => document.activeElement?.dataset.testid), 'stay');
  await browser.$('button=Stay on this page').click();
  assert.equal((await valueOf('#reason')).length, 2_000_001);

  // Lock asks first too; going back keeps the profile open.
  await browser.$('button=Lock').click();
  const askLock = browser.$('[data-testid="leave-ask"]');
  await askLock.waitForDisplayed({ timeout: 10000 });
  assert.match(await askLock.getText(), /If you lock now, they are lost/);
  await shot('unsaved-lock-asks.png');
  await expectNoAxeViolations(browser, 'locking with text too long to keep');
  await browser.$('button=Go back to them').click();
  assert.ok(await browser.$('#reason').isDisplayed(), 'still open');

  // Shortened, it saves, and Lock locks at once.
  await paste('#reason', values.reason);
  await waitStatus('saved');
  await browser.$('button=Lock').click();
  await browser.$(`button=${testProfile.name}`).waitForDisplayed({ timeout: 10000 });
  await enterProfile(browser, testProfile);
  await openCase(values.patient_name);
  await assertSituation(values);
});

test('step 6: a refused answer says what to change under its own field, a list row too, and every answer is there after a restart', async () => {
  const name = 'Elin Later-Step';
  const over = 'Ward 4, Bronglais. '.repeat(1053); // 20,007 characters: over the journey's limit
  await startCase();
  await typeSituation(situation(name));
  await waitStatus('saved');
  await goToStep(browser, 'prepare');
  await browser.$('#appt_place').waitForDisplayed();
  await press(browser, 'button=Add a line');
  await browser.$('#tl-what-0').waitForDisplayed();

  await paste('#appt_place', over);
  await browser.$('#allergies').setValue('Penicillin');
  await browser.$('#tl-when-0').setValue('March 2026');
  await paste('#tl-what-0', over);
  await waitStatus('needs-change');

  // Each message is under its own field and is what its input is described by.
  for (const field of ['appt_place', 'tl-what-0']) {
    const input = browser.$(`#${field}`);
    assert.equal(await input.getAttribute('aria-invalid'), 'true', field);
    assert.equal(await input.getAttribute('aria-describedby'), `${field}-about`, field);
    const error = browser.$(`#${field}-about #${field}-error`);
    assert.match(await error.getText(), /^This answer is too long \(20007 characters\)\. Please keep it under 20000 characters\./, field);
    assert.match(await error.getText(), /kept here, but not used in letters until you change it/, field);
    const container = await browser.execute((id) => document.getElementById(`${id}-error`).closest('.field').querySelector('input')?.id, field);
    assert.equal(container, field, `${field}: the message is in the field's own box`);
    assert.equal(await browser.$(`[data-testid="${field}-count"]`).getText(), '20,007 characters: 7 more than the 20,000 that fit.');
  }
  for (const field of ['allergies', 'tl-when-0']) {
    assert.equal(await browser.$(`#${field}`).getAttribute('aria-invalid'), null, field);
    assert.equal(await browser.$(`#${field}-error`).isExisting(), false, field);
  }
  assert.match(await browser.$('[data-testid="needs-change"]').getText(), /2 answers need a change/);
  assert.ok((await mapStep('prepare')).done, 'step 6 is ticked: its other answers are saved');
  await browser.execute(() => document.querySelector('#appt_place').scrollIntoView({ block: 'center' }));
  await shot('unsaved-later-step.png');
  await browser.execute(() => document.querySelector('#tl-what-0').scrollIntoView({ block: 'center' }));
  await shot('unsaved-later-step-row.png');
  await expectNoAxeViolations(browser, 'step 6 with answers that need a change');

  // "Change it" puts the cursor in the field, though its input is named differently.
  await browser.execute(() => window.scrollTo(0, 0));
  await browser.$('[data-testid="needs-change"]').$('button=Change it').click();
  await browser.waitUntil(async () => (await browser.execute(() => document.activeElement?.id)) === 'appt_place');

  await restart();
  await openCase(name);
  await goToStep(browser, 'prepare');
  await browser.$('#appt_place').waitForDisplayed();
  assert.equal(await valueOf('#appt_place'), over);
  assert.equal(await valueOf('#tl-what-0'), over);
  assert.equal(await valueOf('#allergies'), 'Penicillin');
  assert.equal(await valueOf('#tl-when-0'), 'March 2026');
  assert.ok(await browser.$('#appt_place-about #appt_place-error').isDisplayed(), 'the problem is shown again');
  assert.ok(await browser.$('#tl-what-0-about #tl-what-0-error').isDisplayed(), 'the row\'s problem is shown again');
});

test('"Make my profile" with a short passphrase: the problem is in view, focused and announced', async () => {
  await browser.setWindowSize(1000, 700);
  await browser.$('button=Lock').click();
  await browser.$('button=Make a new profile').click();
  await browser.$('#new-name').setValue('Short Pass');
  await browser.$('#new-passphrase').setValue('short');
  await browser.$('#repeat-passphrase').setValue('short');
  await browser.$('button=Make my profile').click();
  const problem = browser.$('[data-testid="picker-problem"]');
  await problem.waitForDisplayed({ timeout: 10000 });
  assert.match(await problem.getText(), /8 characters/);
  assert.equal(await problem.getAttribute('role'), 'alert');
  await browser.waitUntil(() => inView('[data-testid="picker-problem"]'), { timeoutMsg: 'the problem is below the fold' });
  await browser.waitUntil(
    async () => (await browser.execute(() => document.activeElement?.dataset.testid)) === 'picker-problem',
    { timeoutMsg: 'the problem is not focused' },
  );
  await shot('unsaved-short-passphrase.png');
  await expectNoAxeViolations(browser, 'profile picker: a problem above the button');
});

test('"Set the new passphrase and open" with a wrong recovery code: the problem is in view, focused and announced', async () => {
  await browser.$('button=Back').click();
  await browser.$(`button=${testProfile.name}`).click();
  await browser.$('button=Forgotten the passphrase? Use the recovery code').click();
  // Well formed (24 of the sheet's letters and numbers), but not this profile's code.
  await browser.$('#recovery-code').setValue('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF');
  await browser.$('#forgot-new-passphrase').setValue('a new long passphrase');
  await browser.$('#forgot-repeat-passphrase').setValue('a new long passphrase');
  await browser.$('button=Set the new passphrase and open').click();
  const problem = browser.$('[data-testid="picker-problem"]');
  await problem.waitForDisplayed({ timeout: 30000 });
  assert.match(await problem.getText(), /recovery code is not right/);
  assert.equal(await problem.getAttribute('role'), 'alert');
  await browser.waitUntil(() => inView('[data-testid="picker-problem"]'), { timeoutMsg: 'the problem is below the fold' });
  await browser.waitUntil(
    async () => (await browser.execute(() => document.activeElement?.dataset.testid)) === 'picker-problem',
    { timeoutMsg: 'the problem is not focused' },
  );
  await shot('unsaved-wrong-recovery-code.png');
});

test('the idle lock after a refused answer keeps what was typed after it', async () => {
  // A new start of the app whose idle lock is a few seconds.
  await browser.deleteSession();
  await stopDriver(driver);
  driver = await startDriver(folders, { SECOND_OPINION_TEST_IDLE_SECONDS: '4' });
  browser = await openApp();
  const values = { ...situation('Ffion Idle-Lock'), nhs_number: '943 476 5918' };
  await startCase();
  await typeSituation(values);
  await browser.$('#reason').setValue('Typed, then left alone.');
  // No more input: the app locks itself.
  await browser.$(`button=${testProfile.name}`).waitForDisplayed({ timeout: 30000 });
  await enterProfile(browser, testProfile);
  await openCase(values.patient_name);
  await assertSituation({ ...values, reason: 'Typed, then left alone.' });
  assert.ok(await browser.$('#nhs_number-error').isDisplayed());
});
