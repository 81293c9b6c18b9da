// The person's own files in a case.
// The `attachments` commands: backend/src/app/attachments.rs, src-tauri/src/commands/attachments.rs.
import { call } from './call';
import type { AddedFile, Attachment, AttachmentDetails, DocumentOptions, SavedDocument } from '../bindings';

export const attachments = {
  // A case's files, oldest date first (no file's bytes).
  listAttachments: (caseId: number) => call<Attachment[]>('list_attachments', { caseId }),
  // Opens the system's file picker (in Rust) and adds each file chosen.
  addAttachments: (caseId: number, answers: string | null = null) =>
    call<AddedFile[]>('add_attachments', { caseId, answers }),
  // Adds the files last dropped on the window (the window never sees their paths).
  addDroppedFiles: (caseId: number) => call<AddedFile[]>('add_dropped_files', { caseId }),
  updateAttachment: (id: number, details: AttachmentDetails) =>
    call<Attachment>('update_attachment', { id, details }),
  // The file's bytes, to show in the window.
  attachmentBytes: (id: number) => call<ArrayBuffer>('attachment_bytes', { id }),
  // Page `page` (from 1) of a PDF, drawn by the backend `width` pixels wide: a PNG, with the
  // PDF's number of pages (the window never gets the PDF itself).
  attachmentPage: async (id: number, page: number, width: number) => {
    const bytes = await call<ArrayBuffer>('attachment_page', { id, page, width });
    return pagePicture(bytes);
  },
  saveAttachmentCopy: (id: number) =>
    call<SavedDocument | null>('save_attachment_copy', { id }),
  removeAttachment: (id: number) => call<null>('remove_attachment', { id }),
  restoreAttachment: (id: number) => call<Attachment>('restore_attachment', { id }),
  // One PDF for the second doctor: an index, then the chosen files in this order; saved
  // where the person chooses (in Rust).
  writeRecordsBundle: (caseId: number, ids: number[], options: DocumentOptions) =>
    call<SavedDocument | null>('write_records_bundle', { caseId, ids, options }),
};

/** A drawn page as the backend sends it: the number of pages (4 bytes, big-endian), then the PNG. */
export function pagePicture(bytes: ArrayBuffer): { pages: number; png: ArrayBuffer } {
  const pages = new DataView(bytes).getUint32(0);
  return { pages, png: bytes.slice(4) };
}
