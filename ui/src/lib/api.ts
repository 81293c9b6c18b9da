// The only module that talks to Tauri. Every call returns typed data or throws an AppError whose
// `code` the UI switches on (never on the message text).
import { invoke } from '@tauri-apps/api/core';
import type {
  Case,
  CaseDetails,
  CreatedProfile,
  ProfileSummary,
  CaseSummary,
  DocumentKind,
  DocumentOptions,
  ErrorPayload,
  Guidance,
  Journey,
  JourneyView,
  Nation,
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
  lockProfile: () => call<null>('lock_profile'),
  idleLockSeconds: () => call<number>('idle_lock_seconds'),
  homeScreen: () => call<Screen>('home_screen'),
  listCases: () => call<CaseSummary[]>('list_cases'),
  getCase: (id: number) => call<Case>('get_case', { id }),
  createCase: (details: CaseDetails) => call<Case>('create_case', { details }),
  saveCase: (id: number, details: CaseDetails) => call<Case>('save_case', { id, details }),
  archiveCase: (id: number, archived: boolean) => call<null>('archive_case', { id, archived }),
  deleteCase: (id: number) => call<null>('delete_case', { id }),
  /** Everything the journey shows for one nation (help, routes, questions…). */
  guidance: (nation: Nation) => call<Guidance>('guidance', { nation }),
  getJourney: (caseId: number) => call<JourneyView>('get_journey', { caseId }),
  saveJourney: (caseId: number, journey: Journey) =>
    call<JourneyView>('save_journey', { caseId, journey }),
  /** Makes, saves and opens a document; null when the person closed the save dialog. */
  writeDocument: (caseId: number, kind: DocumentKind, options: DocumentOptions) =>
    call<SavedDocument | null>('write_document', { caseId, kind, options }),
};
