// Where the guidance comes from and how fresh it is, as a person sees it in the real app: the
// sources line on each step, the option of staying with the current plan, the readiness check's
// credit and next steps, each nation's own rights and help numbers, who made the app, and the
// notice on Home when the installed guidance is past its review date (with "today" passed in).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import {
  goToStep,
  openApp,
  screenshotDir,
  startDriver,
  stepShown,
  stopDriver,
  testFolders,
  waitSaveLine,
} from './app.js';

const folders = testFolders();
let driver;
let browser;

const shot = (file) => browser.saveScreenshot(path.join(screenshotDir, file));
/** The text of an element, hidden parts (closed details) included. */
const textOf = (selector) =>
  browser.execute((s) => document.querySelector(s)?.textContent.replace(/\s+/g, ' ') ?? '', selector);

const currentStep = () => stepShown(browser);

const goByMap = (step) => goToStep(browser, step);

async function newCase(patient, nation) {
  const back = browser.$('button=Back to the start');
  if (await back.isExisting()) await back.click();
  await browser.$('button=Start').waitForDisplayed({ timeout: 10000 });
  await browser.$('button=Start').click();
  await browser.$('#patient_name').waitForDisplayed();
  await browser.$('#patient_name').setValue(patient);
  await browser.$(`input[name="nation"][value="${nation}"]`).click();
  await browser.$('[data-testid="step-sources"]').waitForDisplayed({ timeout: 10000 });
}

after(async () => {
  await browser?.deleteSession().catch(() => {});
  await stopDriver(driver);
});

test('in-date guidance: no review notice; each step says where its guidance comes from', async () => {
  driver = await startDriver(folders);
  browser = await openApp();
  await browser.$('button=Start').waitForDisplayed({ timeout: 10000 });
  assert.equal(await browser.$('[data-testid="guidance-review"]').isExisting(), false, 'no notice while in date');

  await newCase('Sources test', 'scotland');
  for (const step of ['situation', 'is-it-right', 'choose-route', 'records']) {
    if (step !== 'situation') await goByMap(step);
    const line = await browser.$('[data-testid="step-sources"]').getText();
    assert.match(line, /Based on: .+\./, `${step}: based on`);
    assert.match(line, /Last reviewed \d{1,2} \w+ \d{4}\. Next review due \d{1,2} \w+ \d{4}\./, `${step}: dates`);
  }
  const records = await browser.$('[data-testid="step-sources"]').getText();
  assert.match(records, /Access to Health Records Act 1990/, 'the records step cites the law it explains');
  await browser.$('[data-testid="step-sources"]').scrollIntoView();
  await shot('guidance-step-sources.png');
});

test('staying with the current plan is an option card; the readiness check credits SURE and says what can help', async () => {
  await goByMap('is-it-right');
  const card = browser.$('[data-option="option-stay-with-current-plan"]');
  assert.ok(await card.isDisplayed());
  const cardText = await card.getText();
  assert.match(cardText, /Treatment can start sooner/);
  assert.match(cardText, /Possible benefits/);
  assert.match(cardText, /Possible drawbacks/);
  assert.ok(await browser.$('h3=Stay with the current plan').isDisplayed());
  assert.ok(await browser.$('h3=Ask for a second opinion').isDisplayed());
  assert.equal((await browser.$$('h4=Possible benefits')).length, 2, 'the same labels on both options');
  const page = await browser.$('[data-current-step]').getText();
  assert.doesNotMatch(page, /What can help|What to think about/, 'no unequal labels');
  await card.scrollIntoView();
  await shot('guidance-stay-option.png');

  const credit = await browser.$('[data-testid="readiness-before"] [data-testid="readiness-credit"]').getText();
  assert.match(credit, /SURE test/);
  assert.match(credit, /not the SURE test itself/);
  assert.equal(await browser.$('[data-testid="readiness-next"]').isExisting(), false, 'no hints before a No');
  await (await browser.$$('input[name="before-have_support"]'))[1].click(); // No
  const next = browser.$('[data-readiness-next="have_support"]');
  await next.waitForDisplayed({ timeout: 5000 });
  assert.match(await next.getText(), /someone you trust/);
  await (await browser.$$('input[name="before-have_support"]'))[0].click(); // Yes
  await browser.waitUntil(async () => !(await browser.$('[data-testid="readiness-next"]').isExisting()), { timeout: 5000 });
  await (await browser.$$('input[name="before-feel_sure"]'))[1].click(); // No
  await browser.$('[data-readiness-next="feel_sure"]').waitForDisplayed({ timeout: 5000 });
  await browser.$('[data-testid="readiness-before"]').scrollIntoView();
  await shot('guidance-readiness.png');
});

test('each nation has rights of its own, and help by phone from dated sources', async () => {
  await goByMap('choose-route');
  await browser.$('input[name="route"][value="route-nhs-specialist-via-gp"]').click();
  const via = await browser.$('[data-route="route-nhs-specialist-via-gp"]').getText();
  assert.match(via, /Your rights in Scotland/);
  assert.match(via, /Charter of Patient Rights and Responsibilities/);
  assert.doesNotMatch(via, /18-week|England only/, 'no England-only rights in Scotland');
  const help = await textOf('[data-testid="help"]');
  assert.match(help, /0800 917 2127/, 'PASS by phone');
  assert.match(help, /0808 808 00 00/, 'Macmillan by phone');
  await browser.execute(() =>
    document.querySelector('[data-route="route-nhs-specialist-via-gp"] .rights').scrollIntoView({ block: 'center' }),
  );
  await shot('guidance-rights-scotland.png');

  await newCase('Northern Ireland test', 'northern-ireland');
  await goByMap('choose-route');
  const ni = await browser.$('[data-route="route-nhs-specialist-via-gp"]').getText();
  assert.match(ni, /Your rights in Northern Ireland/);
  assert.match(ni, /GP out-of-hours service/);
  assert.doesNotMatch(ni, /NHS 111/);
  assert.match(await textOf('[data-testid="help"]'), /0800 917 0222/, 'the Patient and Client Council by phone');
  await goByMap('records');
  const guides = await textOf('section[aria-labelledby="how-title"]');
  assert.match(guides, /Access to Health Records \(Northern Ireland\) Order 1993/);
  assert.doesNotMatch(guides, /Act 1990/);
  assert.match(guides, /day they receive your request/);
  assert.match(await browser.$('[data-testid="step-sources"]').getText(), /\(Northern Ireland\) Order 1993/);
  await browser.$('button*=Add the usual records').click();
  await browser.$('[data-record="Pathology reports"]').waitForExist({ timeout: 5000 });
  assert.equal((await browser.$$('li.record')).length, 4, 'the usual records come from content');

  // The printed pack gives Northern Ireland's own help by phone, and no cancer charity: nothing
  // in this case names a cancer.
  await goByMap('prepare');
  // The records just added are saved and the step's notices drawn before the button is
  // pressed: a click while they still move the page can land beside it.
  await waitSaveLine(browser);
  await browser.$('button=Print my prep pack').click();
  await browser.$('[data-testid="pack-saved"]').waitForExist({ timeout: 30000 });
  const file = readdirSync(folders.saved).find((f) => f.startsWith('second-opinion-appointment-pack-'));
  assert.ok(file, 'the pack was saved');
  const pdf = path.join(folders.saved, file);
  const pack = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  assert.match(pack, /Patient and Client Council/);
  assert.match(pack, /0800 917 0222/);
  assert.doesNotMatch(pack, /Macmillan|0808 808 00 00/);
  assert.doesNotMatch(pack, /PALS|PASS \(/, 'no other nation\'s help service');
  execFileSync('pdftoppm', ['-png', '-r', '50', pdf, path.join(screenshotDir, 'guidance-pack-ni')]);
});

test('About says who made the app, that it takes no money from providers, and how it is kept up to date', async () => {
  await browser.execute(() =>
    window.__TAURI_INTERNALS__.invoke('plugin:event|emit', { event: 'menu', payload: 'about' }),
  );
  await browser.$('h1=About Second Opinion').waitForDisplayed({ timeout: 5000 });
  const who = browser.$('[data-testid="who-made-it"]');
  await who.waitForDisplayed({ timeout: 5000 });
  const text = await who.getText();
  assert.match(text, /Second Opinion developers/);
  assert.match(text, /takes no money from any doctor, hospital, clinic, insurer or other provider/);
  assert.match(text, /checked again at least once a year/);
  await who.scrollIntoView();
  await shot('guidance-about.png');
  await browser.$('button=Close').click();
});

test('past its review date, Home says so plainly (today passed in)', async () => {
  await browser.deleteSession();
  // Wait until the old driver has gone, so the new one (with "today" set) owns the port.
  await stopDriver(driver);
  driver = await startDriver(folders, { SECOND_OPINION_TEST_TODAY: '2031-06-01' });
  browser = await openApp();
  const notice = browser.$('[data-testid="guidance-review"]');
  await notice.waitForDisplayed({ timeout: 10000 });
  assert.match(
    await notice.getText(),
    /This guidance was due to be checked on \d{1,2} \w+ 20\d\d; some details may have changed\./,
  );
  await shot('guidance-home-review-due.png');
});
