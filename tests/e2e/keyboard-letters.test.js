// The parts that help a person decide and keep things moving, with the keyboard alone: the
// weigh-up (a starter, how much it matters, a reason, printed), the communication needs, a
// follow-up letter once a request has had no answer, and the calendar file. Only key presses:
// no mouse action and no script focus, and every focused control shows its outline.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Key } from 'webdriverio';
import { isoDaysFromToday, openApp, startDriver, stepShown, stopDriver, testFolders } from './app.js';
import { byId, byText, keyboard } from './keys.js';

const folders = testFolders();
let driver;
let browser;
let keys;

const uk = (iso) => iso.split('-').reverse().join('/');
const long = (iso) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const saved = (prefix) => readdirSync(folders.saved).find((f) => f.startsWith(prefix));
const pdfText = (file) =>
  execFileSync('pdftotext', [path.join(folders.saved, file), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

/** Tab to "Next", press Enter, and wait for the step and for focus on its heading. */
async function next(expected) {
  await keys.tabTo((f) => f.testid === 'next-step');
  await browser.keys([Key.Enter]);
  await browser.waitUntil(async () => (await stepShown(browser)) === expected, { timeout: 5000 });
  await browser.waitUntil(async () => (await keys.focused()).id === 'step-title', { timeout: 3000 });
}

/** Tabs to the date box `id`, types `iso` the UK way and leaves it. */
async function typeDate(id, iso) {
  await keys.tabTo(byId(id));
  await keys.type(uk(iso));
  await browser.keys([Key.Tab]);
  keys.tabs++;
  await browser.waitUntil(async () => (await browser.$(`#${id}`).getValue()) === uk(iso), { timeout: 5000 });
}

before(async () => {
  driver = await startDriver(folders);
  browser = await openApp();
  keys = keyboard(browser);
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  await stopDriver(driver);
});

test('the weigh-up, the needs, a follow-up letter and the calendar file, with the keyboard alone', async () => {
  await browser.waitUntil(async () => (await keys.focused()).tag === 'h1', { timeout: 5000 });
  await keys.tabTo(byText('Start'));
  await browser.keys([Key.Enter]);
  await browser.waitUntil(async () => (await keys.focused()).id === 'step-title', { timeout: 5000 });

  // Step 1, by arrow keys and typing.
  await keys.choose('in_hospital', 'no');
  await keys.choose('for_whom', 'me');
  await keys.tabTo(byId('patient_name'));
  await keys.type('Kay Board');
  await keys.choose('nation', 'england');
  await keys.tabTo(byId('gp_practice_name'));
  await keys.type('Oak Surgery');

  // Step 2: a starter added by Enter, how much it matters by the arrow keys, a reason typed,
  // and the weigh-up printed.
  await next('is-it-right');
  await keys.tabTo((f) => f.starter === 'matters-keep-team' && f.within === 'weigh_up_before');
  await browser.keys([Key.Enter]);
  await browser.$('[data-testid="weigh_up_before"] [data-matter="0"]').waitForExist({ timeout: 5000 });
  await keys.tabTo((f) => f.name === 'weigh_up_before-matter-0');
  await browser.keys([Key.Space]);
  await browser.keys([Key.ArrowRight]);
  await browser.keys([Key.ArrowRight]);
  assert.equal((await keys.focused()).value, 'a-lot', 'chosen with the arrow keys');
  await keys.tabTo(byId('weigh_up_before-ask.for_it'));
  await keys.type('A specialist in my condition');
  await keys.tabTo((f) => f.tag === 'button' && f.text === 'Print my weigh-up' && f.within === 'weigh_up_before');
  await browser.keys([Key.Enter]);
  await browser.$('[data-testid="weigh_up_before-saved"]').waitForExist({ timeout: 30000 });
  const weighUp = pdfText(saved('second-opinion-weigh-up-'));
  for (const said of ['Keeping my team', 'A lot', 'A specialist in my condition']) {
    assert.ok(weighUp.includes(said), `the weigh-up says "${said}": ${weighUp}`);
  }

  // Step 4: a need ticked by Space; asked six weeks ago, so a follow-up is offered; printed.
  await next('choose-route');
  await next('ask');
  await keys.tabTo((f) => f.need === 'large_print');
  await browser.keys([Key.Space]);
  assert.equal((await keys.focused()).checked, true, 'Space ticks large print');
  const asked = isoDaysFromToday(-42);
  await typeDate('asked_on', asked);
  await browser.$('[data-offer="follow-up-gp"]').waitForExist({ timeout: 15000 });
  await keys.tabTo(byText('Write a follow-up to my GP'));
  await browser.keys([Key.Enter]);
  await browser.$('[data-testid="follow-up-gp-saved"]').waitForExist({ timeout: 30000 });
  const letter = pdfText(saved('second-opinion-follow-up-'));
  for (const said of [
    'Follow-up: request for a second opinion',
    `On ${long(asked)}, I asked the practice for a second opinion.`,
    'That was 6 weeks ago',
    'Communication needs',
    'Please send letters and information in large print.',
  ]) {
    assert.ok(letter.includes(said), `the letter says "${said}": ${letter}`);
  }

  // Step 6: an appointment day, then the calendar file.
  await next('records');
  await next('prepare');
  await typeDate('appt_date', isoDaysFromToday(14));
  await keys.tabTo((f) => f.testid === 'write-calendar');
  await browser.keys([Key.Enter]);
  await browser.$('[data-testid="calendar-saved"]').waitForExist({ timeout: 30000 });
  const ics = readFileSync(path.join(folders.saved, readdirSync(folders.saved).find((f) => f.endsWith('.ics'))), 'utf8');
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.ok(ics.includes('SUMMARY:Appointment\r\n'), ics);
  console.log(`keyboard letters: ${keys.tabs} Tab presses, focus visible on every one`);
});
