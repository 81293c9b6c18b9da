// What a date box shows: the text in the box, the date in words beside it, or its problem.
// Reading a date is a call to the backend, and the person can go on typing before it answers:
// an answer is used only while it is the latest one asked for and the box still holds the text
// it was asked about, so it never replaces or garbles what was typed since.
import { AppError } from './api';
import type { DateReading } from './bindings';

/** The two backend readings a date box needs (the `dates` commands). */
export type DateReader = {
  readDate: (text: string) => Promise<DateReading>;
  showDate: (iso: string) => Promise<DateReading>;
};

export class DateBox {
  text = $state('');
  words = $state('');
  problem = $state('');
  /** A reading of what was typed is being asked for (a test waits for it before the save). */
  reading = $state(false);
  // The stored date the box shows now; a different value means it was changed from outside.
  private shown: string | null | undefined = undefined;
  // Counts the readings asked for; only the latest one's answer is used.
  private asked = 0;
  private readonly dates: DateReader;

  constructor(dates: DateReader) {
    this.dates = dates;
  }

  /** Whether reading number `n`, asked about `text`, still describes the box. */
  private current(n: number, text: string): boolean {
    return n === this.asked && this.text === text;
  }

  /** The stored date is `value` (changed from outside, or just read): shows it. */
  show(value: string | null): void {
    const v = value === '' ? null : value;
    if (v === this.shown) return;
    this.shown = v;
    this.problem = '';
    const n = ++this.asked;
    if (v === null) {
      this.text = '';
      this.words = '';
      return;
    }
    const before = this.text;
    this.dates.showDate(v).then(
      (r) => {
        if (this.current(n, before)) {
          this.text = r.short;
          this.words = r.words;
        }
      },
      () => {
        if (this.current(n, before)) this.text = v;
      },
    );
  }

  /** The box was left (or Enter pressed) holding `inBox`: reads it. Returns the stored date to
   * keep (null for an empty box), or undefined to leave the stored date as it is. */
  async read(inBox: string): Promise<string | null | undefined> {
    // The box itself is read, not `text`: a box can be changed with only a `change` event (an
    // autofill, or WebDriver's Element Clear), which `bind:value` does not hear.
    this.text = inBox;
    const typed = inBox.trim();
    const n = ++this.asked;
    this.problem = '';
    if (typed === '') {
      this.words = '';
      this.shown = null;
      return null;
    }
    this.reading = true;
    try {
      const r = await this.dates.readDate(typed);
      if (!this.current(n, inBox)) return undefined;
      this.shown = r.iso;
      this.text = r.short;
      this.words = r.words;
      return r.iso;
    } catch (e) {
      if (!this.current(n, inBox)) return undefined;
      this.words = '';
      this.problem =
        e instanceof AppError ? e.message : 'That date could not be read. Please type it like 21/11/2026.';
      return undefined;
    } finally {
      if (n === this.asked) this.reading = false;
    }
  }
}
