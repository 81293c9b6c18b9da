// Undo for removing a line from a list (a question, a timeline line, a medicine, a record): the
// line is taken out at once (and saved), and an "Undo" button puts it back where it was.
import { tick } from 'svelte';

export type Removed = { words: string; restore: () => void; focusId: string };

export class Undo {
  last = $state<Removed | null>(null);
  /** The id of this list's Undo button (unique on the screen). */
  readonly buttonId: string;

  constructor(list: string) {
    this.buttonId = `undo-${list}`;
  }

  /**
   * Takes item `i` out of `list`, remembers how to put it back, and moves focus to Undo. After
   * an undo, focus goes to the element with id `focusId` (a field of the line put back).
   */
  async remove<T>(list: T[], i: number, words: string, focusId: string): Promise<void> {
    const [item] = list.splice(i, 1);
    if (item === undefined) return;
    this.last = { words, restore: () => list.splice(Math.min(i, list.length), 0, item), focusId };
    await tick();
    document.getElementById(this.buttonId)?.focus();
  }

  /** Puts the last removed line back. */
  async restore(): Promise<void> {
    const last = this.last;
    if (!last) return;
    last.restore();
    this.last = null;
    await tick();
    document.getElementById(last.focusId)?.focus();
  }
}
