// Documents: a letter, form or the prep pack, saved where the person chooses.
// The `documents` commands: backend/src/app/documents.rs, src-tauri/src/commands/documents.rs.
import { call } from './call';
import type { CalendarOptions, DocumentKind, DocumentOptions, SavedDocument } from '../bindings';

export const documents = {
  /** Makes, saves and opens a document; null when the person closed the save dialog. */
  writeDocument: (caseId: number, kind: DocumentKind, options: DocumentOptions) =>
    call<SavedDocument | null>('write_document', { caseId, kind, options }),
  /** Makes and saves the calendar file of reminders; null when the person closed the dialog. */
  writeCalendar: (caseId: number, options: CalendarOptions) =>
    call<SavedDocument | null>('write_calendar', { caseId, options }),
};
