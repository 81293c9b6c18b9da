// The UI's API: one module per domain, named as the backend's (backend/src/app/<domain>.rs)
// and the shell's (src-tauri/src/commands/<domain>.rs), one function per command. Everything
// else imports from here (`lib/api`); only call.ts and window.ts talk to Tauri.
import { attachments } from './attachments';
import { backups } from './backups';
import { carers } from './carers';
import { cases } from './cases';
import { dates } from './dates';
import { documents } from './documents';
import { help } from './help';
import { journey } from './journey';
import { notes } from './notes';
import { preferences } from './preferences';
import { profiles } from './profiles';
import { startup } from './startup';
import { appWindow } from './window';

export type * from '../bindings';
export { AppError } from './call';
export { emptyDetails } from './cases';

export const api = {
  ...attachments,
  ...backups,
  ...carers,
  ...cases,
  ...dates,
  ...documents,
  ...help,
  ...journey,
  ...notes,
  ...preferences,
  ...profiles,
  ...startup,
  ...appWindow,
};
