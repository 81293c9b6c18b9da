// Dates read and shown the UK way, for the date boxes.
// The `dates` commands: backend/src/app/dates.rs, src-tauri/src/commands/dates.rs.
import { call } from './call';
import type { DateReading } from '../bindings';

export const dates = {
  /** Reads a date typed the UK way ("21/11/2026", "21 Nov 2026"); AppError invalid_input if not. */
  readDate: (text: string) => call<DateReading>('read_date', { text }),
  /** A stored date ("2026-11-21") in every form. */
  showDate: (iso: string) => call<DateReading>('show_date', { iso }),
};
