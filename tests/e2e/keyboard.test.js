// The whole journey with the keyboard alone: make a profile, start a case, fill in step 1, go
// through every step, type a date the UK way, remove and undo a question, print the prep pack
// (by its button and by Ctrl+P), open Help with F1, and lock with Ctrl+L. No mouse action and no
// script focus: only key presses. Every focused control must show a visible outline, and each
// step change must move focus to the step's heading.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Key } from 'webdriverio';
import { openApp, startDriver, stepShown, stopDriver, testFolders, testProfile } from './app.js';
import { byId, byName, byText, keyboard } from './keys.js';

const folders = testFolders();
let driver;
let browser;
let keys;
let focused;
let type;
let tabTo;

const currentStep = () => stepShown(browser);

/** Tab to "Next", press Enter, and check the step changed and focus is on its heading. */
async function next(expected) {
  await tabTo((f) => f.testid === 'next-step');
  await browser.keys([Key.Enter]);
  await browser.waitUntil(async () => (await currentStep()) === expected, { timeout: 5000 });
  await browser.waitUntil(async () => (await focused()).id === 'step-title', {
    timeout: 3000,
    timeoutMsg: `focus moves to the heading of ${expected}`,
  });
}

before(async () => {
  driver = await startDriver(folders);
  browser = await openApp({ profile: null });
  keys = keyboard(browser);
  ({ focused, type, tabTo } = keys);
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  await stopDriver(driver);
});

test('a case from the start to a printed pack, with the keyboard alone', async () => {
  // Make a profile.
  await browser.waitUntil(async () => (await focused()).tag === 'h1', { timeout: 5000, timeoutMsg: 'focus starts on the heading' });
  await tabTo(byId('new-name'));
  await type(testProfile.name);
  await tabTo(byId('new-passphrase'));
  await type(testProfile.passphrase);
  await tabTo(byId('repeat-passphrase'));
  await type(testProfile.passphrase);
  await browser.keys([Key.Enter]);
  await browser.$('[data-testid="recovery-code"]').waitForDisplayed({ timeout: 30000 });
  const code = await browser.$('[data-testid="recovery-code"]').getText();
  await tabTo(byText('I have written it down'));
  await browser.keys([Key.Enter]);
  await browser.waitUntil(async () => (await focused()).tag === 'h2', { timeout: 5000, timeoutMsg: 'focus on "Check what you wrote"' });
  await tabTo(byId('check-recovery-code'));
  await type(code);
  await browser.keys([Key.Enter]);
  await browser.$('[data-testid="profile-name"]').waitForDisplayed({ timeout: 30000 });

  // Home: focus is on the heading; start a case.
  await browser.waitUntil(async () => (await focused()).tag === 'h1', { timeout: 5000, timeoutMsg: 'focus on the home heading' });
  await tabTo(byText('Start'));
  await browser.keys([Key.Enter]);
  await browser.waitUntil(async () => (await focused()).id === 'step-title', { timeout: 5000 });
  assert.equal(await currentStep(), 'situation');

  // Step 1: radio groups by arrow keys and Space, text by typing. Whether the person is in
  // hospital is asked first.
  await tabTo(byName('in_hospital'));
  await browser.keys([Key.Space]);
  assert.ok((await focused()).checked);
  await tabTo(byName('for_whom'));
  await browser.keys([Key.ArrowDown]);
  let f = await focused();
  assert.ok(f.value === 'someone-i-help' && f.checked, 'the arrow key chooses "Someone I help"');
  await tabTo(byId('patient_name'));
  await type('Arthur Keyes');
  await tabTo(byName('nation'));
  await browser.keys([Key.Space]);
  f = await focused();
  assert.ok(f.value === 'england' && f.checked, 'Space chooses England');
  await tabTo(byId('diagnosis'));
  await type('Heart valve disease. They advise an operation.');
  // Shift+Tab goes back the way it came.
  f = await tabTo(() => true, { back: true });
  assert.equal(f.name, 'nation', 'Shift+Tab goes back to the last radio group');

  // Steps 2 to 5; in step 4 a date typed the UK way.
  await next('is-it-right');
  await next('choose-route');
  await next('ask');
  await tabTo(byId('asked_on'));
  await type('14-11-2026');
  await browser.keys([Key.Tab]);
  await browser.$('[data-testid="asked_on-words"]').waitForDisplayed({ timeout: 5000 });
  assert.equal(await browser.$('[data-testid="asked_on-words"]').getText(), '14 November 2026');
  assert.equal(await browser.$('#asked_on').getValue(), '14/11/2026');
  await next('records');
  await next('prepare');

  // Step 6: add a question, remove it, undo.
  await tabTo(byId('own_question'));
  await type('Who do I call if I feel worse?');
  await browser.keys([Key.Enter]);
  await browser.$('[data-question="Who do I call if I feel worse?"]').waitForExist({ timeout: 5000 });
  await tabTo((f) => f.tag === 'button' && f.text.startsWith('Remove') && f.text.includes('Who do I call'));
  await browser.keys([Key.Enter]);
  await browser.waitUntil(async () => (await focused()).id === 'undo-questions', { timeout: 3000, timeoutMsg: 'focus goes to Undo' });
  assert.equal(await browser.$('[data-question="Who do I call if I feel worse?"]').isExisting(), false, 'removed');
  await browser.keys([Key.Enter]);
  await browser.$('[data-question="Who do I call if I feel worse?"]').waitForExist({ timeout: 5000 });
  assert.equal((await focused()).id, 'own_question', 'after Undo, focus goes back to the question box');

  // Print the pack by its button.
  await tabTo(byText('Print my prep pack'));
  await browser.keys([Key.Enter]);
  await browser.$('[data-testid="pack-saved"]').waitForExist({ timeout: 30000 });
  const packs = () => readdirSync(folders.saved).filter((n) => n.startsWith('second-opinion-appointment-pack-'));
  assert.equal(packs().length, 1);
  const text = execFileSync('pdftotext', [path.join(folders.saved, packs()[0]), '-'], { encoding: 'utf8' });
  assert.ok(text.includes('Arthur Keyes') && text.includes('Who do I call if I feel worse?'), 'the pack has what was typed');

  // And by Ctrl+P, from another step.
  await next('after-appointment');
  for (const name of packs()) execFileSync('rm', [path.join(folders.saved, name)]);
  await browser.keys([Key.Ctrl, 'p']);
  await browser.$('[data-testid="shortcut-pack-saved"]').waitForExist({ timeout: 30000 });
  assert.equal(packs().length, 1, 'Ctrl+P printed the pack');
  await next('decide-and-tell');

  // F1 opens Help with focus on its heading; Escape closes it and focus goes back.
  await browser.keys([Key.F1]);
  await browser.waitUntil(async () => (await focused()).id === 'help-title', { timeout: 5000, timeoutMsg: 'F1 opens Help' });
  await browser.keys([Key.Escape]);
  await browser.waitUntil(async () => (await focused()).id === 'step-title', { timeout: 5000, timeoutMsg: 'Escape returns' });

  // Ctrl+L locks: every case detail leaves the window.
  await browser.keys([Key.Ctrl, 'l']);
  await browser.$(`button=${testProfile.name}`).waitForDisplayed({ timeout: 10000 });
  assert.equal(await browser.$('#patient_name').isExisting(), false);
  console.log(`keyboard journey: ${keys.tabs} Tab presses, focus visible on every one`);
});
