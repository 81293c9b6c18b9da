// A date box reads what is in it, and an answer from the backend never replaces what the
// person typed after it was asked.
import { describe, expect, it } from 'vitest';
import { AppError } from './api';
import type { DateReading } from './bindings';
import { DateBox, type DateReader } from './datebox.svelte';

const FEB_3 = { iso: '2027-02-03', short: '03/02/2027', words: '3 February 2027' } as DateReading;

/** Readings that are answered only when the test says so. */
function controlled() {
  const asked: { text: string; answer: (r: DateReading) => void; refuse: (e: unknown) => void }[] = [];
  const ask = (text: string) =>
    new Promise<DateReading>((answer, refuse) => {
      asked.push({ text, answer, refuse });
    });
  const dates: DateReader = { readDate: ask, showDate: ask };
  return { dates, asked };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

/** A box that has read "3 Feb 2027" and shows it as 03/02/2027. */
async function boxShowingFeb3() {
  const c = controlled();
  const box = new DateBox(c.dates);
  box.show(null);
  box.text = '3 Feb 2027';
  const reading = box.read('3 Feb 2027');
  c.asked[0].answer(FEB_3);
  expect(await reading).toBe('2027-02-03');
  box.show('2027-02-03');
  expect(box.text).toBe('03/02/2027');
  c.asked.length = 0;
  return { box, ...c };
}

describe('DateBox', () => {
  it('says it is reading from the moment it asks until the latest reading is answered', async () => {
    const c = controlled();
    const box = new DateBox(c.dates);
    expect(box.reading).toBe(false);
    const first = box.read('1/12/26');
    expect(box.reading).toBe(true);
    const second = box.read('2/12/26');
    c.asked[0].answer(FEB_3);
    await first;
    expect(box.reading).toBe(true);
    c.asked[1].refuse(new AppError({ code: 'invalid_input', message: 'No.' }));
    await second;
    expect(box.reading).toBe(false);
  });

  it('reads what is in the box, even when the box was emptied without an input event', async () => {
    // A browser (or WebDriver's Element Clear) can empty the box and fire only `change`.
    const { box, asked } = await boxShowingFeb3();
    const reading = box.read('');
    // The person types the first key of a new date before any answer comes back.
    box.text = '3';
    for (const a of asked) a.answer(FEB_3);
    expect(await reading).toBeNull();
    expect(asked.map((a) => a.text)).toEqual([]);
    expect(box.text).toBe('3');
    expect(box.words).toBe('');
    box.show(null);
    await settle();
    expect(box.text).toBe('3');
  });

  it('does not replace what was typed while the box was being read', async () => {
    const { box, asked } = await boxShowingFeb3();
    box.text = '4 Feb 2027';
    const reading = box.read('4 Feb 2027'); // Enter, then more typing before the answer
    box.text = '14 Feb 2027';
    asked[0].answer({ iso: '2027-02-04', short: '04/02/2027', words: '4 February 2027' } as DateReading);
    expect(await reading).toBeUndefined();
    expect(box.text).toBe('14 Feb 2027');
    expect(box.words).toBe('3 February 2027');
  });

  it('does not show a problem for text that has since been changed', async () => {
    const { box, asked } = await boxShowingFeb3();
    box.text = '31/02';
    const reading = box.read('31/02');
    box.text = '31/01/2027';
    asked[0].refuse(new AppError({ code: 'invalid_input', message: 'There is no such date.' }));
    expect(await reading).toBeUndefined();
    expect(box.problem).toBe('');
    expect(box.text).toBe('31/01/2027');
  });

  it('uses only the latest of two readings', async () => {
    const { box, asked } = await boxShowingFeb3();
    box.text = '5/2/2027';
    const first = box.read('5/2/2027');
    const second = box.read('5/2/2027');
    asked[1].answer({ iso: '2027-02-05', short: '05/02/2027', words: '5 February 2027' } as DateReading);
    expect(await second).toBe('2027-02-05');
    asked[0].answer({ iso: '2027-02-05', short: '05/02/2027', words: '5 February 2027' } as DateReading);
    expect(await first).toBeUndefined();
    expect(box.text).toBe('05/02/2027');
  });

  it('shows a date changed from outside, unless the person has typed since', async () => {
    const { box, asked } = await boxShowingFeb3();
    box.show('2027-03-01');
    asked[0].answer({ iso: '2027-03-01', short: '01/03/2027', words: '1 March 2027' } as DateReading);
    await settle();
    expect(box.text).toBe('01/03/2027');
    expect(box.words).toBe('1 March 2027');
    box.show('2027-03-02');
    box.text = '2 Mar';
    asked[1].answer({ iso: '2027-03-02', short: '02/03/2027', words: '2 March 2027' } as DateReading);
    await settle();
    expect(box.text).toBe('2 Mar');
  });

  it('shows the problem of a date that cannot be read, and keeps the stored date', async () => {
    const { box, asked } = await boxShowingFeb3();
    box.text = '31/02/2027';
    const reading = box.read('31/02/2027');
    asked[0].refuse(new AppError({ code: 'invalid_input', message: 'There is no such date.' }));
    expect(await reading).toBeUndefined();
    expect(box.problem).toBe('There is no such date.');
    expect(box.words).toBe('');
    expect(box.text).toBe('31/02/2027');
  });
  it('shows a two-figure year as the backend read it, in full', async () => {
    // "1/12/26" is read by the backend as 1 December 2026; the box then shows 01/12/2026, so the
    // person sees which year was understood.
    const c = controlled();
    const box = new DateBox(c.dates);
    box.show(null);
    box.text = '1/12/26';
    const reading = box.read('1/12/26');
    expect(c.asked.map((a) => a.text)).toEqual(['1/12/26']);
    c.asked[0].answer({ iso: '2026-12-01', short: '01/12/2026', words: '1 December 2026' } as DateReading);
    expect(await reading).toBe('2026-12-01');
    expect(box.text).toBe('01/12/2026');
    expect(box.words).toBe('1 December 2026');
  });
});
