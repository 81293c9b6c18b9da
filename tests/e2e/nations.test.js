// The right urgent help in each of the four nations, in the real app: the banner on every
// screen, the Help screen and the printed prep pack name that nation's urgent line and mental
// health crisis route, the steps show the medicines caution and the safety net, and the
// time-critical caution shows only when waiting could do harm. Northern Ireland has no NHS 111:
// nothing shown or printed for a case there may say it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Key } from 'webdriverio';
import {
  goToStep,
  openApp,
  screenshotDir,
  startDriver,
  stepShown,
  stopDriver,
  testFolders,
} from './app.js';
import { expectNoAxeViolations } from './axe.js';

const folders = testFolders();
let driver;
let browser;

const shot = (file) => browser.saveScreenshot(path.join(screenshotDir, file));

before(async () => {
  driver = await startDriver(folders);
  browser = await openApp();
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  await stopDriver(driver);
});

const nations = [
  {
    nation: 'england',
    suffix: 'england',
    banner: 'In an emergency call 999. For urgent help that is not an emergency, call NHS 111 or use NHS 111 online.',
    crisis: 'call 111 and pick the option for mental health',
    urgency: 'urgent',
    condition: null,
  },
  {
    nation: 'wales',
    suffix: 'wales',
    banner: 'In an emergency call 999. For urgent help that is not an emergency, call NHS 111 Wales on 111 or use its website.',
    crisis: 'call 111 and press 2',
    urgency: 'routine',
    condition: 'false',
  },
  {
    nation: 'scotland',
    suffix: 'scotland',
    banner: 'In an emergency call 999. For urgent help that is not an emergency, call NHS 24 on 111.',
    crisis: 'call NHS 24 on 111',
    urgency: 'not-said',
    condition: null,
  },
  {
    nation: 'northern-ireland',
    suffix: 'northern-ireland',
    banner:
      'In an emergency call 999. For urgent help that is not an emergency, contact your GP practice. If the practice is shut, contact your GP out-of-hours service.',
    crisis: 'call Lifeline on 0808 808 8000',
    urgency: 'routine',
    condition: 'true',
  },
];

const currentStep = () => stepShown(browser);

const goByMap = (step) => goToStep(browser, step);

const bannerText = () => browser.$('[data-testid="emergency-banner"]').getText();

/** Everything on screen now, as text. */
const screenText = () => browser.execute(() => document.body.innerText);

/** Waits until a step shows the notice (the backend chooses them once the nation is saved). */
async function waitNotice(id) {
  await browser.$(`[data-notice="${id}"]`).waitForDisplayed({ timeout: 10000, timeoutMsg: `${id} is shown` });
}

/** The ids of the safety notices on the current step, in order. */
const stepNotices = () =>
  browser.execute(() =>
    [...document.querySelectorAll('[data-testid="step-notices"] [data-notice]')].map((n) => n.getAttribute('data-notice')),
  );

/** Walks a new case in `n`'s nation through the steps, Help and the printed pack. */
async function checkNation(n) {
  const timeCritical = n.urgency !== 'routine' || n.condition === 'true';
  {
    const back = browser.$('button=Back to the start');
    if (await back.isExisting()) await back.click();
    await browser.$('button=Start').waitForDisplayed({ timeout: 10000 });
    await browser.$('button=Start').click();
    await browser.$('#patient_name').waitForDisplayed();
    // The disclaimer is at the top of step 1.
    assert.match(await browser.$('[data-testid="disclaimer"]').getText(), /does not give medical advice/);
    await browser.$('#patient_name').setValue(`Test ${n.nation}`);
    await browser.$(`input[name="nation"][value="${n.nation}"]`).click();
    await browser.$('input[name="in_hospital"][value="no"]').click();
    await browser.$(`input[name="urgency"][value="${n.urgency}"]`).click();
    if (n.condition !== null) {
      await browser.$(`input[name="cancer_or_mental_health"][value="${n.condition}"]`).click();
    }

    // The banner follows the nation chosen.
    await browser.waitUntil(async () => (await bannerText()) === n.banner, {
      timeout: 10000,
      timeoutMsg: `the banner gives ${n.nation}'s urgent line`,
    });
    // Step 1: the crisis route for this nation.
    await waitNotice(`notice-crisis-${n.suffix}`);
    const crisis = await browser.$(`[data-notice="notice-crisis-${n.suffix}"]`).getText();
    assert.ok(crisis.includes(n.crisis) && crisis.includes('116 123') && crisis.includes('999'), crisis);
    if (n.nation === 'northern-ireland') {
      await browser.execute(() => window.scrollTo(0, 0));
      await shot('nations-ni-1-situation.png');
      await expectNoAxeViolations(browser, 'step 1 with the disclaimer and the crisis route');
    }
    const seen = [await screenText()];

    // Every answer saved (the journey view, with its notices, comes back from the save).
    await browser.$('[data-status="saved"]').waitForExist({ timeout: 10000 });

    // Step 2: the crisis route and the medicines caution.
    await goByMap('is-it-right');
    await waitNotice(`notice-crisis-${n.suffix}`);
    await waitNotice('notice-keep-taking-medicines');
    seen.push(await screenText());

    // Steps 3, 4 and 6: the safety net; the time-critical caution first, only when it applies.
    for (const step of ['choose-route', 'ask', 'prepare']) {
      await goByMap(step);
      await waitNotice(`notice-safety-net-${n.suffix}`);
      const ids = await stepNotices();
      assert.equal(ids[0] === 'notice-time-critical', timeCritical, `${step}: ${ids}`);
      assert.equal(ids.includes('notice-time-critical'), timeCritical, `${step}: ${ids}`);
      assert.equal(ids.includes('notice-keep-taking-medicines'), step !== 'prepare', `${step}: ${ids}`);
      assert.equal(await bannerText(), n.banner, `${step}: the banner`);
      seen.push(await screenText());
      if (step === 'choose-route' && n.nation === 'england') {
        await shot('nations-england-3-time-critical.png');
        await expectNoAxeViolations(browser, 'choose a route with the time-critical caution');
      }
    }

    // Help (F1): this nation's urgent help first.
    await browser.keys([Key.F1]);
    const helpNow = browser.$('[data-testid="help-now"]');
    await helpNow.waitForDisplayed({ timeout: 10000 });
    const help = await helpNow.getText();
    assert.ok(help.includes(n.crisis), help);
    assert.ok(help.includes('999'), help);
    const whole = await browser.$('section[data-screen="help"]').getText();
    assert.equal(whole.includes('Lifeline'), n.nation === 'northern-ireland', 'only Northern Ireland’s help names Lifeline');
    seen.push(await screenText());
    if (n.nation === 'northern-ireland') {
      await shot('nations-ni-help.png');
      await expectNoAxeViolations(browser, 'Help with a nation’s urgent help');
    }
    await browser.$('button=Close the help').click();
    await browser.$('[data-current-step="prepare"]').waitForDisplayed({ timeout: 10000 });

    // The printed pack.
    await browser.$('button=Print my prep pack').click();
    await browser.$('[data-testid="pack-saved"]').waitForExist({ timeout: 30000 });
    const file = readdirSync(folders.saved).find((f) => f.startsWith('second-opinion-appointment-pack-'));
    assert.ok(file, 'the pack is saved');
    const pack = execFileSync('pdftotext', ['-layout', path.join(folders.saved, file), '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    // Kept beside the screenshots, to look at (pdftoppm), then removed so the next nation's is found.
    copyFileSync(path.join(folders.saved, file), path.join(screenshotDir, `nations-${n.suffix}-pack.pdf`));
    rmSync(path.join(folders.saved, file));
    for (const words of [
      'Keep safe while you wait',
      n.crisis,
      'Keep taking your medicines and going to your appointments',
      'If you get worse while you wait, do not wait for the second opinion.',
      'If you need help urgently',
      n.banner,
    ]) {
      assert.ok(pack.includes(words), `the ${n.nation} pack says "${words}"`);
    }
    assert.equal(pack.includes('Important: Waiting could cause harm'), timeCritical, 'the time-critical block only when it applies');
    assert.equal(pack.includes('How long is it safe to wait?'), timeCritical, 'its questions only when it applies');

    if (n.nation === 'northern-ireland') {
      for (const text of [...seen, pack]) assert.ok(!text.includes('NHS 111'), `no NHS 111 in Northern Ireland:\n${text}`);
      assert.ok(!(await bannerText()).includes('NHS 111'));
    }
  }
}

test('England (urgent): the banner, the steps, Help and the pack give England’s urgent line and crisis route', () =>
  checkNation(nations[0]));
test('Wales (routine): the banner, the steps, Help and the pack give Wales’s urgent line and crisis route', () =>
  checkNation(nations[1]));
test('Scotland (not said): the banner, the steps, Help and the pack give Scotland’s urgent line and crisis route', () =>
  checkNation(nations[2]));
test('Northern Ireland (mental health): no NHS 111 anywhere; GP out-of-hours and Lifeline in the banner, Help and the pack', () =>
  checkNation(nations[3]));

test('before the nation is known, the banner names every nation’s route; Home and About show the disclaimer', async () => {
  const back = browser.$('button=Back to the start');
  if (await back.isExisting()) await back.click();
  await browser.$('button=Start').waitForDisplayed({ timeout: 10000 });
  await browser.waitUntil(async () => (await bannerText()).includes('NHS 24 on 111 in Scotland'), { timeout: 10000 });
  const banner = await bannerText();
  for (const route of ['999', 'NHS 111 in England', 'NHS 111 Wales', 'GP out-of-hours']) assert.ok(banner.includes(route), banner);
  assert.match(await browser.$('[data-testid="disclaimer"]').getText(), /not for emergencies/);
  await browser.execute(() => window.scrollTo(0, 0));
  await shot('nations-home-disclaimer.png');
  await expectNoAxeViolations(browser, 'home with the disclaimer');

  // About shows the same disclaimer.
  await browser.$('button=About').click();
  await browser.$('h1=About Second Opinion').waitForDisplayed({ timeout: 5000 });
  const about = browser.$('section[data-screen="about"] [data-testid="disclaimer"]');
  await about.waitForDisplayed({ timeout: 5000 });
  assert.match(await about.getText(), /does not diagnose/);
  await expectNoAxeViolations(browser, 'About with the disclaimer');
  await browser.$('section[data-screen="about"]').$('button=Close').click();
  await browser.$('button=Start').waitForDisplayed({ timeout: 5000 });
});
