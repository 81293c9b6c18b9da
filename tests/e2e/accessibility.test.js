// Accessibility in the real webview: axe-core (WCAG 2.2 A and AA) on every screen, the text-size
// setting (normal, large, larger = 200%) with nothing running off the side, high contrast, the
// About and Help pages, and undo for removed lines. Screenshots go to tests/output/screenshots.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { Key } from 'webdriverio';
import path from 'node:path';
import {
  copyRecoveryCode,
  enterProfile,
  goToStep,
  openApp,
  press,
  screenshotDir,
  startDriver,
  stopDriver,
  testFolders,
  testProfile,
} from './app.js';
import { axeViolations, checkedScreens } from './axe.js';

const folders = testFolders();
let driver;
let browser;
const problems = [];

async function shot(file) {
  await browser.execute(async () => {
    await document.fonts.ready;
    window.scrollTo(0, 0);
  });
  await browser.saveScreenshot(path.join(screenshotDir, file));
}

/** Runs axe now and keeps any violations for the final report (so one run shows them all). */
async function check(screen) {
  // After the fonts and two frames, the screen is drawn as the person sees it.
  await browser.execute(async () => {
    await document.fonts.ready;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
  const found = await axeViolations(browser);
  checkedScreens.push(screen);
  for (const v of found) problems.push(`${screen}: ${v.id} (${v.impact}) ${v.help}\n    ${v.nodes.join('\n    ')}`);
}

/** Opens every <details> on the screen, so what is inside is checked too. */
const openAllDetails = () =>
  browser.execute(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));

/** Nothing is wider than the window: no sideways scrolling, so nothing is cut off. */
async function assertFitsWidth(where) {
  const { scroll, client, wide } = await browser.execute(() => {
    const root = document.documentElement;
    const wide = [...document.querySelectorAll('main *, header *')]
      .filter((el) => el.getClientRects().length > 0 && el.getBoundingClientRect().right > root.clientWidth + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 40)}"`);
    return { scroll: root.scrollWidth, client: root.clientWidth, wide };
  });
  assert.ok(scroll <= client + 1 && wide.length === 0, `${where}: wider than the window (${scroll} > ${client}): ${wide.join(', ')}`);
}

async function setTextSize(size) {
  await browser.$('button=Text size and colours').click();
  await browser.$(`input[name="text-size"][value="${size}"]`).click();
  await browser.waitUntil(async () => (await browser.execute(() => document.documentElement.dataset.textSize)) === size);
}
async function setContrast(contrast) {
  await browser.$(`input[name="contrast"][value="${contrast}"]`).click();
  await browser.waitUntil(async () => (await browser.execute(() => document.documentElement.dataset.contrast)) === contrast);
}
async function closePage(label) {
  const button = browser.$(`button=${label}`);
  await button.click();
  // The page closes on the next render: wait for that, so the next click reaches the screen
  // underneath rather than the page going away.
  await button.waitForDisplayed({ reverse: true, timeout: 5000 });
}

const step = (id) => goToStep(browser, id);

before(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  driver = await startDriver(folders);
  browser = await openApp({ profile: null });
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  await stopDriver(driver);
});

test('every screen passes axe (WCAG 2.2 AA) inside the real webview', async () => {
  // The profile picker: making the first profile.
  await browser.$('#new-name').waitForDisplayed();
  // axe really runs here: a picture with no text is found.
  await browser.execute(() => {
    const img = document.createElement('img');
    img.id = 'axe-canary';
    img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
    document.querySelector('main').append(img);
  });
  const canary = await axeViolations(browser);
  assert.deepEqual(canary.map((v) => v.id), ['image-alt'], 'axe finds a picture with no text');
  await browser.execute(() => document.getElementById('axe-canary').remove());
  await check('profile picker: make a profile');
  await browser.$('button=Make my profile').click(); // empty: the problem is announced
  await browser.$('p.problem').waitForDisplayed();
  await check('profile picker: a problem shown');
  await enterProfile(browser, testProfile);

  // Home, empty.
  await browser.$('button=Start').waitForDisplayed();
  await check('home, no cases');
  assert.match(await browser.$('[data-testid="no-cases"]').getText(), /No cases yet/);

  // The app menu's choices reach the window as the event "menu" (here sent as the menu does).
  await browser.execute(() =>
    window.__TAURI_INTERNALS__.invoke('plugin:event|emit', { event: 'menu', payload: 'about' }),
  );
  await browser.$('h1=About Second Opinion').waitForDisplayed({ timeout: 5000 });
  await closePage('Close');
  // Ctrl+P with no case open says what to do.
  await browser.keys([Key.Ctrl, 'p']);
  await browser.$('p.shortcut-note=To print a prep pack, open a case first.').waitForDisplayed({ timeout: 5000 });

  // Settings, Help and About.
  await browser.$('button=Text size and colours').click();
  await browser.$('h1=Text size and colours').waitForDisplayed();
  await check('settings');
  await closePage('Done');
  await browser.$('button=Help').click();
  await browser.$('#help-urgent').waitForDisplayed();
  // What stays after a delete, and the lists of recent files, are told where the person reads.
  assert.match(await browser.$('#help-deleted').getText(), /keeps the 5 newest backups/);
  assert.match(await browser.$('#help-recent-files').getText(), /may keep its own list of recent files/);
  await check('help');
  await closePage('Close the help');
  await browser.$('button=About').click();
  await browser.$('[data-testid="app-version"]').waitForDisplayed();
  await openAllDetails();
  await check('about');
  await closePage('Close');

  // The journey, step by step.
  await browser.$('button=Start').click();
  await browser.$('#patient_name').waitForDisplayed();
  await check('step 1, empty');
  await browser.$('#patient_name').setValue('Gwen Ŵyn-Jones');
  await browser.$('input[name="nation"][value="wales"]').click();
  await browser.$('input[name="in_hospital"][value="no"]').click();
  await browser.$('#diagnosis').setValue('A lump in the breast. They want to operate soon.');
  await check('step 1, filled');
  for (const id of ['is-it-right', 'choose-route', 'ask', 'records', 'prepare', 'after-appointment', 'decide-and-tell']) {
    await step(id);
    await openAllDetails();
    await check(`step ${id}`);
  }
  // Lines with an undo, a date typed the UK way, and the help panel open.
  await step('prepare');
  await browser.$('#appt_date').setValue('3 Feb 2027');
  await browser.keys('Tab');
  await browser.$('[data-testid="appt_date-words"]').waitForDisplayed();
  assert.equal(await browser.$('[data-testid="appt_date-words"]').getText(), '3 February 2027');
  assert.equal(await browser.$('#appt_date').getValue(), '03/02/2027');
  // Emptied with only a `change` event (as WebDriver's Element Clear does) and typed into at
  // once, in one go so that no answer can come between: the date read before must not come
  // back over what is typed.
  await browser.execute(() => {
    const box = document.getElementById('appt_date');
    box.value = '';
    box.dispatchEvent(new Event('change', { bubbles: true }));
    box.value = '3';
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await browser.$('#appt_date').addValue('1/02/2027');
  await browser.keys('Tab');
  await browser.$('#appt_date-about .problem').waitForDisplayed();
  assert.equal(await browser.$('#appt_date').getValue(), '31/02/2027');
  await browser.$('#appt_date').setValue('3 Feb 2027');
  await browser.keys('Tab');
  await browser.$('[data-testid="appt_date-words"]').waitForDisplayed();
  assert.equal(await browser.$('#appt_date').getValue(), '03/02/2027');
  await browser.$('#appt_place').click(); // the date box shows its problem in words
  await browser.$('#appt_date').setValue('31/02/2027');
  await browser.keys('Tab');
  await browser.$('#appt_date-about .problem').waitForDisplayed();
  assert.match(await browser.$('#appt_date-about').getText(), /no such date/);
  assert.equal(await browser.$('#appt_date').getAttribute('aria-invalid'), 'true');
  await check('step prepare, a date problem');
  await browser.$('#appt_date').setValue('03/02/2027');
  await browser.keys('Tab');
  await browser.$('[data-testid="appt_date-words"]').waitForDisplayed({ timeout: 5000 });
  await press(browser, 'button=Add a line');
  await browser.$('#tl-when-0').waitForDisplayed({ timeout: 5000 });
  await browser.$('#tl-when-0').setValue('June 2026');
  await browser.$('#tl-what-0').setValue('Found the lump');
  await browser.$('#own_question').setValue('How soon must I decide?\uE007');
  await browser.$('[data-question="How soon must I decide?"]').waitForExist();
  await browser.$('//li[@data-question="How soon must I decide?"]//button[starts-with(normalize-space(.),"Remove")]').click();
  await browser.$('#undo-questions').waitForDisplayed();
  assert.equal(await browser.$('[data-question="How soon must I decide?"]').isExisting(), false);
  assert.equal(await browser.execute(() => document.activeElement?.id), 'undo-questions', 'focus on Undo');
  await check('step prepare, undo shown');
  await browser.$('#undo-questions').click();
  await browser.$('[data-question="How soon must I decide?"]').waitForExist();
  await browser.$('#tl-remove-0').click();
  assert.equal(await browser.$('#tl-what-0').isExisting(), false);
  await browser.$('#undo-timeline').click();
  assert.equal(await browser.$('#tl-what-0').getValue(), 'Found the lump', 'the line is back as it was');
  await openAllDetails();
  await check('step prepare, filled, help open');

  // Martha's Rule / urgent help.
  await step('situation');
  await browser.$('input[name="in_hospital"][value="yes-getting-worse"]').click();
  await browser.$('[data-testid="urgent-hospital-help"]').waitForDisplayed({ timeout: 10000 });
  await check('urgent help (in hospital, getting worse)');
  await browser.$('input[name="in_hospital"][value="no"]').click();
  await browser.$('[data-testid="next-step"]').waitForDisplayed({ timeout: 10000 });

  // Home with a case, and the delete confirmation.
  await browser.$('button=Back to the start').click();
  await browser.$('button=Gwen Ŵyn-Jones').waitForDisplayed({ timeout: 10000 });
  await check('home, with a case');
  await browser.$('button*=Delete').click();
  await browser.$('dialog[open]').waitForDisplayed();
  await check('delete confirmation');
  await browser.$('button=No, keep it').click();

  // High contrast, then the profile picker when locked.
  await browser.$('button=Text size and colours').click();
  await setContrast('high');
  await check('settings, high contrast');
  await closePage('Done');
  await check('home, high contrast');
  await browser.$('button=Gwen Ŵyn-Jones').click();
  await browser.$('#patient_name').waitForDisplayed();
  await check('step 1, high contrast');
  await shot('high-contrast-step-1.png');
  await browser.keys(['Control', 'l']);
  await browser.$('button=Test person').waitForDisplayed({ timeout: 10000 });
  await check('profile picker: choose a profile, high contrast');
  await browser.$('button=Text size and colours').click();
  await setContrast('standard');
  await closePage('Done');
  await browser.$('button=Test person').click();
  await browser.$('#passphrase').waitForDisplayed();
  await check('profile picker: unlock');
  await browser.$('button=Forgotten the passphrase? Use the recovery code').click();
  await browser.$('#recovery-code').waitForDisplayed();
  await check('profile picker: forgotten passphrase');
  await browser.$('button=Back').click();
  await browser.$('#passphrase').waitForDisplayed();
  await browser.$('button=Back').click();

  // A second person's profile: its recovery code, its settings, a helper and the banner.
  const carerCase = { name: 'Nain Hughes', passphrase: 'slate quarry morning bread' };
  await browser.$('button=Make a new profile').click();
  await browser.$('#new-name').setValue(carerCase.name);
  await browser.$('#new-passphrase').setValue(carerCase.passphrase);
  await browser.$('#repeat-passphrase').setValue(carerCase.passphrase);
  await browser.$('button=Make my profile').click();
  await browser.$('[data-testid="recovery-code"]').waitForDisplayed({ timeout: 30000 });
  await check('profile picker: the recovery code');
  await browser.$('button=I have written it down').click();
  await browser.$('#check-recovery-code').waitForDisplayed();
  await check('profile picker: checking the recovery code');
  await browser.$('button=Show the code again').click();
  await copyRecoveryCode(browser);
  await browser.$('button=Your profile').waitForDisplayed({ timeout: 30000 });
  await browser.$('button=Your profile').click();
  await browser.$('#carer-name').waitForDisplayed({ timeout: 10000 });
  await openAllDetails();
  await check('profile settings');
  await browser.$('#carer-name').setValue('Siân Hughes');
  await browser.$('#carer-relationship').setValue('granddaughter');
  await browser.$('input[name="how-given"][value="signed-letter"]').click();
  await browser.$('#consent-passphrase').setValue(carerCase.passphrase);
  await browser.$('button=Save this consent').click();
  await browser.$('p.done*=may now help you').waitForDisplayed({ timeout: 30000 });
  await check('profile settings, a helper added');
  await browser.$('button=Lock').click();
  await browser.$(`button=${carerCase.name}`).click();
  await browser.$('#passphrase').setValue(carerCase.passphrase);
  await browser.$('button=Open').click();
  await browser.$('h1*=Who is using').waitForDisplayed({ timeout: 30000 });
  await check('who is using this profile');
  await browser.$('label*=I am Siân Hughes').click();
  await browser.$('button=Continue').click();
  await browser.$('[data-testid="helping-banner"]').waitForDisplayed({ timeout: 10000 });
  await check('home, with the helping banner');
  await browser.$('button=Lock').click();
  await browser.$('button=Test person').waitForDisplayed({ timeout: 10000 });

  await browser.$('button=Test person').click();
  await browser.$('#passphrase').setValue(testProfile.passphrase);
  await browser.$('button=Open').click();
  await browser.$('[data-testid="profile-name"]').waitForDisplayed({ timeout: 30000 });

  console.log(`axe checked ${checkedScreens.length} screens: ${checkedScreens.join('; ')}`);
  assert.equal(problems.length, 0, `axe found problems:\n${problems.join('\n')}`);

  // The strict CSP (no inline styles or scripts) refused nothing on any of those
  // screens, and it would have said so: an inline style is refused and counted.
  const refused = () => browser.execute(() => document.documentElement.dataset.cspRefused ?? '0');
  assert.equal(await refused(), '0', 'the content security policy refused something on a screen');
  await browser.execute(() => {
    const style = document.createElement('style');
    style.textContent = 'body { outline: 9px solid red; }';
    document.head.append(style);
  });
  await browser.waitUntil(async () => (await refused()) === '1', {
    timeout: 5000,
    timeoutMsg: 'an inline style was not refused by the content security policy',
  });
});

test('text size scales the whole app to 200% with nothing cut off, and is remembered', async () => {
  const screens = [
    ['home', async () => {
      const back = browser.$('button=Back to the start');
      if (await back.isExisting()) await back.click();
      await browser.$('button=Start').waitForDisplayed({ timeout: 10000 });
    }],
    ['step-1', async () => {
      await browser.$('button=Gwen Ŵyn-Jones').click();
      await browser.$('#patient_name').waitForDisplayed();
    }],
    ['step-6', async () => {
      await step('prepare');
      await browser.$('#appt_place').waitForDisplayed();
    }],
  ];
  const rootSize = () => browser.execute(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const sizes = {};
  for (const size of ['normal', 'large', 'larger']) {
    await setTextSize(size);
    await closePage('Done');
    sizes[size] = await rootSize();
    for (const [name, go] of screens) {
      await go();
      await browser.execute(() => window.scrollTo(0, 0));
      await assertFitsWidth(`${name} at ${size}`);
      await shot(`text-${size}-${name}.png`);
    }
    await check(`step 6 at text size ${size}`);
  }
  assert.equal(sizes.larger / sizes.normal, 2, 'larger is 200%');
  assert.equal(sizes.large / sizes.normal, 1.5);

  // The setting is kept for next time, and applies on the profile picker too.
  await browser.deleteSession();
  browser = await openApp({ profile: null });
  assert.equal(await browser.execute(() => document.documentElement.dataset.textSize), 'larger');
  assert.equal(await rootSize(), sizes.larger);
  await assertFitsWidth('profile picker at larger');
  await shot('text-larger-profile-picker.png');
  await check('profile picker at text size larger');
  await enterProfile(browser, testProfile);
  await setTextSize('normal');
  await closePage('Done');
  assert.equal(problems.length, 0, `axe found problems:\n${problems.join('\n')}`);
});
