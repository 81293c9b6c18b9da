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

const PORT = 4444;

/** Folders of the app under test. */
export function testFolders() {
  const root = mkdtempSync(path.join(tmpdir(), 'second-opinion-e2e-'));
  const data = path.join(root, 'data');
  const saved = path.join(root, 'saved');
  // Where the OS's app-data folder would be: the app must not put the database there in tests.
  const home = path.join(root, 'xdg-data');
  mkdirSync(data);
  mkdirSync(saved);
  mkdirSync(home);
  return { root, data, saved, home };
}

/** Starts tauri-driver; the app it launches inherits these folders through the environment. */
export async function startDriver(folders) {
  const driver = spawn('tauri-driver', ['--port', String(PORT)], {
    env: {
      ...process.env,
      SECOND_OPINION_DATA_DIR: folders.data,
      SECOND_OPINION_TEST_SAVE_DIR: folders.saved,
      XDG_DATA_HOME: folders.home,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
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

/** Opens the app and waits until its first screen is ready. */
export async function openApp() {
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
  return browser;
}
