// The most characters each field takes, from the backend (never copied here), so a limit can be
// shown while the person types. Loaded once; until then no limit is shown.
import { api, type FieldLimit } from './api';

let limits = $state<FieldLimit[]>([]);
let asked = false;

/** Loads the limits (once). */
export function loadLimits(): void {
  if (asked) return;
  asked = true;
  api.fieldLimits().then(
    (l) => (limits = l),
    () => (asked = false),
  );
}

/** The limit of a case field, or of a journey text (`part` 'journey'); null when it has none. */
export function maxFor(field: string, part: 'case' | 'journey' = 'case'): number | null {
  const exact = limits.find((l) => l.field === field);
  if (exact) return exact.max_chars;
  if (part === 'journey') return limits.find((l) => l.field === '*')?.max_chars ?? null;
  return null;
}

/** Characters as the backend counts them (Unicode scalar values, so an emoji is one). */
export const charCount = (text: string): number => [...text].length;
