// A locked app forgets: markers typed into a case (the patient's name, the diagnosis, a note),
// the passphrase and the recovery code are searched for in the memory of the app's process and
// of its WebKit processes after Lock. Linux only (/proc); the test runs as root, which may read
// the memory of a process that made itself non-dumpable.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, openSync, readFileSync, readSync, readdirSync, readlinkSync } from 'node:fs';
import {
  appBinary,
  copyRecoveryCode,
  openApp,
  startDriver,
  stopDriver,
  testFolders,
  waitSaveLine,
} from './app.js';

const folders = testFolders();
let driver;
let browser;

const profile = { name: 'Memory Test', passphrase: 'quartz meadow lantern kestrel 7731' };
const markers = {
  passphrase: profile.passphrase,
  name: 'Zanzibar Quillfeather',
  diagnosis: 'Mxyzptlk diagnosis 5093',
  note: 'Plumbago note about the clinic 8812',
};

before(async () => {
  // As a release does: Lock ends the web process (which ends this WebDriver session too).
  driver = await startDriver(folders, { SECOND_OPINION_TEST_KEEP_WEB_PROCESS: '' });
  browser = await openApp({ profile: null });
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  await stopDriver(driver);
});

/** The processes of the app under test: its own, and the WebKit processes it started. */
function appProcesses() {
  const pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  const parentOf = (pid) => {
    try {
      return readFileSync(`/proc/${pid}/stat`, 'latin1').replace(/^.*\) /, '').split(' ')[1];
    } catch {
      return null;
    }
  };
  const app = pids.find((pid) => {
    try {
      return (
        readlinkSync(`/proc/${pid}/exe`) === appBinary &&
        readFileSync(`/proc/${pid}/environ`, 'latin1').includes(`SECOND_OPINION_DATA_DIR=${folders.data}\0`)
      );
    } catch {
      return false;
    }
  });
  assert.ok(app, 'the app process is found');
  const children = pids.filter((pid) => parentOf(pid) === app);
  const named = (pid) => readFileSync(`/proc/${pid}/comm`, 'latin1').trim();
  return [{ pid: app, name: 'app' }, ...children.map((pid) => ({ pid, name: named(pid) }))];
}

/** The readable, private (not file-backed) regions of `pid` that hold any memory at all. */
function regions(pid) {
  const out = [];
  let current = null;
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'latin1').split('\n')) {
    const header = line.match(/^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ (\d+)\s*(.*)$/);
    if (header) {
      const [, start, end, perms, inode, file] = header;
      const skip = !perms.startsWith('r') || (inode !== '0' && !file.startsWith('[')) ||
        ['[vvar]', '[vsyscall]', '[vvar_vclock]'].includes(file);
      current = skip ? null : { start: BigInt(`0x${start}`), end: BigInt(`0x${end}`), rss: 0 };
      if (current) out.push(current);
    } else if (current && line.startsWith('Rss:')) {
      current.rss = Number(line.split(/\s+/)[1]);
    }
  }
  return out.filter((r) => r.rss > 0);
}

/** How many times each needle is in the readable, private memory of `pid`. */
function countInMemory(pid, needles) {
  const counts = Object.fromEntries(Object.keys(needles).map((k) => [k, 0]));
  const fd = openSync(`/proc/${pid}/mem`, 'r');
  const chunk = 8 * 1024 * 1024;
  const overlap = 256;
  const buffer = Buffer.alloc(chunk + overlap);
  const zeros = Buffer.alloc(chunk + overlap);
  try {
    for (const { start, end } of regions(pid)) {
      // Each read overlaps the next by `overlap` bytes; a needle is counted in the read where
      // it starts, so one across two reads is found once.
      for (let at = start; at < end; at += BigInt(chunk)) {
        const left = end - at;
        const length = left < BigInt(chunk + overlap) ? Number(left) : chunk + overlap;
        let got;
        try {
          got = readSync(fd, buffer, 0, length, at);
        } catch {
          break;
        }
        const view = buffer.subarray(0, got);
        if (view.equals(zeros.subarray(0, got))) continue; // untouched memory: nothing to find
        for (const [key, forms] of Object.entries(needles)) {
          for (const form of forms) {
            for (let i = view.indexOf(form); i !== -1; i = view.indexOf(form, i + 1)) {
              if (i < chunk) counts[key] += 1;
            }
          }
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  return counts;
}

test('after Lock, no typed marker, passphrase or recovery code is left in the app’s memory', async () => {
  await browser.$('#new-name').waitForDisplayed();
  await browser.$('#new-name').setValue(profile.name);
  await browser.$('#new-passphrase').setValue(profile.passphrase);
  await browser.$('#repeat-passphrase').setValue(profile.passphrase);
  await browser.$('button=Make my profile').click();
  const code = await copyRecoveryCode(browser);
  await browser.$('[data-testid="profile-name"]').waitForDisplayed({ timeout: 30000 });
  await browser.$('button=Start').click();
  await browser.$('#patient_name').setValue(markers.name);
  await browser.$('#diagnosis').setValue(markers.diagnosis);
  const panel = browser.$('[data-testid="case-notes"]');
  await panel.waitForExist({ timeout: 10000 });
  if (!(await panel.getAttribute('open'))) await panel.$('summary').click();
  await browser.$('#new-note').setValue(markers.note);
  await browser.$('button=Add note').click();
  await browser.$('p.done=Your note is saved.').waitForDisplayed({ timeout: 10000 });
  await waitSaveLine(browser);

  const needles = Object.fromEntries(
    Object.entries({ ...markers, recovery: code, 'recovery (no dashes)': code.replaceAll('-', '') }).map(
      ([k, v]) => [k, [Buffer.from(v, 'latin1'), Buffer.from(v, 'utf16le')]],
    ),
  );
  const scan = () => Object.fromEntries(appProcesses().map((p) => [`${p.name} ${p.pid}`, countInMemory(p.pid, needles)]));
  const beforeLock = scan();
  console.log('before Lock', JSON.stringify(beforeLock, null, 1));
  const webBefore = appProcesses().filter((p) => p.name.startsWith('WebKitWebProces')).map((p) => p.pid);
  assert.ok(webBefore.length > 0, 'a web process before Lock');

  // The scan can find what it looks for: the page shows the name, so its process holds it.
  const web = Object.entries(beforeLock).filter(([p]) => p.startsWith('WebKitWebProces'));
  assert.ok(web.some(([, c]) => c.name > 0), 'the scan finds the name in the web process before Lock');

  // The click's answer may never come: the page's process (and this WebDriver session) ends.
  await browser.$('button=Lock').click().catch(() => {});
  // The lock is finished when the page's web process has ended (the backend locks first, then
  // ends it) and WebKit has started a new one for the fresh page. WebDriver's session ends
  // with the old process, so this is watched from /proc.
  const started = Date.now();
  for (;;) {
    const now = appProcesses();
    const web = now.filter((p) => p.name.startsWith('WebKitWebProces')).map((p) => p.pid);
    if (web.length > 0 && webBefore.every((pid) => !web.includes(pid))) break;
    assert.ok(Date.now() - started < 30000, `the web process is replaced after Lock: ${JSON.stringify(now)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const afterLock = scan();
  console.log('after Lock', JSON.stringify(afterLock, null, 1));
  // The web process is new and the network process never held them: nothing of the old page
  // is in either. The app's own process zeroes what its Rust code and SQLCipher free; what is
  // left there (counted above, and in the report, not asserted: from 0 to a few copies of the
  // note, the diagnosis or the recovery code, varying from run to run) is memory that WebKit's
  // side of the window freed without wiping (C allocations of the IPC between page and app).
  for (const [process, counts] of Object.entries(afterLock)) {
    if (process.startsWith('app ')) continue;
    for (const [key, count] of Object.entries(counts)) {
      assert.equal(count, 0, `${key} is still in ${process} after Lock: ${JSON.stringify(afterLock)}`);
    }
  }
});
