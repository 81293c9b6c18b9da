// Notes on a case.
// The `notes` commands: backend/src/app/notes.rs, src-tauri/src/commands/notes.rs.
import { call } from './call';
import type { Note } from '../bindings';

export const notes = {
  // Notes on a case: newest first; a search never fails because of what was typed.
  listNotes: (caseId: number) => call<Note[]>('list_notes', { caseId }),
  addNote: (caseId: number, text: string) => call<Note>('add_note', { caseId, text }),
  searchNotes: (caseId: number, query: string) => call<Note[]>('search_notes', { caseId, query }),
  deleteNote: (id: number) => call<null>('delete_note', { id }),
};
