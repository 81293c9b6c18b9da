// Notes on a case: add, list with UK dates, search (typed text never breaks the
// search), delete after a confirmation, and everything is still there after a restart.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openApp, screenshotDir, startDriver, stopDriver, testFolders } from './app.js';

const folders = testFolders();
let driver;
let browser;

before(async () => {
  driver = await startDriver(folders);
  browser = await openApp();
});

after(async () => {
  await browser?.deleteSession().catch(() => {});
  await stopDriver(driver);
});

const longDate = () =>
  new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

async function openNotes() {
  const panel = browser.$('[data-testid="case-notes"]');
  await panel.waitForExist({ timeout: 10000 });
  if (!(await panel.getAttribute('open'))) await panel.$('summary').click();
  return panel;
}

async function addNote(text) {
  await browser.$('#new-note').setValue(text);
  await browser.$('button=Add note').click();
  await browser.$('p.done=Your note is saved.').waitForDisplayed({ timeout: 10000 });
}

const countLine = () => browser.$('[data-testid="case-notes"] p.count').getText();

// Read in one go inside the page: the list re-renders as search answers arrive, and element
// handles taken one by one can go stale mid-read (which left the test waiting, under load).
const shownNotes = async () =>
  browser.execute(() =>
    [...document.querySelectorAll('[data-testid="case-notes"] li.note p.text')].map((p) => p.innerText),
  );

test('notes are added, dated, searched, deleted after a confirmation, and kept', async (t) => {
  t.after(() => browser?.saveScreenshot(path.join(screenshotDir, 'case-notes-end.png')).catch(() => {}));
  await browser.$('button=Start').click();
  await browser.$('#patient_name').waitForDisplayed();
  await browser.$('#patient_name').setValue('Nia Notes');
  await openNotes();
  // The case is saved by adding its first note, even before the autosave.
  await addNote('Rang the clinic about the MRI. Call back on Tuesday.');
  await addNote('Gofyn i’r ŵyr am lifft i’r ysbyty');
  await addNote('He said "NEAR(a b)" OR -x* — cardiology letter came');
  assert.deepEqual((await shownNotes()).length, 3);
  assert.equal(await browser.$('[data-testid="case-notes"] summary').getText(), 'Your notes (3)');
  const dates = await browser.$$('[data-testid="case-notes"] li.note p.date').map((p) => p.getText());
  assert.equal(dates[0], longDate());

  // Search: a prefix, accents ignored, and query syntax searched for as plain text.
  await browser.$('#note-search').setValue('cardi');
  await browser.waitUntil(async () => (await shownNotes()).length === 1, { timeout: 15000 });
  assert.match((await shownNotes())[0], /cardiology/);
  assert.equal(await browser.$('[data-testid="case-notes"] p.count').getText(), '1 of 3 notes match.');
  // The whole word found is marked, and the note's text is shown exactly around it.
  assert.deepEqual(
    await browser.$$('[data-testid="case-notes"] li.note mark').map((m) => m.getText()),
    ['cardiology'],
  );
  await browser.$('#note-search').setValue('wyr LIFFT');
  await browser.waitUntil(async () => (await shownNotes())[0]?.startsWith('Gofyn'), { timeout: 15000 });
  for (const typed of ['"', 'NEAR(', '-x*', ')(:^', 'OR']) {
    await browser.$('#note-search').setValue(typed);
    await browser.waitUntil(
      async () => (await browser.$('[data-testid="case-notes"] p.count').getAttribute('data-shown-for')) === typed,
      { timeout: 15000, timeoutMsg: `the search for ${typed} never came back` },
    );
    assert.equal(await browser.$('[data-testid="case-notes"] [role="alert"]').isExisting(), false, typed);
  }
  await browser.$('#note-search').setValue('nothing-like-this');
  await browser.$('p.count=No notes match your search.').waitForDisplayed({ timeout: 15000 });
  await browser.$('#note-search').clearValue();
  await browser.$('#note-search').addValue(' ');
  await browser.waitUntil(async () => (await shownNotes()).length === 3, { timeout: 15000 });
  await browser.saveScreenshot(path.join(screenshotDir, 'case-notes.png'));

  // Delete: "No, keep it" keeps it; "Yes, delete it" removes it.
  const firstDelete = () => browser.$('[data-testid="case-notes"] li.note button.secondary');
  assert.match(await firstDelete().getText(), /^Delete/);
  await firstDelete().click();
  await browser.$('h2=Delete this note?').waitForDisplayed();
  await browser.$('button=No, keep it').click();
  assert.equal((await shownNotes()).length, 3);
  await firstDelete().click();
  await browser.$('button=Yes, delete it').click();
  await browser.waitUntil(async () => (await shownNotes()).length === 2, { timeout: 15000 });
  assert.ok(!(await shownNotes()).some((t) => t.includes('cardiology')), 'the newest note is gone');

  // Restart the app: the notes are still there, exactly as typed.
  await browser.deleteSession();
  browser = await openApp();
  await browser.$('button=Nia Notes').click();
  await openNotes();
  await browser.waitUntil(async () => (await shownNotes()).length === 2, { timeout: 10000 });
  assert.deepEqual(await shownNotes(), [
    'Gofyn i’r ŵyr am lifft i’r ysbyty',
    'Rang the clinic about the MRI. Call back on Tuesday.',
  ]);
});

test('a long case shows its notes and its matches a page at a time', async () => {
  // Added through the command the panel uses, in one go: typing 55 notes would only be slower.
  const caseId = await browser.execute(async () => {
    const cases = await window.__TAURI_INTERNALS__.invoke('list_cases', {});
    const id = cases.find((c) => c.patient_name === 'Nia Notes').id;
    for (let i = 1; i <= 55; i += 1) {
      await window.__TAURI_INTERNALS__.invoke('add_note', { caseId: id, text: `Paged note ${i} about the scan` });
    }
    return id;
  });
  assert.equal(typeof caseId, 'number');
  await browser.$('#note-search').setValue('paged');
  await browser.waitUntil(async () => (await shownNotes()).length === 50, { timeout: 15000 });
  assert.equal(await countLine(), 'The 50 best matches are shown, best first. More notes match.');
  const more = browser.$('[data-testid="more-notes"]');
  assert.equal(await more.getText(), 'Show more matches');
  await more.click();
  await browser.waitUntil(async () => (await shownNotes()).length === 55, { timeout: 15000 });
  assert.equal(await countLine(), '55 of 57 notes match.');
  assert.equal(await more.isExisting(), false, 'nothing more to show');
  assert.equal(new Set(await shownNotes()).size, 55, 'no note is shown twice');

  // The list: the newest 50, then the older ones on asking.
  await browser.$('#note-search').clearValue();
  await browser.$('#note-search').addValue(' ');
  await browser.waitUntil(async () => (await shownNotes()).length === 50, { timeout: 15000 });
  assert.equal((await shownNotes())[0], 'Paged note 55 about the scan');
  assert.equal(await browser.$('[data-testid="case-notes"] summary').getText(), 'Your notes (57)');
  assert.equal(await more.getText(), 'Show older notes');
  await more.click();
  await browser.waitUntil(async () => (await shownNotes()).length === 57, { timeout: 15000 });
  assert.equal((await shownNotes())[56], 'Rang the clinic about the MRI. Call back on Tuesday.');
});
