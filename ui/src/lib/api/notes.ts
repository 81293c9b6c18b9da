// Notes on a case.
// The `notes` commands: backend/src/app/notes.rs, src-tauri/src/commands/notes.rs.
import { call } from './call';
import type { Note, NotePage } from '../bindings';

export const notes = {
  // Notes on a case a page at a time from `offset`: newest first; a search gives the best
  // matches first with the words found marked, and never fails because of what was typed.
  listNotes: (caseId: number, offset = 0) => call<NotePage>('list_notes', { caseId, offset }),
  addNote: (caseId: number, text: string) => call<Note>('add_note', { caseId, text }),
  searchNotes: (caseId: number, query: string, offset = 0) =>
    call<NotePage>('search_notes', { caseId, query, offset }),
  deleteNote: (id: number) => call<null>('delete_note', { id }),
};
