// Serialised autosave: one save in flight at a time, a new save if something was edited meanwhile,
// and "saved" only after the backend has committed. Errors are kept in plain words.
import { AppError, type ErrorCode } from './api';

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

/** Every autosave made, so everything waiting can be saved before a lock or a close. */
const all = new Set<Autosave>();

export class Autosave {
  /** What could not be saved at all (after `saveAll`), in plain words; null when all is saved. */
  static unsavedProblem(): string | null {
    for (const a of all) if (a.dirty && a.status === 'error') return a.problem;
    return null;
  }

  /** Saves everything that is waiting, on every screen (before locking or closing the window). */
  static async saveAll(): Promise<void> {
    await Promise.all([...all].map((a) => a.save()));
  }

  status = $state<SaveStatus>('idle');
  problem = $state<string | null>(null);
  /** The code of the last error (for example `invalid_nhs_number`), to show it by its field. */
  problemCode = $state<ErrorCode | null>(null);
  /** Every change so far, counted; `savedEdits` is how many of them the backend has saved.
   * When the two are equal nothing is waiting, so a test can wait for exactly that. */
  edits = $state(0);
  savedEdits = $state(0);

  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | null = null;
  private dirty = false;
  private readonly persist: () => Promise<void>;
  private readonly delay: number;

  /** `persist` saves the latest values; it throws (ideally an AppError) when it cannot. */
  constructor(persist: () => Promise<void>, delay = 400) {
    this.persist = persist;
    this.delay = delay;
    all.add(this);
  }

  /** The screen is gone: this autosave is no longer saved by `saveAll`. */
  dispose() {
    clearTimeout(this.timer);
    all.delete(this);
  }

  /** Something changed: save soon. */
  edited() {
    this.edits++;
    this.dirty = true;
    this.status = 'pending';
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.save(), this.delay);
  }

  /** Marks as changed without waiting; the next `save()` writes. */
  markDirty() {
    this.edits++;
    this.dirty = true;
  }

  /** Saves now if anything is waiting, after any save already in flight. */
  async save(): Promise<void> {
    clearTimeout(this.timer);
    while (this.inFlight) await this.inFlight;
    if (!this.dirty) return;
    this.dirty = false;
    this.status = 'saving';
    const attempt = this.run(this.edits);
    this.inFlight = attempt.then(() => undefined);
    const ok = await attempt;
    this.inFlight = null;
    if (ok && this.dirty) await this.save();
  }

  /** Stops the timer; the caller decides whether to save. */
  cancel() {
    clearTimeout(this.timer);
  }

  get hasUnsaved(): boolean {
    return this.dirty;
  }

  /** Saves the latest values, which hold every change up to `upTo`. */
  private async run(upTo: number): Promise<boolean> {
    try {
      await this.persist();
      this.savedEdits = upTo;
      this.problem = null;
      this.problemCode = null;
      this.status = this.dirty ? 'pending' : 'saved';
      return true;
    } catch (e) {
      this.dirty = true;
      this.status = 'error';
      this.problem =
        e instanceof AppError ? e.message : 'Your changes could not be saved. Please try again.';
      this.problemCode = e instanceof AppError ? e.code : null;
      return false;
    }
  }
}
