// Presentation helpers for the journey screens: the empty record, the step list and its words.
// No business rules live here: due dates, comparisons and what is upcoming come from the backend.
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

const filled = (s: string | null | undefined) => typeof s === 'string' && s.trim() !== '';
const anyOf = (o: object) =>
  Object.values(o).some((v) => (typeof v === 'string' ? filled(v) : v !== null && v !== false));

/** Whether the person has recorded anything on a step: only to draw the map. */
export function hasSomething(step: Step, j: Journey, caseFilled: boolean): boolean {
  switch (step) {
    case 'situation':
      return caseFilled || j.for_whom !== null || filled(j.diagnosed_when) || filled(j.treatment_proposed) || j.urgency !== null || j.cancer_or_mental_health !== null || j.in_hospital !== null;
    case 'is-it-right':
      return j.reasons.length > 0 || anyOf(j.readiness_before) || j.go_ahead !== null || filled(j.go_ahead_why);
    case 'choose-route':
      return j.route !== null || filled(j.specialist_notes) || filled(j.preferred_specialist);
    case 'ask':
      return filled(j.asked_on) || filled(j.answer);
    case 'records':
      return j.records.length > 0 || filled(j.records_holder) || filled(j.records_requested_on) || filled(j.records_received_on);
    case 'prepare':
      return anyOf(j.appointment) || j.questions.length > 0 || j.timeline.length > 0 || j.medicines.length > 0 || filled(j.allergies) || j.bring_ready.length > 0;
    case 'after-appointment':
      return anyOf(j.second_opinion) || anyOf(j.first_opinion) || anyOf(j.same_answers) || j.questions.some((q) => filled(q.answer));
    case 'decide-and-tell':
      return filled(j.decision) || filled(j.decision_why) || filled(j.what_matters_most) || anyOf(j.readiness_after) || filled(j.next_steps);
  }
}
