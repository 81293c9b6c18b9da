// Cases: start, list, open, save, archive and delete.
// The `cases` commands: backend/src/app/cases.rs, src-tauri/src/commands/cases.rs.
import { call } from './call';
import type { CaseAsTyped, CaseDetails, CaseSummary, FieldLimit, Screen } from '../bindings';

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

export const cases = {
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
};
