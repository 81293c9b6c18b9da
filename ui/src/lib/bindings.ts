// Generated from the Rust types in backend/ by `UPDATE_BINDINGS=1 cargo test -p backend bindings`.
// Do not edit by hand.

export type ErrorPayload = { 
/**
 * Stable machine word, for example `invalid_input` or `database_too_new`.
 */
code: string, 
/**
 * Plain words for the person using the app.
 */
message: string, };

export type Nation = "england" | "scotland" | "wales" | "northern-ireland";

export type CaseDetails = { 
/**
 * Who the case is for: the patient's full name.
 */
patient_name: string, 
/**
 * The patient's postal address, one line per line. Printed as the sender's address.
 */
patient_address: string, 
/**
 * Where the patient lives; help and rights differ by nation.
 */
nation: Nation | null, 
/**
 * What they were diagnosed with or offered, in their own words.
 */
diagnosis: string, 
/**
 * Why they would like a second opinion, in their own words.
 */
reason: string, 
/**
 * The first doctor's name.
 */
first_doctor_name: string, 
/**
 * Where the first doctor works (hospital, clinic or practice).
 */
first_doctor_workplace: string, 
/**
 * The GP practice's name.
 */
gp_practice_name: string, 
/**
 * The GP practice's postal address, one line per line.
 */
gp_practice_address: string, };

export type Case = { id: number, details: CaseDetails, 
/**
 * When the case was started (RFC 3339, UTC).
 */
created_at: string, 
/**
 * When it was last saved (RFC 3339, UTC).
 */
updated_at: string, };

export type CaseSummary = { id: number, patient_name: string, updated_at: string, };

export type ItemMeta = { id: string, title: string, nations: Array<Nation>, sources: Array<string>, reviewed: string, review_by: string, };

export type Screen = { 
/**
 * Short paragraphs introducing the screen.
 */
intro: Array<string>, 
/**
 * The label of the main button.
 */
start_label: string, 
/**
 * The emergency line shown on the screen.
 */
emergency: string, id: string, title: string, nations: Array<Nation>, sources: Array<string>, reviewed: string, review_by: string, };

export type Paper = "a4" | "us-letter";

export type DocumentOptions = { paper: Paper, 
/**
 * 16 pt body text and wider spacing instead of 12 pt.
 */
large_print: boolean, };

export type SavedDocument = { 
/**
 * The file's name, without its folder.
 */
file_name: string, 
/**
 * The full path it was saved to.
 */
path: string, };
