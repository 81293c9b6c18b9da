// Documents: a letter, form or the prep pack, saved where the person chooses.
// The `documents` commands: backend/src/app/documents.rs, src-tauri/src/commands/documents.rs.
import { call } from './call';
import type {
  CalendarOptions,
  DocumentKind,
  DocumentOptions,
  LetterPreview,
  SavedDocument,
} from '../bindings';

export const documents = {
  /** Makes, saves and opens a document; null when the person closed the save dialog. */
  writeDocument: (caseId: number, kind: DocumentKind, options: DocumentOptions) =>
    call<SavedDocument | null>('write_document', { caseId, kind, options }),
  /** The letter's words as it would be made now, the person's own words marked. */
  letterPreview: (caseId: number, kind: DocumentKind) =>
    call<LetterPreview>('letter_preview', { caseId, kind }),
  /** Makes and saves the calendar file of reminders; null when the person closed the dialog. */
  writeCalendar: (caseId: number, options: CalendarOptions) =>
    call<SavedDocument | null>('write_calendar', { caseId, options }),
};
