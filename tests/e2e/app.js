// Starts the real Second Opinion binary through tauri-driver and WebKitWebDriver, with its own
// data and output folders so a test never touches a real person's data.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..');
export const appBinary =
  process.env.SECOND_OPINION_APP ??
  path.join(process.env.CARGO_TARGET_DIR ?? path.join(repoRoot, 'target'), 'debug', 'second-opinion');
export const screenshotDir = path.join(repoRoot, 'tests', 'output', 'screenshots');
mkdirSync(screenshotDir, { recursive: true });

// Set E2E_PORT to run two test runs side by side (WebKitWebDriver takes the next port).
const PORT = Number(process.env.E2E_PORT ?? 4444);

/** Folders of the app under test. */
export function testFolders() {
  const root = mkdtempSync(path.join(tmpdir(), 'second-opinion-e2e-'));
  const data = path.join(root, 'data');
  const saved = path.join(root, 'saved');
  // Where the OS's app-data folder would be: the app must not put the database there in tests.
  const home = path.join(root, 'xdg-data');
  const tmp = path.join(root, 'tmp');
  mkdirSync(data);
  mkdirSync(saved);
  mkdirSync(home);
  mkdirSync(tmp);
  return { root, data, saved, home, tmp };
}

/**
 * Starts tauri-driver; the app it launches inherits these folders through the environment.
 * `stderr` may be a file descriptor, to keep the app's log (hostile.test.js reads it).
 */
export async function startDriver(folders, extraEnv = {}, stderr = 'inherit') {
  const driver = spawn('tauri-driver', ['--port', String(PORT), '--native-port', String(PORT + 1)], {
    env: {
      ...process.env,
      SECOND_OPINION_DATA_DIR: folders.data,
      SECOND_OPINION_TEST_SAVE_DIR: folders.saved,
      XDG_DATA_HOME: folders.home,
      // The window-state plugin writes to the config folder: keep it in the test's folder too.
      XDG_CONFIG_HOME: folders.home,
      // The webview's caches, and every temporary file, stay in the test's folders too (the
      // recovery code test searches them).
      XDG_CACHE_HOME: folders.home,
      TMPDIR: folders.tmp,
      // Lock reloads the page in the same web process: WebKit ends a WebDriver session whose
      // page's process ends (memory.test.js unsets this, to test what a release does).
      SECOND_OPINION_TEST_KEEP_WEB_PROCESS: '1',
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', stderr],
    // A process group of its own, so `kill` below ends WebKitWebDriver and the app too: when a
    // test's session ends with the page's process (memory.test.js), no one else closes the app.
    detached: true,
  });
  const killDriver = driver.kill.bind(driver);
  driver.kill = (signal = 'SIGTERM') => {
    try {
      process.kill(-driver.pid, signal);
      return true;
    } catch {
      return killDriver(signal);
    }
  };
  // Wait until it answers.
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/status`);
      if (res.ok || res.status < 500) return driver;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  driver.kill();
  throw new Error('tauri-driver did not start');
}

/**
 * Ends a driver from `startDriver` with WebKitWebDriver and any app still running in its process
 * group, and waits until every one of them has gone: a driver started next never meets the old
 * one on its ports, and the app's log and files are complete.
 */
export async function stopDriver(driver) {
  if (!driver) return;
  driver.kill();
  for (let i = 0; i < 200; i++) {
    try {
      process.kill(-driver.pid, 0);
    } catch {
      return; // no process of the group is left
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  driver.kill('SIGKILL');
}

/** The journey step on screen (its `data-current-step`). */
export async function stepShown(browser) {
  return browser.$('[data-current-step]').getAttribute('data-current-step');
}

/**
 * Presses a button in the page itself, once it is shown, enabled and not covered (by an open
 * dialog, say). For buttons whose pressing is not what the test is about: a pointer click
 * lands where the button was a moment before, and misses it while a save's notices or a
 * scroll still move the page.
 */
export async function press(browser, selector) {
  // A selector, or an element already found (inside a row, say).
  const button = typeof selector === 'string' ? await browser.$(selector) : await selector;
  await button.waitForDisplayed({ timeout: 5000 });
  await button.waitForEnabled({ timeout: 5000 });
  await browser.waitUntil(
    () =>
      browser.execute((el) => {
        el.scrollIntoView({ block: 'center' });
        const r = el.getBoundingClientRect();
        const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return top !== null && (top === el || el.contains(top));
      }, button),
    { timeout: 5000, timeoutMsg: `${button.selector} is covered` },
  );
  await browser.execute((el) => el.click(), button);
}

/** Goes to a step by the journey map, and waits until it is on screen. */
export async function goToStep(browser, step) {
  // The map's button is pressed in the page itself (see `press`).
  const button = await browser.$(`button[data-step="${step}"]`);
  await button.waitForExist({ timeout: 5000 });
  await browser.execute((el) => el.click(), button);
  await browser.waitUntil(async () => (await stepShown(browser)) === step, { timeout: 5000 });
}

/** The date `days` from today (negative: before), as the app stores it (YYYY-MM-DD). */
export function isoDaysFromToday(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The profile tests use unless they say otherwise. */
export const testProfile = { name: 'Test person', passphrase: 'river candle tuesday orange' };

/**
 * Opens the app and waits until its first screen is ready. With a profile (the default), opens
 * that profile: makes it the first time, or unlocks it with its passphrase.
 */
export async function openApp({ profile = testProfile } = {}) {
  const browser = await remote({
    hostname: '127.0.0.1',
    port: PORT,
    logLevel: 'warn',
    capabilities: {
      'wdio:enforceWebDriverClassic': true,
      'tauri:options': { application: appBinary },
    },
  });
  await browser.$('body[data-ready="true"]').waitForExist({ timeout: 30000 });
  if (profile) await enterProfile(browser, profile);
  return browser;
}

/** From the profile picker, makes or opens a profile and waits for the home screen. */
export async function enterProfile(browser, { name, passphrase }) {
  const existing = browser.$(`button=${name}`);
  if (await existing.isExisting()) {
    await existing.click();
    await browser.$('#passphrase').setValue(passphrase);
    await browser.$('button=Open').click();
  } else {
    if (!(await browser.$('#new-name').isExisting())) {
      await browser.$('button=Make a new profile').click();
    }
    await browser.$('#new-name').setValue(name);
    await browser.$('#new-passphrase').setValue(passphrase);
    await browser.$('#repeat-passphrase').setValue(passphrase);
    await browser.$('button=Make my profile').click();
    await copyRecoveryCode(browser);
  }
  await browser.$('[data-testid="profile-name"]').waitForDisplayed({ timeout: 30000 });
}

/**
 * As a person copying the recovery code shown once: reads it off the screen, says it is
 * written down, and types it back to check it. Returns the code.
 */
export async function copyRecoveryCode(browser, testid = 'recovery-code') {
  const shown = browser.$(`[data-testid="${testid}"]`);
  await shown.waitForDisplayed({ timeout: 60000 });
  const code = await shown.getText();
  await browser.$('button=I have written it down').click();
  await browser.$('#check-recovery-code').waitForDisplayed({ timeout: 10000 });
  await browser.$('#check-recovery-code').setValue(code.toLowerCase().replaceAll('-', ' '));
  await browser.$('button=Check the code').click();
  await browser.$('#check-recovery-code').waitForExist({ reverse: true, timeout: 30000 });
  return code;
}

/**
 * Waits until the journey screen's save line says `status` ("saved", "needs-change", "error",
 * or "settled" for either of the first two) and, unless it is "error", every change made so far
 * has been saved: the save line counts changes and saved changes, so this needs no pause for the
 * autosave's delay (nor for a date box's reading of what was typed, which it also waits for).
 * Once settled, nothing on the screen moves until the next change.
 */
export async function waitSaveLine(browser, status = 'saved', timeout = 15000) {
  let last = null;
  await browser.waitUntil(
    async () => {
      last = await browser.execute(() => {
        const line = document.querySelector('[data-status]');
        // A date box still reading what was typed has a change on its way.
        const reading = document.querySelector('[data-reading]') !== null;
        return line && { status: line.dataset.status, edits: line.dataset.edits, saved: line.dataset.savedEdits, reading };
      });
      if (last === null) return false;
      if (status === 'error') return last.status === 'error';
      const said = status === 'settled' ? ['saved', 'needs-change'].includes(last.status) : last.status === status;
      return said && !last.reading && last.edits === last.saved;
    },
    { timeout, timeoutMsg: `the save line never said ${status} with everything saved (last: ${JSON.stringify(last)})` },
  );
}
