// Carers: who may act for the profile's person, and who is acting now.
// The `carers` commands: backend/src/app/carers.rs, src-tauri/src/commands/carers.rs.
import { call } from './call';
import type {
  ActingCarer,
  CarerConsent,
  CarerConsentDetails,
  ConsentsToday,
  DocumentOptions,
  SavedDocument,
} from '../bindings';

export const carers = {
  /** Every consent, each with where today falls in it (`today`), and today itself. */
  carerConsents: () => call<ConsentsToday>('carer_consents'),
  activeCarerConsents: () => call<CarerConsent[]>('active_carer_consents'),
  /** Records a consent, or ends one today; the person's passphrase is typed again. */
  addCarerConsent: (details: CarerConsentDetails, passphrase: string) =>
    call<CarerConsent>('add_carer_consent', { details, passphrase }),
  endCarerConsent: (id: number, passphrase: string) => call<CarerConsent>('end_carer_consent', { id, passphrase }),
  /** Who is using the profile now: a carer's consent id, or null for the person themselves.
   * Taking over from a carer who is helping needs the person's passphrase. */
  actFor: (consentId: number | null, passphrase: string | null = null) =>
    call<ActingCarer | null>('act_for', { consentId, passphrase }),
  actingCarer: () => call<ActingCarer | null>('acting_carer'),
  /** Prints the consent form for a recorded consent. */
  writeConsentForm: (consentId: number, options: DocumentOptions) =>
    call<SavedDocument | null>('write_consent_form', { consentId, options }),
};
