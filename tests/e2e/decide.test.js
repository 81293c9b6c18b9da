// Deciding well, end to end in the real app: the weigh-up with a carer present (the patient's
// view and the carer's kept apart and named), what helps after a No, the decide-by day in
// "Coming up", the one-page print, axe on the screen, and the weigh-up's controls by keyboard.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Key } from 'webdriverio';
import {
  goToStep,
  isoDaysFromToday,
  openApp,
  screenshotDir,
  startDriver,
  stepShown,
  stopDriver,
  testFolders,
  waitSaveLine,
} from './app.js';
import { expectNoAxeViolations } from './axe.js';

const folders = testFolders();
let driver;
let browser;

const name = 'Eluned Pryce';
const shot = (file) => browser.saveScreenshot(path.join(screenshotDir, file));
const uk = (iso) => iso.split('-').reverse().join('/');

const isoDaysAhead = (days) => isoDaysFromToday(days);

const currentStep = () => stepShown(browser);

const goByMap = (step) => goToStep(browser, step);

const waitSaved = () => waitSaveLine(browser);

before(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  driver = await startDriver(folders);
  browser = await openApp();
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  await stopDriver(driver);
});

test('the weigh-up keeps the patient\'s and the carer\'s views apart, prints on one page, and the decide-by day is coming up', async () => {
  await browser.$('button=Start').click();
  await browser.$('#patient_name').waitForDisplayed();
  // A case for someone the user helps: a carer is present.
  await browser.$('input[name="for_whom"][value="someone-i-help"]').click();
  await browser.$('#patient_name').setValue(name);
  await browser.$('input[name="nation"][value="wales"]').click();
  await browser.$('input[name="in_hospital"][value="no"]').click();
  await browser.$('#treatment_proposed').setValue('A hip replacement in the spring');
  await waitSaved();

  // Step 2: a No in the readiness check says what can help next.
  await goByMap('is-it-right');
  const before = browser.$('[data-testid="weigh_up_before"]');
  await before.waitForDisplayed();
  const beforeOptions = await before.$$('[data-option]').map((o) => o.getAttribute('data-option'));
  assert.deepEqual(beforeOptions, ['ask', 'stay'], 'asking, and staying with the current plan');
  assert.match(await before.$('[data-option="stay"]').getText(), /A hip replacement in the spring/, 'the plan as written');
  await (await browser.$$('input[name="before-have_support"]'))[1].click(); // No
  await browser.$('[data-testid="doubt-help-before"] [data-doubt="support"]').waitForExist({ timeout: 10000 });
  assert.equal(await browser.$('[data-testid="doubt-help-before"] [data-doubt="information"]').isExisting(), false);
  await (await browser.$$('input[name="before-feel_sure"]'))[1].click(); // No
  await browser.$('[data-testid="doubt-help-before"] [data-doubt="time"]').waitForExist({ timeout: 10000 });
  assert.match(await browser.$('[data-doubt="time"]').getText(), /change your mind/);
  await waitSaved();
  await browser.$('[data-testid="doubt-help-before"]').scrollIntoView();
  await shot('decide-2-doubt-help.png');

  // Step 8: the doctors' recommendations are options beside staying with the plan.
  await goByMap('after-appointment');
  await browser.$('#first-recommendation').setValue('Replace the hip in March');
  await browser.$('#second-recommendation').setValue('Physiotherapy for three months first');
  await waitSaved();
  await goByMap('decide-and-tell');
  const w = browser.$('[data-testid="weigh_up_after"]');
  await w.waitForDisplayed();
  const options = await w.$$('[data-option]').map((o) => o.getAttribute('data-option'));
  assert.deepEqual(options, ['stay', 'first_doctor', 'second_doctor']);
  assert.match(await w.$('[data-option="second_doctor"]').getText(), /Physiotherapy for three months first/);

  // What matters: a starter by keyboard alone, its "how much" by arrow keys, one of their own.
  await browser.execute(() => document.querySelector('[data-testid="weigh_up_after"] [data-starter="matters-keep-team"]').focus());
  await browser.keys('Enter');
  await w.$('[data-matter="0"]').waitForExist();
  await browser.execute(() => document.querySelector('[data-testid="weigh_up_after"] [data-matter="0"] input[value="not-at-all"]').focus());
  await browser.keys(Key.Space);
  await browser.keys(Key.ArrowRight);
  await browser.keys(Key.ArrowRight);
  assert.ok(await w.$('[data-matter="0"] input[value="a-lot"]').isSelected(), 'chosen with the arrow keys');
  // Tab away and back: the chosen radio has focus, and shows it.
  await browser.keys(Key.Tab);
  await browser.keys([Key.Shift, Key.Tab]);
  assert.equal(await browser.execute(() => document.activeElement?.value), 'a-lot');
  const focus = await browser.execute(() => {
    const cs = getComputedStyle(document.activeElement);
    return cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2;
  });
  assert.ok(focus, 'the focused radio shows its outline');
  await browser.$('#weigh_up_after-own_matter').setValue('Being able to look after my garden');
  await browser.keys('Enter');
  await w.$('[data-matter="1"]').waitForExist();
  assert.equal(await browser.$('#weigh_up_after-matters\\.1\\.text').getValue(), 'Being able to look after my garden');

  // Reasons for and against, in their own words.
  await browser.$('#weigh_up_after-second_doctor\\.for_it').setValue('No operation yet');
  await browser.$('#weigh_up_after-second_doctor\\.against_it').setValue('Three more months of pain');
  await browser.$('#weigh_up_after-stay\\.for_it').setValue('The surgeon knows me');

  // Who decides: the patient's view and the carer's, each under its own heading.
  const patient = w.$('[data-view="patient"]');
  const carer = w.$('[data-view="carer"]');
  await carer.waitForExist({ timeout: 10000 });
  assert.match(await patient.$('legend').getText(), /Your own view/);
  assert.match(await carer.$('legend').getText(), /The carer's view/);
  await patient.$('input[value="me-with"]').click();
  await browser.$('#weigh_up_after-patient\\.who').setValue('my son');
  await browser.$('#weigh_up_after-patient\\.lean').setValue('Towards physiotherapy first');
  await carer.$('input[value="me"]').click();
  await browser.$('#weigh_up_after-carer\\.lean').setValue('Towards the operation in March');
  await waitSaved();
  await w.$('[data-testid="weigh_up_after-matters-a-lot"]').waitForExist({ timeout: 10000 });
  assert.match(await w.$('[data-testid="weigh_up_after-matters-a-lot"]').getText(), /Keeping my team/);

  // A decide-by day.
  const decideBy = isoDaysAhead(10);
  await browser.$('#decide_by').setValue(uk(decideBy));
  await browser.keys('Tab');
  await browser.waitUntil(async () => (await browser.$('#decide_by').getValue()) === uk(decideBy), { timeout: 5000 });
  await waitSaved();

  await browser.execute(() => window.scrollTo(0, 0));
  await shot('decide-8-weigh-up-top.png');
  await carer.scrollIntoView();
  await shot('decide-8-weigh-up-views.png');
  await expectNoAxeViolations(browser, 'the weigh-up with a carer present');

  // The one-page print: both views, attributed; nothing scored.
  await w.$('button=Print my weigh-up').click();
  await browser.$('[data-testid="weigh_up_after-saved"]').waitForExist({ timeout: 30000 });
  const file = readdirSync(folders.saved).find((f) => f.startsWith('second-opinion-weigh-up-'));
  assert.ok(file, 'a file with no health details in its name');
  const pdf = path.join(folders.saved, file);
  execFileSync('qpdf', ['--check', pdf]);
  assert.match(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }), /Pages:\s+1\n/, 'one page');
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const said of ['Keeping my team', 'A lot', 'No operation yet', 'Three more months of pain', 'Towards physiotherapy first', 'Towards the operation in March', 'The patient decides']) {
    assert.ok(text.includes(said), `the page says "${said}"`);
  }
  assert.match(text, /I decide with my\s+son/);

  // Coming up, on the home screen: the decide-by day.
  await browser.$('button=Back to the start').click();
  const coming = browser.$('.upcoming [data-upcoming="decide-by"]');
  await coming.waitForDisplayed({ timeout: 10000 });
  assert.match(await coming.getText(), /decide by .* \(in 10 days\)/);
  await shot('decide-home-upcoming.png');
});

test('the calendar file holds the appointment, its pack day, the records and the decide-by day, with neutral titles', async () => {
  await browser.$(`button=${name}`).click();
  await goByMap('prepare');
  const day = isoDaysAhead(14);
  await browser.$('#appt_date').setValue(uk(day));
  await browser.keys('Tab');
  await browser.waitUntil(async () => (await browser.$('#appt_date').getValue()) === uk(day), { timeout: 5000 });
  await browser.$('#appt_time').setValue('2.30pm');
  await browser.$('#appt_place').setValue('Outpatients, Ysbyty Gwynedd');
  await browser.$('#appt_with').setValue('Dr Rees');
  await waitSaved();
  const section = browser.$('section[aria-labelledby="calendar-title"]');
  await section.scrollIntoView();
  await shot('decide-6-calendar.png');
  await expectNoAxeViolations(browser, 'prepare, with the calendar file');
  // By keyboard: focus the button and press Enter.
  await browser.execute(() => document.querySelector('[data-testid="write-calendar"]').focus());
  await browser.keys('Enter');
  await browser.$('[data-testid="calendar-saved"]').waitForExist({ timeout: 30000 });
  const file = readdirSync(folders.saved).find((f) => f.endsWith('.ics'));
  assert.match(file, /^reminders-\d{4}-\d{2}-\d{2}\.ics$/, 'no health details in the name');
  const ics = readFileSync(path.join(folders.saved, file), 'utf8');
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  const summaries = [...ics.matchAll(/^SUMMARY:(.*)\r$/gm)].map((m) => m[1]);
  assert.deepEqual(summaries, ['Appointment', 'Print your pack', 'Decide by today']);
  assert.ok(ics.includes('LOCATION:Outpatients\\, Ysbyty Gwynedd'), 'the place');
  assert.ok(!ics.includes('Rees') && !ics.includes('hip'), 'nothing about the doctor or the illness by default');
  assert.equal((ics.match(/BEGIN:VALARM/g) ?? []).length, 4, 'each with a reminder');
  // 2.30pm UK time, as UTC (13:30 or 14:30, by the season).
  assert.match(ics, new RegExp(`DTSTART:${day.replaceAll('-', '')}T1[34]3000Z`));
});

test('one tap adds a starter set of questions, and the sheet for the doctor puts the most important first', async () => {
  // Still on "Prepare" from the calendar test.
  const sets = browser.$('[data-testid="question-sets"]');
  await sets.scrollIntoView();
  assert.match(await sets.getText(), /Choosing Wisely UK/);
  assert.match(await sets.getText(), /Ask 3 Questions \(NHS\)/);
  await browser.execute(() => document.querySelector('[data-set="set-bran"] button').focus());
  await browser.keys('Enter');
  await browser.$('ol.chosen li[data-question="What might happen if I do nothing for now?"]').waitForExist({ timeout: 5000 });
  const listed = await browser.$$('ol.chosen li').map((li) => li.getAttribute('data-question'));
  assert.deepEqual(listed, [
    'How could this treatment help me?',
    'What are the main risks?',
    'Are there other ways to treat this?',
    'What might happen if I do nothing for now?',
  ]);
  // Tapped again, nothing is added twice.
  await browser.$('[data-set="set-bran"] button').click();
  assert.equal((await browser.$$('ol.chosen li')).length, 4);
  await browser.$('ol.chosen li[data-question="What might happen if I do nothing for now?"] input[type="checkbox"]').click();
  await waitSaved();
  await shot('decide-6-question-sets.png');
  await expectNoAxeViolations(browser, 'prepare, with the starter sets');
  await browser.$('button=Print the questions sheet').click();
  await browser.$('[data-testid="questions-sheet-saved"]').waitForExist({ timeout: 30000 });
  const file = readdirSync(folders.saved).find((f) => f.startsWith('questions-for-the-doctor-'));
  assert.ok(file, 'a file with no health details in its name');
  const pdf = path.join(folders.saved, file);
  execFileSync('qpdf', ['--check', pdf]);
  assert.match(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }), /Pages:\s+1\n/, 'one sheet');
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  assert.ok(text.includes('Questions I would like to ask today'));
  assert.ok(text.includes('1. What might happen if I do nothing for now?'), `the most important first: ${text}`);
  assert.ok(text.includes('2. How could this treatment help me?'));
});
