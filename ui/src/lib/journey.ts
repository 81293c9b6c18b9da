// Presentation helpers for the journey screens: the empty record, the step list and its words.
// No business rules live here: due dates, comparisons, what is upcoming and how far each step
// has got come from the backend.
import type { CaseDetails, Journey, Readiness, Step, WeighUp } from './api';

export const emptyReadiness = (): Readiness => ({
  know_enough: null,
  clear_what_matters: null,
  have_support: null,
  feel_sure: null,
});

export const emptyJourney = (): Journey => ({
  for_whom: null,
  diagnosed_when: '',
  treatment_proposed: '',
  urgency: null,
  cancer_or_mental_health: null,
  in_hospital: null,
  reasons: [],
  readiness_before: emptyReadiness(),
  go_ahead: null,
  go_ahead_why: '',
  route: null,
  specialist_notes: '',
  preferred_specialist: '',
  carer_name: '',
  carer_relationship: '',
  asked_on: null,
  answer: '',
  records: [],
  records_holder: '',
  records_requested_on: null,
  records_received_on: null,
  appointment: { date: null, time: '', place: '', with_whom: '', who_comes: '' },
  questions: [],
  timeline: [],
  medicines: [],
  allergies: '',
  bring_ready: [],
  first_opinion: { diagnosis: '', options: '', risks: '', recommendation: '', anything_new: '' },
  second_opinion: { diagnosis: '', options: '', risks: '', recommendation: '', anything_new: '' },
  same_answers: { diagnosis: null, options: null, risks: null, recommendation: null, anything_new: null },
  decision: '',
  decision_why: '',
  what_matters_most: '',
  readiness_after: emptyReadiness(),
  next_steps: '',
  weigh_up_before: emptyWeighUp(),
  weigh_up_after: emptyWeighUp(),
  decide_by: null,
  follow_up_after_weeks: null,
  communication_needs: {
    large_print: false,
    easy_read: false,
    braille: false,
    audio: false,
    email: false,
    email_address: '',
    bsl_interpreter: false,
    interpreter_language: '',
    contact_carer: false,
    welsh_replies: false,
  },
});

/** A weigh-up with nothing filled in (as the backend's `WeighUp::default()`). */
export function emptyWeighUp(): WeighUp {
  const none = () => ({ for_it: '', against_it: '' });
  const view = () => ({ decider: null, who: '', lean: '' });
  return {
    matters: [],
    stay: none(),
    ask: none(),
    first_doctor: none(),
    second_doctor: none(),
    own_options: [],
    patient: view(),
    carer: view(),
  };
}

/** The eight steps, in order, with their short names for the map. */
export const steps: { id: Step; title: string; short: string }[] = [
  { id: 'situation', title: 'Your situation', short: 'Your situation' },
  { id: 'is-it-right', title: 'Is a second opinion right for you?', short: 'Is it right?' },
  { id: 'choose-route', title: 'Choose a route', short: 'Choose a route' },
  { id: 'ask', title: 'Ask for a second opinion', short: 'Ask for it' },
  { id: 'records', title: 'Gather your records', short: 'Records' },
  { id: 'prepare', title: 'Prepare for the appointment', short: 'Prepare' },
  { id: 'after-appointment', title: 'After the appointment', short: 'After' },
  { id: 'decide-and-tell', title: 'Decide and tell both doctors', short: 'Decide and tell' },
];

/** A date input gives '' when cleared; the backend wants null. */
export function cleanDates(j: Journey): Journey {
  const blank = (d: string | null) => (d === '' ? null : d);
  return {
    ...j,
    asked_on: blank(j.asked_on),
    records_requested_on: blank(j.records_requested_on),
    records_received_on: blank(j.records_received_on),
    decide_by: blank(j.decide_by),
    appointment: { ...j.appointment, date: blank(j.appointment.date) },
  };
}

/** The same for the case: a cleared date of birth is null. */
export function cleanCaseDates(d: CaseDetails): CaseDetails {
  return { ...d, date_of_birth: d.date_of_birth === '' ? null : d.date_of_birth };
}
