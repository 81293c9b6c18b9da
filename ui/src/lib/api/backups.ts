// Automatic backups of a profile's database: list them, and restore one.
// The `backups` commands: backend/src/app/backups.rs, src-tauri/src/commands/backups.rs.
import { call } from './call';
import type { Backup, ProfileSummary } from '../bindings';

export const backups = {
  /** A profile's automatic backups, newest first; restore one (checked first). */
  listBackups: (id: string) => call<Backup[]>('list_backups', { id }),
  restoreBackup: (id: string, passphrase: string, backup: string) =>
    call<ProfileSummary>('restore_backup', { id, passphrase, backup }),
  /** How many profile folders could not be read (said in the picker, never hidden). */
  unreadableProfiles: () => call<number>('unreadable_profiles'),
};
