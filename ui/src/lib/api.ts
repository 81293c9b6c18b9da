// The only module that talks to Tauri. Every call returns typed data or throws an AppError whose
// `code` the UI switches on (never on the message text).
import { invoke } from '@tauri-apps/api/core';
import { getVersion } from '@tauri-apps/api/app';
import { listen } from '@tauri-apps/api/event';
import type {
  About,
  ActingCarer,
  ActivityEntry,
  CarerConsent,
  CarerConsentDetails,
  Backup,
  CaseAsTyped,
  CaseDetails,
  FieldLimit,
  CreatedProfile,
  DateReading,
  Preferences,
  ProfileSummary,
  ReviewNotice,
  CaseSummary,
  DocumentKind,
  DocumentOptions,
  ErrorPayload,
  Guidance,
  HelpScreen,
  Journey,
  JourneyAsTyped,
  Nation,
  Note,
  SavedDocument,
  Screen,
} from './bindings';

export type * from './bindings';

/** An error from the backend: `code` is stable, `message` is plain words for the person. */
export class AppError extends Error {
  readonly code: string;
  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.code = payload.code;
  }
}

function isPayload(e: unknown): e is ErrorPayload {
  return typeof e === 'object' && e !== null && 'code' in e && 'message' in e;
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    if (isPayload(e)) throw new AppError(e);
    throw new AppError({
      code: 'internal',
      message: 'Something went wrong inside the app. Your information is safe. Please try again.',
    });
  }
}

export const emptyDetails = (): CaseDetails => ({
  patient_name: '',
  patient_address: '',
  nation: null,
  diagnosis: '',
  reason: '',
  first_doctor_name: '',
  first_doctor_workplace: '',
  gp_practice_name: '',
  gp_practice_address: '',
  date_of_birth: null,
  nhs_number: '',
});

export const api = {
  listProfiles: () => call<ProfileSummary[]>('list_profiles'),
  /** The profile open now, or null when locked. */
  openProfile: () => call<ProfileSummary | null>('open_profile'),
  createProfile: (name: string, passphrase: string) =>
    call<CreatedProfile>('create_profile', { name, passphrase }),
  unlockProfile: (id: string, passphrase: string) =>
    call<ProfileSummary>('unlock_profile', { id, passphrase }),
  /** Locks; the backend then throws the window's page away and the app starts at the picker. */
  lockProfile: (idle = false) => call<null>('lock_profile', { idle }),
  /** The person is using the app: the backend's idle deadline moves on. */
  stillHere: () => call<null>('still_here'),
  /** Whether the last lock was because nobody used the app (true once). */
  lockedBecauseIdle: () => call<boolean>('locked_because_idle'),
  idleLockSeconds: () => call<number>('idle_lock_seconds'),
  /** Opens a profile with its recovery code and sets a new passphrase. */
  recoverProfile: (id: string, recoveryCode: string, newPassphrase: string) =>
    call<ProfileSummary>('recover_profile', { id, recoveryCode, newPassphrase }),
  changePassphrase: (oldPassphrase: string, newPassphrase: string) =>
    call<null>('change_passphrase', { oldPassphrase, newPassphrase }),
  /** A new recovery code for the open profile (the old one stops working). Shown once. */
  newRecoveryCode: () => call<string>('new_recovery_code'),
  /** A sheet with boxes to copy the recovery code into by hand: it never holds the code. */
  writeRecoverySheet: (options: DocumentOptions) =>
    call<SavedDocument | null>('write_recovery_sheet', { options }),
  /** Checks a recovery code copied by hand against the open profile. */
  checkRecoveryCode: (recoveryCode: string) => call<null>('check_recovery_code', { recoveryCode }),
  /** Saves the open profile to one encrypted file; the path, or null if the person cancelled. */
  exportProfile: (exportPassphrase: string) =>
    call<string | null>('export_profile', { exportPassphrase }),
  /** Makes a profile from a backup file the person picks; null if they cancelled. */
  importProfile: (passphrase: string) =>
    call<CreatedProfile | null>('import_profile', { passphrase }),
  /** Deletes the open profile once its name is typed exactly. */
  deleteProfile: (typedName: string) => call<null>('delete_profile', { typedName }),
  activityLog: () => call<ActivityEntry[]>('activity_log'),
  /** The idle times to choose from, and the one chosen, in minutes. */
  idleLockMinutes: () => call<[number[], number]>('idle_lock_minutes'),
  setIdleLockMinutes: (minutes: number) => call<null>('set_idle_lock_minutes', { minutes }),
  carerConsents: () => call<CarerConsent[]>('carer_consents'),
  activeCarerConsents: () => call<CarerConsent[]>('active_carer_consents'),
  addCarerConsent: (details: CarerConsentDetails) =>
    call<CarerConsent>('add_carer_consent', { details }),
  endCarerConsent: (id: number, lastDay: string) =>
    call<CarerConsent>('end_carer_consent', { id, lastDay }),
  /** Who is using the profile now: a carer's consent id, or null for the person themselves. */
  actFor: (consentId: number | null) => call<ActingCarer | null>('act_for', { consentId }),
  actingCarer: () => call<ActingCarer | null>('acting_carer'),
  /** Prints the consent form for a recorded consent. */
  writeConsentForm: (consentId: number, options: DocumentOptions) =>
    call<SavedDocument | null>('write_consent_form', { consentId, options }),
  /** A profile's automatic backups, newest first; restore one (checked first). */
  listBackups: (id: string) => call<Backup[]>('list_backups', { id }),
  restoreBackup: (id: string, passphrase: string, backup: string) =>
    call<ProfileSummary>('restore_backup', { id, passphrase, backup }),
  /** How many profile folders could not be read (said in the picker, never hidden). */
  unreadableProfiles: () => call<number>('unreadable_profiles'),
  homeScreen: () => call<Screen>('home_screen'),
  listCases: () => call<CaseSummary[]>('list_cases'),
  /** A case as last typed: what is saved (`case`), what was typed (`typed`), what to change. */
  getCase: (id: number) => call<CaseAsTyped>('get_case', { id }),
  /** The autosave: every valid field is saved, each refused one kept as typed with its problem. */
  createCase: (details: CaseDetails) => call<CaseAsTyped>('create_case', { details }),
  saveCase: (id: number, details: CaseDetails) => call<CaseAsTyped>('save_case', { id, details }),
  /** The most characters each field takes (`*`: every other journey text). */
  fieldLimits: () => call<FieldLimit[]>('field_limits'),
  archiveCase: (id: number, archived: boolean) => call<null>('archive_case', { id, archived }),
  deleteCase: (id: number) => call<null>('delete_case', { id }),
  /** Everything the journey shows for one nation (help, routes, questions…). */
  guidance: (nation: Nation) => call<Guidance>('guidance', { nation }),
  getJourney: (caseId: number) => call<JourneyAsTyped>('get_journey', { caseId }),
  saveJourney: (caseId: number, journey: Journey) =>
    call<JourneyAsTyped>('save_journey', { caseId, journey }),
  /** Makes, saves and opens a document; null when the person closed the save dialog. */
  writeDocument: (caseId: number, kind: DocumentKind, options: DocumentOptions) =>
    call<SavedDocument | null>('write_document', { caseId, kind, options }),
  // Notes on a case: newest first; a search never fails because of what was typed.
  listNotes: (caseId: number) => call<Note[]>('list_notes', { caseId }),
  addNote: (caseId: number, text: string) => call<Note>('add_note', { caseId, text }),
  searchNotes: (caseId: number, query: string) => call<Note[]>('search_notes', { caseId, query }),
  deleteNote: (id: number) => call<null>('delete_note', { id }),
  /** The first screen is interactive (only the start-up measurement listens). */
  reportReady: () => call<null>('report_ready'),

  // The app itself (display settings, help, version, menu) and UK dates.
  getPreferences: () => call<Preferences>('get_preferences'),
  savePreferences: (preferences: Preferences) => call<Preferences>('save_preferences', { preferences }),
  /** The Help screen: the nation's urgent help first (when it is known), then the topics. */
  helpTopics: (nation: Nation | null) => call<HelpScreen>('help_topics', { nation }),
  /** A notice when the installed guidance is past its review date, else null. */
  guidanceReview: () => call<ReviewNotice | null>('guidance_review'),
  /** What the app does and does not do, its disclaimer, who made it and how its guidance is kept
   * up to date (content/about.toml). */
  aboutApp: () => call<About>('about_app'),
  /** Reads a date typed the UK way ("21/11/2026", "21 Nov 2026"); AppError invalid_input if not. */
  readDate: (text: string) => call<DateReading>('read_date', { text }),
  /** A stored date ("2026-11-21") in every form. */
  showDate: (iso: string) => call<DateReading>('show_date', { iso }),
  appVersion: () => getVersion(),
  /** Calls `handler` with the id of each app-menu item chosen; returns a function that stops. */
  onMenu: (handler: (item: string) => void) => listen<string>('menu', (e) => handler(e.payload)),
};
