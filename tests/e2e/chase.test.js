// The letters that keep things moving, in the real app: records past their due date offer a
// reminder to the records office (with the communication needs recorded once on "Ask for it"),
// printed and read back; a request with no answer offers a follow-up. Axe on both steps.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import {
  goToStep,
  isoDaysFromToday,
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

const uk = (iso) => iso.split('-').reverse().join('/');
const long = (iso) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

async function setDate(selector, iso) {
  const input = browser.$(selector);
  await input.setValue(uk(iso));
  await browser.keys('Tab');
  await browser.waitUntil(async () => (await input.getValue()) === uk(iso), { timeout: 5000 });
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

test('records past their due date offer a reminder that quotes the dates and the needs', async () => {
  await browser.$('button=Start').click();
  await browser.$('#patient_name').waitForDisplayed();
  await browser.$('input[name="in_hospital"][value="no"]').click();
  await browser.$('input[name="for_whom"][value="me"]').click();
  await browser.$('#patient_name').setValue('Ann Chase');
  await browser.$('input[name="nation"][value="england"]').click();
  await browser.$('#gp_practice_name').setValue('Elm Surgery');
  await waitSaveLine(browser);

  // 4. Ask for it: the needs, once; asked six weeks ago and no answer written down.
  await goToStep(browser, 'ask');
  await browser.$('[data-testid="communication-needs"]').waitForDisplayed();
  await browser.$('input[data-need="large_print"]').click();
  await browser.$('#needs_interpreter_language').setValue('Polish');
  const asked = isoDaysFromToday(-42);
  await setDate('#asked_on', asked);
  await waitSaveLine(browser);
  const followUp = browser.$('[data-offer="follow-up-gp"]');
  await followUp.waitForExist({ timeout: 15000 });
  assert.match(await followUp.getText(), new RegExp(`You asked on ${long(asked)}`));
  await expectNoAxeViolations(browser, 'Ask for it, with the needs and a follow-up offered');

  // 5. Records: sent 40 days ago, received 38 days ago, one record asked for and not arrived.
  await goToStep(browser, 'records');
  await browser.$('button*=Add the usual records').click();
  await browser.$('li.record input[type="checkbox"]').click();
  const sent = isoDaysFromToday(-40);
  const received = isoDaysFromToday(-38);
  await setDate('#records_requested_on', sent);
  await setDate('#records_received_on', received);
  await waitSaveLine(browser);
  const offer = browser.$('[data-offer="records-chase"]');
  await offer.waitForExist({ timeout: 15000 });
  assert.match(await offer.getText(), /have not all arrived/);
  // Stuck in England: the concern letter goes to PALS.
  await browser.$('[data-offer="concern"]').waitForExist({ timeout: 5000 });
  await expectNoAxeViolations(browser, 'Gather your records, with the reminder offered');

  await browser.$('button=Write to ask for them again').click();
  await browser.$('[data-testid="records-chase-saved"]').waitForExist({ timeout: 30000 });
  const file = readdirSync(folders.saved).find((f) => f.startsWith('health-records-reminder-'));
  assert.ok(file, 'a file named health-records-reminder-… (no health details in the name)');
  const pdf = path.join(folders.saved, file);
  execFileSync('qpdf', ['--check', pdf]);
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const words of [
    'Subject access request for health records: reminder',
    'held by Elm Surgery',
    `The request was sent on ${long(sent)}. You received it on ${long(received)}.`,
    'You should reply within one calendar month of receiving a request.',
    'That month ended on',
    "complain to the Information Commissioner's Office (ICO).",
    'Communication needs',
    'Please send letters and information in large print.',
    'Please book an interpreter who speaks Polish for appointments.',
    'as the Accessible Information Standard asks.',
  ]) {
    assert.ok(text.includes(words), `"${words}" in: ${text}`);
  }
});
