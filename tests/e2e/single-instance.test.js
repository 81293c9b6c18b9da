// Two copies of the app at once: a second launch hands over to the first one (which
// brings its window forward) and exits, so two copies never write one profile. The
// single-instance plugin finds the first copy on the D-Bus session bus; this test starts a
// private bus of its own so it never meets another run's app.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { appBinary, openApp, startDriver, stopDriver, testFolders } from './app.js';

const folders = testFolders();
let bus;
let busAddress;
let driver;
let browser;

before(async () => {
  bus = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  busAddress = await new Promise((resolve, reject) => {
    createInterface({ input: bus.stdout }).once('line', resolve);
    bus.once('error', reject);
  });
  driver = await startDriver(folders, { DBUS_SESSION_BUS_ADDRESS: busAddress });
  browser = await openApp();
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  await stopDriver(driver);
  bus?.kill();
});

test('a second launch hands over to the first window and exits', async () => {
  const started = Date.now();
  const second = spawn(appBinary, [], {
    env: {
      ...process.env,
      DBUS_SESSION_BUS_ADDRESS: busAddress,
      SECOND_OPINION_DATA_DIR: folders.data,
      SECOND_OPINION_TEST_SAVE_DIR: folders.saved,
      XDG_DATA_HOME: folders.home,
    },
    stdio: 'ignore',
  });
  const code = await new Promise((resolve) => {
    const timer = setTimeout(() => {
      second.kill('SIGKILL');
      resolve('still running after 30 s');
    }, 30000);
    second.once('exit', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  assert.equal(code, 0, 'the second copy exits by itself, successfully');
  assert.ok(Date.now() - started < 30000);
  // The first copy is still there, with its profile open.
  assert.equal(await browser.getTitle(), 'Second Opinion');
  assert.ok(await browser.$('[data-testid="profile-name"]').isDisplayed());
});
