// Profiles: make, open, lock, recover, export, import and delete; the passphrase, the
// recovery code, the idle-lock time and the activity log.
// The `profiles` commands: backend/src/app/profiles.rs, src-tauri/src/commands/profiles.rs.
import { call } from './call';
import type { ActivityEntry, CreatedProfile, DocumentOptions, ProfileSummary, SavedDocument } from '../bindings';

export const profiles = {
  listProfiles: () => call<ProfileSummary[]>('list_profiles'),
  /** The profile open now, or null when locked. */
  openProfile: () => call<ProfileSummary | null>('open_profile'),
  /** Four random words for a new passphrase, made by the backend each time it is asked. */
  suggestPassphrase: () => call<string>('suggest_passphrase'),
  createProfile: (name: string, passphrase: string) =>
    call<CreatedProfile>('create_profile', { name, passphrase }),
  unlockProfile: (id: string, passphrase: string) =>
    call<ProfileSummary>('unlock_profile', { id, passphrase }),
  /** Locks; the backend then throws the window's page away and the app starts at the picker. */
  lockProfile: (idle = false) => call<null>('lock_profile', { idle }),
  /** Whether the last lock was because nobody used the app (true once). */
  lockedBecauseIdle: () => call<boolean>('locked_because_idle'),
  /** The person is using the app: the backend's idle deadline moves on. */
  stillHere: () => call<null>('still_here'),
  idleLockSeconds: () => call<number>('idle_lock_seconds'),
  /** Opens a profile with its recovery code and sets a new passphrase. */
  recoverProfile: (id: string, recoveryCode: string, newPassphrase: string) =>
    call<ProfileSummary>('recover_profile', { id, recoveryCode, newPassphrase }),
  changePassphrase: (oldPassphrase: string, newPassphrase: string) =>
    call<null>('change_passphrase', { oldPassphrase, newPassphrase }),
  /** A new recovery code for the open profile (the old one stops working). Shown once. The
   * person's passphrase is typed again (the backend checks it: `wrong_passphrase`). */
  newRecoveryCode: (passphrase: string) => call<string>('new_recovery_code', { passphrase }),
  /** A sheet with boxes to copy the recovery code into by hand: it never holds the code. */
  writeRecoverySheet: (options: DocumentOptions) =>
    call<SavedDocument | null>('write_recovery_sheet', { options }),
  /** Checks a recovery code copied by hand against the open profile. */
  checkRecoveryCode: (recoveryCode: string) => call<null>('check_recovery_code', { recoveryCode }),
  /** Saves the open profile to one encrypted file; the path, or null if the person cancelled.
   * `passphrase` is the profile's, typed again; `exportPassphrase` seals the file. */
  exportProfile: (passphrase: string, exportPassphrase: string) =>
    call<string | null>('export_profile', { passphrase, exportPassphrase }),
  /** Makes a profile from a backup file the person picks; null if they cancelled. */
  importProfile: (passphrase: string) =>
    call<CreatedProfile | null>('import_profile', { passphrase }),
  /** Deletes the open profile once its name is typed exactly and its passphrase typed again. */
  deleteProfile: (typedName: string, passphrase: string) =>
    call<null>('delete_profile', { typedName, passphrase }),
  activityLog: () => call<ActivityEntry[]>('activity_log'),
  /** The idle times to choose from, and the one chosen, in minutes. */
  idleLockMinutes: () => call<[number[], number]>('idle_lock_minutes'),
  setIdleLockMinutes: (minutes: number) => call<null>('set_idle_lock_minutes', { minutes }),
};
