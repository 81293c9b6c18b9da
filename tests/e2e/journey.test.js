// The guided journey, end to end in the real app: one case from "Your situation" to "Decide and
// tell", a restart in the middle that loses nothing, the Martha's Rule exit, and Scotland's help.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import {
  goToStep,
  isoDaysFromToday,
  openApp,
  press,
  screenshotDir,
  startDriver,
  stepShown,
  stopDriver,
  testFolders,
  testProfile,
  waitSaveLine,
} from './app.js';

const folders = testFolders();
let driver;
let browser;

const name = 'Margaret O’Neill';
const shot = (file) => browser.saveScreenshot(path.join(screenshotDir, file));

/** Types a date the UK way ("21/11/2026") into a date box, and waits until it is read. */
async function setDate(selector, iso) {
  const input = browser.$(selector);
  await input.setValue(uk(iso));
  await browser.keys('Tab');
  await browser.waitUntil(async () => (await input.getValue()) === uk(iso), { timeout: 5000 });
}

/** "2026-11-21" as the date box shows it: "21/11/2026". */
const uk = (iso) => iso.split('-').reverse().join('/');

/** Clicks a print button, waits for the saved message, and returns the PDF's text, flattened. */
async function printed(button, testid, prefix) {
  await browser.$(button).click();
  await browser.$(`[data-testid="${testid}"]`).waitForExist({ timeout: 30000 });
  const file = readdirSync(folders.saved).find((f) => f.startsWith(prefix));
  assert.ok(file, `a file named ${prefix}… (no health details in the name)`);
  execFileSync('qpdf', ['--check', path.join(folders.saved, file)]);
  return execFileSync('pdftotext', ['-layout', path.join(folders.saved, file), '-'], { encoding: 'utf8' })
    .replace(/\s+/g, ' ');
}

const isoDaysAgo = (days) => isoDaysFromToday(-days);

const currentStep = () => stepShown(browser);

/** Moves on with the keyboard: Tab to the Next button is slow, so focus it and press Enter. */
async function nextByKeyboard(expected) {
  await browser.execute(() => document.querySelector('[data-testid="next-step"]').focus());
  await browser.keys('Enter');
  await browser.waitUntil(async () => (await currentStep()) === expected, { timeout: 5000 });
  const focused = await browser.execute(() => document.activeElement?.id);
  assert.equal(focused, 'step-title', 'focus moves to the step heading');
}

/** Moves on with the mouse, by the journey map. */
const goByMap = (step) => goToStep(browser, step);

async function waitSaved() {
  await waitSaveLine(browser);
}

async function screenshotWholeStep(file) {
  await browser.execute(() => window.scrollTo(0, 0));
  await shot(file);
}

/** Back to the home screen from wherever an earlier test stopped. */
async function startNewCase() {
  const back = browser.$('button=Back to the start');
  if (await back.isExisting()) await back.click();
  await browser.$('button=Start').waitForDisplayed({ timeout: 10000 });
  await browser.$('button=Start').click();
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

test('one case walks through all eight steps, and a restart loses nothing', async () => {
  await browser.$('button=Start').click();

  // 1. Your situation.
  await browser.$('#patient_name').waitForDisplayed();
  assert.equal(await currentStep(), 'situation');
  // Whether the person is in hospital is asked first; then step 1 speaks to whoever it is about.
  const firstQuestion = await browser.execute(() => document.querySelector('form input[type="radio"]').name);
  assert.equal(firstQuestion, 'in_hospital');
  const nameLabel = () => browser.$('label[for="patient_name"]').getText();
  await browser.$('input[name="for_whom"][value="me"]').click();
  await browser.waitUntil(async () => (await nameLabel()).startsWith('Your full name'), { timeout: 5000 });
  assert.match(await browser.$('label[for="reason"]').getText(), /^Why would you like a second opinion\?/);
  assert.match(await browser.$('label[for="nhs_number"]').getText(), /^Your NHS number/);
  await browser.$('input[name="for_whom"][value="someone-i-help"]').click();
  await browser.waitUntil(async () => (await nameLabel()).startsWith('Their full name'), { timeout: 5000 });
  assert.match(await browser.$('label[for="date_of_birth"]').getText(), /^Their date of birth/);
  assert.match(await browser.$('label[for="reason"]').getText(), /^Why would they like a second opinion\?/);
  await browser.$('#patient_name').setValue(name);
  // The number is named as the nation names it (the backend's word for each nation).
  const numberLabel = () => browser.$('label[for="nhs_number"]').getText();
  for (const [nation, label] of [
    ['scotland', /^Their CHI number/],
    ['northern-ireland', /^Their H&C number/],
    ['wales', /^Their NHS number/],
  ]) {
    // Pressed in the page: each new label can rewrap the form, and a pointer click aimed a
    // moment before then lands beside the next choice.
    await press(browser, `input[name="nation"][value="${nation}"]`);
    await browser.waitUntil(async () => label.test(await numberLabel()), { timeout: 5000, timeoutMsg: `${nation}: ${label}` });
  }
  await press(browser, 'input[name="nation"][value="england"]');
  await browser.waitUntil(async () => /^Their NHS number/.test(await numberLabel()), { timeout: 5000 });
  assert.match(await browser.$('label[for="diagnosis"]').getText(), /^What were they diagnosed with/);
  await browser.$('input[name="in_hospital"][value="no"]').click();
  await browser.$('#diagnosis').setValue('Gallstones. They offered an operation.');
  await browser.$('#diagnosed_when').setValue('October 2026');
  await browser.$('input[name="urgency"][value="routine"]').click();
  await waitSaved();
  await screenshotWholeStep('journey-1-situation.png');
  // The banner now names England's urgent line (the case's nation).
  await browser.$('aside=In an emergency call 999. For urgent help that is not an emergency, call NHS 111 or use NHS 111 online.').waitForDisplayed({ timeout: 10000 });

  // 2. Is it right for you? (keyboard)
  await nextByKeyboard('is-it-right');
  await browser.$('input[type="checkbox"][value="reason-doubt"]').click();
  const knowEnough = await browser.$$('input[name="before-know_enough"]');
  await knowEnough[1].click(); // No
  const goAhead = await browser.$$('input[name="go_ahead"]');
  await goAhead[0].click(); // Yes
  await browser.$('#go_ahead_why').setValue('I want to be sure before an operation.');
  assert.ok(await browser.$('[data-notice="notice-keep-taking-medicines"]').isDisplayed(), 'the medicines caution');
  // Routine, and not said to be cancer or mental health: no time-critical caution.
  assert.equal(await browser.$('[data-notice="notice-time-critical"]').isExisting(), false);
  await waitSaved();
  await screenshotWholeStep('journey-2-is-it-right.png');

  // 3. Choose a route (mouse, by the map).
  await goByMap('choose-route');
  await browser.$('input[name="route"][value="route-nhs-specialist-via-gp"]').click();
  const chosen = browser.$('[data-route="route-nhs-specialist-via-gp"]');
  assert.match(await chosen.getText(), /Your choice/);
  assert.match(await chosen.getText(), /Your rights in England/, 'England shows its rights');
  await browser.$('#specialist_notes').setValue('Ask about Mr Patel at St James’s.');
  await browser.$('#preferred_specialist').setValue('Mr Patel at St James’s');
  await waitSaved();
  await screenshotWholeStep('journey-3-route.png');
  await browser.execute(() => document.querySelector('.routes').scrollIntoView());
  await shot('journey-3-route-cards.png');

  // 4. Ask for it: its own intro (not step 2's again), and ways to ask that name the doctor once.
  const step2Intro = await browser.$('.why').getText();
  await nextByKeyboard('ask');
  const step4Intro = await browser.$('.why').getText();
  assert.match(step4Intro, /^Ask for the referral\./);
  assert.notEqual(step4Intro, step2Intro);
  const ways = await browser.$$('.ways .to').map((w) => w.getText());
  assert.ok(ways.includes('To your GP: Plain and honest'), ways.join(' | '));
  for (const w of ways) assert.doesNotMatch(w, /:.*\byour (GP|consultant)\b/i, w);
  await setDate('#asked_on', isoDaysAgo(7));
  await browser.$('#answer').setValue('The GP will refer me.');
  // Someone is helping: the consent form names them. She made the profile in her own name, so
  // step 4 offers it with one button, for her to change.
  const offer = browser.$('[data-testid="carer-name-from-profile"]');
  await offer.waitForDisplayed({ timeout: 5000 });
  assert.equal(await offer.getText(), `Use the name on my profile: ${testProfile.name}`);
  await offer.click();
  await browser.waitUntil(async () => (await browser.$('#carer_name').getValue()) === testProfile.name, { timeout: 5000 });
  assert.equal(await offer.isExisting(), false, 'the offer goes once a name is there');
  await browser.$('#carer_name').setValue('Siobhán O’Neill');
  await browser.$('#carer_relationship').setValue('daughter');
  await waitSaved();
  await screenshotWholeStep('journey-4-ask.png');
  const consent = await printed('button=Print the consent form', 'carer-form-saved', 'carer-consent-');
  assert.ok(consent.includes('Siobhán O’Neill') && consent.includes('daughter'), 'the helper is named');
  assert.ok(consent.includes(name), 'the patient is named');
  // The GP letter can be read before it is saved: in the helper's own voice, with the route's
  // request, and the words typed in step 1 marked so a wrong "I" or "he" can be seen.
  await browser.$('button=Read the letter first').click();
  const preview = browser.$('[data-testid="gp-letter-preview"]');
  await preview.waitForDisplayed({ timeout: 10000 });
  const words = (await preview.getText()).replace(/\s+/g, ' ');
  assert.ok(words.includes(`I am writing on behalf of ${name}, with their consent. I am their daughter.`), words);
  assert.ok(words.includes(`${name} would like to be referred to Mr Patel at St James’s.`), words);
  assert.ok(!words.includes('I was told'), words);
  const marked = await browser.$$('[data-testid="gp-letter-preview"] mark').map((m) => m.getText());
  assert.ok(marked.includes('Gallstones. They offered an operation.'), marked.join(' | '));
  await shot('journey-4-letter-preview.png');

  // 5. Gather your records.
  await nextByKeyboard('records');
  await browser.$('button*=Add the usual records').click();
  await browser.$('#new_record').setValue('Blood test from August\uE007');
  await browser.$('[data-record="Blood test from August"]').waitForExist();
  assert.equal((await browser.$$('li.record')).length, 5);
  await browser.$('#records_holder').setValue('Leeds hospital records team');
  // Sent only: the date is approximate, allows for post, and says why.
  await setDate('#records_requested_on', isoDaysAgo(3));
  const due = browser.$('[data-testid="records-due"]');
  await due.waitForExist({ timeout: 10000 });
  assert.match(await due.getText(), /about \d{1,2} \w+ \d{4}, due in \d+ days/);
  assert.equal(await due.getAttribute('data-approximate'), 'true');
  const guess = browser.$('[data-guide="records-due-approximate"]');
  assert.match(await guess.getText(), /allows 5 days for the post/);
  assert.match(await browser.$('[data-guide="records-due-from-received"]').getText(), /starts on the day they get your request/);
  assert.match(await browser.$('[data-guide="records-due-longer-or-no-reply"]').getText(), /Information Commissioner's Office \(ICO\)/);
  await waitSaved();
  await browser.execute(() => document.querySelector('#records_holder').scrollIntoView());
  await shot('journey-5-records-due-sent-only.png');
  // The day received: the month counts from it, exactly.
  await setDate('#records_received_on', isoDaysAgo(1));
  await browser.waitUntil(async () => (await due.getAttribute('data-approximate')) === 'false', { timeout: 10000 });
  await guess.waitForExist({ reverse: true, timeout: 5000 });
  const monthOn = (iso) => {
    const [y, m, d] = iso.split('-').map(Number);
    const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
    const due = new Date(Date.UTC(y, m, Math.min(d, last)));
    return due.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  };
  const dueWords = monthOn(isoDaysAgo(1));
  assert.match(await due.getText(), new RegExp(`^Records due: ${dueWords}, due in \\d+ days$`));
  await waitSaved();
  await screenshotWholeStep('journey-5-records.png');
  await browser.execute(() => document.querySelector('#records_holder').scrollIntoView());
  await shot('journey-5-records-due.png');
  const records = await printed('button=Write the records request', 'records-letter-saved', 'health-records-request-');
  assert.ok(records.includes('Leeds hospital records team'), 'addressed to the records holder');
  assert.ok(records.includes('within one calendar month of receiving this request'), 'the month counts from receiving it');
  assert.ok(!records.includes(dueWords), 'no due date counted from the day asked');
  await browser.execute(() => document.querySelector('.records').scrollIntoView());
  await shot('journey-5-records-list.png');

  // Restart in the middle: everything so far is still there.
  await browser.deleteSession();
  browser = await openApp();
  const open = browser.$(`button=${name}`);
  await open.waitForDisplayed({ timeout: 10000 });
  await open.click();
  await browser.$('#patient_name').waitForDisplayed();
  assert.equal(await browser.$('#patient_name').getValue(), name);
  assert.ok(await browser.$('input[name="for_whom"][value="someone-i-help"]').isSelected());
  assert.ok(await browser.$('input[name="urgency"][value="routine"]').isSelected());
  assert.equal(await browser.$('#diagnosed_when').getValue(), 'October 2026');
  await goByMap('is-it-right');
  assert.ok(await browser.$('input[type="checkbox"][value="reason-doubt"]').isSelected());
  assert.ok(await (await browser.$$('input[name="before-know_enough"]'))[1].isSelected());
  assert.equal(await browser.$('#go_ahead_why').getValue(), 'I want to be sure before an operation.');
  await goByMap('choose-route');
  assert.ok(await browser.$('input[name="route"][value="route-nhs-specialist-via-gp"]').isSelected());
  assert.equal(await browser.$('#specialist_notes').getValue(), 'Ask about Mr Patel at St James’s.');
  await goByMap('ask');
  assert.equal(await browser.$('#asked_on').getValue(), uk(isoDaysAgo(7)));
  assert.equal(await browser.$('#carer_name').getValue(), 'Siobhán O’Neill');
  assert.equal(await browser.$('#answer').getValue(), 'The GP will refer me.');
  await goByMap('records');
  assert.equal((await browser.$$('li.record')).length, 5);
  assert.equal(await browser.$('#records_holder').getValue(), 'Leeds hospital records team');
  assert.equal(await browser.$('#records_requested_on').getValue(), uk(isoDaysAgo(3)));
  assert.equal(await browser.$('#records_received_on').getValue(), uk(isoDaysAgo(1)));
  assert.ok(await browser.$('[data-testid="records-due"]').isDisplayed());

  // 6. Prepare.
  await nextByKeyboard('prepare');
  await browser.$('#appt_place').setValue('St James’s, clinic 4');
  await setDate('#appt_date', isoDaysAgo(-20));
  await browser.$('.bank details summary').click();
  await browser.$('.bank details input[type="checkbox"]').click();
  await browser.$('#own_question').setValue('Can my daughter come in with me?\uE007');
  await browser.$('[data-question="Can my daughter come in with me?"]').waitForExist();
  // The same question again (other capitals, no question mark) is refused, not added twice.
  await browser.$('#own_question').setValue('can my daughter come in with me\uE007');
  const refused = browser.$('[data-testid="own-question-refused"]');
  await refused.waitForDisplayed({ timeout: 5000 });
  assert.match(await refused.getText(), /already on your list/);
  assert.equal((await browser.$$('[data-question="Can my daughter come in with me?"]')).length, 1);
  await browser.$('#own_question').clearValue();
  // Move it to the top with the keyboard, and mark it as most important.
  await browser.execute(() => document.getElementById('q-up-1').focus());
  await browser.keys('Enter');
  await browser.waitUntil(
    async () => (await browser.$('ol.chosen li').getAttribute('data-question')) === 'Can my daughter come in with me?',
    { timeout: 5000 },
  );
  await browser.$('ol.chosen li input[type="checkbox"]').click();
  await browser.$('button=Add a line').click();
  await browser.$('#tl-when-0').setValue('August 2026');
  await browser.$('#tl-what-0').setValue('Pain after meals');
  await browser.$('button=Add a medicine').click();
  await browser.$('#med-name-0').setValue('Paracetamol');
  await browser.$('input[type="checkbox"][value="bring-letters"]').click();
  await waitSaved();
  await screenshotWholeStep('journey-6-prepare.png');

  // The prep pack prints what was typed, top question first, with the nation's help.
  await browser.$('button=Print my prep pack').click();
  await browser.$('[data-testid="pack-saved"]').waitForExist({ timeout: 30000 });
  const packFile = readdirSync(folders.saved).find((f) => f.startsWith('second-opinion-appointment-pack-'));
  assert.ok(packFile, 'the pack is saved under a name with no health details');
  const pack = execFileSync('pdftotext', ['-layout', path.join(folders.saved, packFile), '-'], {
    encoding: 'utf8',
  }).replace(/\s+/g, ' ');
  for (const value of [name, 'St James’s, clinic 4', 'Can my daughter come in with me?', 'Pain after meals', 'Paracetamol']) {
    assert.ok(pack.includes(value), `the pack holds "${value}"`);
  }
  assert.ok(
    pack.indexOf('Can my daughter come in with me?') < pack.indexOf('Pain after meals'),
    'the most important question comes before the timeline',
  );
  assert.match(pack, /Page 1 of \d+/);

  // Ctrl+P makes the pack the button makes: on the paper and in the print size chosen for it.
  const packPath = () => {
    const file = readdirSync(folders.saved).find((f) => f.startsWith('second-opinion-appointment-pack-'));
    return file && path.join(folders.saved, file);
  };
  const pageSize = (info) => /Page size:\s+(.*)/.exec(info)?.[1];
  const a4Info = execFileSync('pdfinfo', [packPath()], { encoding: 'utf8' });
  const packSection = browser.$('section.pack');
  await packSection.$('input[type="checkbox"]').click();
  await packSection.$('select').selectByAttribute('value', 'us-letter');
  rmSync(packPath());
  await packSection.$('button=Print my prep pack').click();
  await browser.waitUntil(async () => packPath() !== undefined && (await browser.$('[data-testid="pack-saved"]').isExisting()), {
    timeout: 30000,
    timeoutMsg: 'the button prints the pack again',
  });
  const byButton = readFileSync(packPath());
  const buttonInfo = execFileSync('pdfinfo', [packPath()], { encoding: 'utf8' });
  assert.match(pageSize(buttonInfo), /^612 x 792 pts/, 'US Letter, as chosen');
  assert.notEqual(pageSize(buttonInfo), pageSize(a4Info));
  rmSync(packPath());
  await browser.keys(['Control', 'p']);
  await browser.$('[data-testid="shortcut-pack-saved"]').waitForExist({ timeout: 30000 });
  const byKeys = readFileSync(packPath());
  const keysInfo = execFileSync('pdfinfo', [packPath()], { encoding: 'utf8' });
  assert.equal(pageSize(keysInfo), pageSize(buttonInfo), 'Ctrl+P prints on the paper chosen');
  assert.equal(/Pages:\s+(\d+)/.exec(keysInfo)?.[1], /Pages:\s+(\d+)/.exec(buttonInfo)?.[1]);
  assert.equal(byKeys.length, byButton.length, 'the same document, byte for byte in size');
  assert.ok(byKeys.equals(byButton), 'the same document');

  await browser.execute(() => document.querySelector('.own').scrollIntoView());
  await shot('journey-6-questions.png');

  // 7. After the appointment: the person says whether the doctors say the same thing; the app
  // never decides it from the words.
  await nextByKeyboard('after-appointment');
  // The first opinion comes first, started from step 1's words, and can be changed.
  const order = await browser.execute(() => [...document.querySelectorAll('form textarea')].map((t) => t.id).slice(0, 6));
  assert.deepEqual(order.slice(0, 5), ['first-diagnosis', 'first-options', 'first-risks', 'first-recommendation', 'first-anything_new']);
  assert.equal(order[5], 'second-diagnosis');
  await browser.waitUntil(async () => (await browser.$('#first-diagnosis').getValue()) === 'Gallstones. They offered an operation.', {
    timeout: 5000,
    timeoutMsg: 'the first diagnosis is filled in from step 1',
  });
  await browser.$('#second-diagnosis').setValue('Gallstones');
  await browser.$('#second-risks').setValue('Infection and bleeding');
  await browser.$('#second-recommendation').setValue('Wait and watch for six months');
  await browser.$('#first-diagnosis').setValue('Gallstones, with some inflammation.');
  await browser.$('#first-risks').setValue('Infection');
  await browser.$('#first-recommendation').setValue('An operation to remove the gallbladder');
  await browser.$('#answer-0').setValue('Yes, she can.');
  const sameAs = (part, answer) => browser.$(`input[name="same-${part}"][value="${answer}"]`);
  await sameAs('recommendation', 'no').waitForExist({ timeout: 10000 });
  const row = (part) => browser.$(`tr[data-part="${part}"]`);
  for (const part of ['diagnosis', 'risks', 'recommendation']) {
    assert.equal(await row(part).getAttribute('data-answer'), 'none', `${part}: no verdict before the person answers`);
    assert.doesNotMatch(await row(part).getText(), /different|the same thing about/);
  }
  assert.equal(await browser.$('[data-testid="third-opinion"]').isExisting(), false, 'no third-opinion guidance from words alone');
  assert.equal(await browser.$('input[name="same-options"]').isExisting(), false, 'nothing noted: not asked');
  await sameAs('diagnosis', 'yes').click();
  await sameAs('risks', 'not-sure').click();
  await sameAs('recommendation', 'no').click();
  await browser.waitUntil(async () => (await row('recommendation').getAttribute('data-answer')) === 'no', { timeout: 10000 });
  await browser.waitUntil(async () => (await row('risks').getAttribute('data-answer')) === 'not-sure', { timeout: 10000 });
  assert.match(await row('recommendation').getText(), /You noted different things from the two doctors about what they advise\./);
  assert.match(await row('recommendation').getText(), /You could ask/);
  assert.match(await row('risks').getText(), /You are not sure if the two doctors say the same thing about the risks\./);
  assert.match(await row('risks').getText(), /Can you help me check\?/);
  assert.doesNotMatch(await row('diagnosis').getText(), /You could ask/);
  const third = browser.$('[data-testid="third-opinion"]');
  await third.waitForExist({ timeout: 10000 });
  assert.match(await third.getText(), /You noted different things from the two doctors about what they advise/);
  await waitSaved();
  await browser.$('[data-testid="comparison"]').scrollIntoView();
  await shot('journey-7-compare.png');
  await browser.execute(() => document.querySelector('tr[data-part="recommendation"]').scrollIntoView());
  await shot('journey-7-compare-answers.png');

  // 8. Decide and tell.
  await nextByKeyboard('decide-and-tell');
  assert.equal(await browser.$('[data-testid="next-step"]').isExisting(), false, 'the last step');
  await browser.$('#decision').setValue('Wait and watch, and see the GP in three months.');
  await (await browser.$$('input[name="after-know_enough"]'))[0].click();
  await browser.$('#next_steps').setValue('Write to Dr Ahmed and Mr Patel.');
  const moved = await browser.$$('tr[data-readiness="know_enough"] td').map((td) => td.getText());
  assert.deepEqual(moved, ['No', 'Yes'], 'before and now, side by side');
  await waitSaved();
  await screenshotWholeStep('journey-8-decide.png');
  const letter = await printed('button=Write the letter to both doctors', 'decision-letter-saved', 'second-opinion-decision-2');
  assert.ok(letter.includes('Wait and watch, and see the GP in three months.'), 'the decision is in the letter');
  // Someone helps with this case, so the letter speaks in the helper's voice.
  assert.ok(letter.includes('We noted different things from the two doctors about what they advise.'), 'the person\'s own answer, in the letter');
  assert.ok(letter.includes('We are not sure if the two doctors said the same thing about the risks.'), 'not sure, in the letter');
  assert.ok(!letter.includes('about what the illness is'), 'the diagnosis they called the same is not named');
  // Paper size is a setting: the summary on US Letter.
  const selects = await browser.$$('select');
  await selects[selects.length - 1].selectByAttribute('value', 'us-letter');
  const summary = await printed('button=Print the decision summary', 'decision-summary-saved', 'second-opinion-decision-summary-');
  const summaryFile = readdirSync(folders.saved).find((f) => f.startsWith('second-opinion-decision-summary-'));
  const info = execFileSync('pdfinfo', [path.join(folders.saved, summaryFile)], { encoding: 'utf8' });
  assert.match(info, /Page size:\s+612 x 792 pts/, 'US Letter when asked');
  const letterInfo = execFileSync('pdfinfo', [path.join(folders.saved, readdirSync(folders.saved).find((f) => f.startsWith('second-opinion-decision-2')))], { encoding: 'utf8' });
  assert.match(letterInfo, /Page size:\s+595\.2\d* x 841\.8\d* pts/, 'A4 by default');
  assert.ok(summary.includes('Wait and watch for six'), 'the second opinion is in the summary');
  for (const said of [
    'No, different',
    'Yes, the', // "Yes, the same" wraps in its cell
    'Not sure',
    'I noted different things from the two doctors about what they advise.',
    'I am not sure if the two doctors say the same thing about the risks.',
    'Questions I would like to ask',
  ]) {
    assert.ok(summary.includes(said), `the summary says "${said}"`);
  }
  for (const never of ['they differ', 'differ about', 'third opinion']) {
    assert.ok(!summary.includes(never), `no verdict of the app's own: "${never}"`);
  }

  // Every step is marked as having something recorded on the map.
  const done = await browser.$$('nav.map li.done');
  assert.equal(done.length, 8);

  // Restart again: the later steps are kept too.
  await browser.deleteSession();
  browser = await openApp();
  await browser.$(`button=${name}`).waitForDisplayed({ timeout: 10000 });
  await screenshotWholeStep('journey-home.png');
  const upcoming = await browser.$('.upcoming').getText();
  assert.match(upcoming, /appointment is on/);
  assert.ok(upcoming.includes(`Your records are due by ${dueWords}`), 'the upcoming panel counts from the day received');
  await browser.$(`button=${name}`).click();
  await goByMap('prepare');
  assert.equal(await browser.$('#appt_place').getValue(), 'St James’s, clinic 4');
  assert.equal(await browser.$('ol.chosen li').getAttribute('data-question'), 'Can my daughter come in with me?');
  assert.ok(await browser.$('ol.chosen li input[type="checkbox"]').isSelected());
  assert.equal(await browser.$('#tl-what-0').getValue(), 'Pain after meals');
  assert.equal(await browser.$('#med-name-0').getValue(), 'Paracetamol');
  assert.ok(await browser.$('input[type="checkbox"][value="bring-letters"]').isSelected());
  await goByMap('after-appointment');
  assert.equal(await browser.$('#second-recommendation').getValue(), 'Wait and watch for six months');
  assert.ok(await browser.$('input[name="same-recommendation"][value="no"]').isSelected(), 'the answer is kept');
  assert.ok(await browser.$('input[name="same-risks"][value="not-sure"]').isSelected());
  assert.equal(await browser.$('#answer-0').getValue(), 'Yes, she can.');
  await goByMap('decide-and-tell');
  assert.equal(await browser.$('#decision').getValue(), 'Wait and watch, and see the GP in three months.');
  assert.ok(await (await browser.$$('input[name="after-know_enough"]'))[0].isSelected());
  await browser.$('button=Back to the start').click();
  await browser.$('button=Start').waitForDisplayed();
});

test('in hospital and getting worse: Martha’s Rule is shown and the journey does not go on', async () => {
  await startNewCase();
  await browser.$('#patient_name').waitForDisplayed();
  await browser.$('#patient_name').setValue('Ward test');
  await browser.$('input[name="nation"][value="england"]').click();
  assert.ok(await browser.$('[data-testid="next-step"]').isDisplayed());
  await browser.$('input[name="in_hospital"][value="yes-getting-worse"]').click();
  const urgent = browser.$('[data-testid="urgent-hospital-help"]');
  await urgent.waitForDisplayed({ timeout: 10000 });
  const notice = browser.$('[data-notice="notice-marthas-rule"]');
  assert.ok(await notice.isDisplayed());
  assert.match(await notice.getText(), /Martha's Rule/);
  assert.equal(await browser.$('[data-testid="next-step"]').isExisting(), false, 'no next step');
  assert.equal(await browser.$('nav.map').isExisting(), false, 'no journey map');
  await browser.$('aside=In an emergency call 999. For urgent help that is not an emergency, call NHS 111 or use NHS 111 online.').waitForDisplayed({ timeout: 10000 });
  await shot('journey-marthas-rule.png');
  // The nation question stays on this screen, and the help follows it.
  await browser.$('[data-testid="urgent-hospital-help"] input[name="nation"][value="scotland"]').click();
  await browser.$('[data-notice="notice-inpatient-getting-worse"]').waitForDisplayed({ timeout: 10000 });
  assert.equal(await browser.$('[data-notice="notice-marthas-rule"]').isExisting(), false, "Martha's Rule is England's");
  await browser.$('[data-testid="urgent-hospital-help"] input[name="nation"][value="england"]').click();
  await notice.waitForDisplayed({ timeout: 10000 });
  // Ctrl+P here prints nothing: no pack is made, and nothing is said about one.
  const before = readdirSync(folders.saved).length;
  await browser.keys(['Control', 'p']);
  await browser.$('[data-testid="urgent-print-note"]').waitForDisplayed({ timeout: 10000 });
  assert.equal(await browser.$('[data-testid="shortcut-pack-saved"]').isExisting(), false);
  assert.equal(readdirSync(folders.saved).length, before, 'no file saved');
  // Changing the answer brings the steps back.
  await browser.$('input[name="in_hospital"][value="yes-stable"]').click();
  await browser.$('[data-testid="next-step"]').waitForDisplayed({ timeout: 10000 });
  await browser.$('button=Back to the start').click();
  await browser.$('button=Start').waitForDisplayed();
});

test('Scotland’s help names PASS, not PALS', async () => {
  await startNewCase();
  await browser.$('#patient_name').waitForDisplayed();
  await browser.$('#patient_name').setValue('Scotland test');
  await browser.$('input[name="nation"][value="scotland"]').click();
  await browser.$('[data-testid="help"] summary').click();
  await browser.$('[data-org="help-pass"]').waitForDisplayed({ timeout: 10000 });
  const help = await browser.$('[data-testid="help"]').getText();
  assert.match(help, /PASS/);
  assert.doesNotMatch(help, /PALS/);
  await browser.$('[data-org="help-pass"]').scrollIntoView();
  await shot('journey-help-scotland.png');
  // Help is there on every step.
  await goByMap('prepare');
  assert.ok(await browser.$('[data-testid="help"]').isDisplayed());
});

test('cases can be renamed, archived, brought back and deleted after a confirmation that names them', async () => {
  // A button on the card of the case with this name (the case's name is in each button's
  // accessible name, visually hidden).
  const onCard = (caseName, label) =>
    browser.$(`//li[contains(@class,"case-card")][.//*[normalize-space()="${caseName}"]]//button[starts-with(normalize-space(.),"${label}")]`);
  const back = browser.$('button=Back to the start');
  if (await back.isExisting()) await back.click();
  await browser.$('button=Scotland test').waitForDisplayed({ timeout: 10000 });
  await onCard('Scotland test', 'Rename').click();
  const input = browser.$('input[id^="rename-"]');
  await input.setValue('Isla from Oban');
  await browser.$('button=Save the name').click();
  await browser.$('button=Isla from Oban').waitForDisplayed({ timeout: 10000 });

  await onCard('Isla from Oban', 'Archive').click();
  await browser.$('summary*=Archived cases').waitForDisplayed({ timeout: 10000 });
  assert.equal(await browser.$('button=Isla from Oban').isExisting(), false, 'out of the main list');
  await browser.$('summary*=Archived cases').click();
  await onCard('Isla from Oban', 'Bring back').click();
  await browser.$('button=Isla from Oban').waitForDisplayed({ timeout: 10000 });

  await onCard('Isla from Oban', 'Delete').click();
  const dialog = browser.$('dialog[open]');
  await dialog.waitForDisplayed();
  assert.match(await dialog.getText(), /Delete the case for Isla from Oban\?/);
  await shot('journey-delete-dialog.png');
  await browser.$('button=No, keep it').click();
  assert.ok(await browser.$('button=Isla from Oban').isDisplayed(), 'kept when the person says no');
  await onCard('Isla from Oban', 'Delete').click();
  await browser.$('button=Yes, delete it').click();
  await browser.$('button=Isla from Oban').waitForExist({ reverse: true, timeout: 10000 });
  assert.ok(await browser.$(`button=${name}`).isDisplayed(), 'other cases stay');
});
