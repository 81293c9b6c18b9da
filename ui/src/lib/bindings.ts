// Generated from the Rust types in backend/ by `UPDATE_BINDINGS=1 cargo test -p backend bindings`.
// Do not edit by hand.

export type ErrorCode = "invalid_input" | "invalid_nhs_number" | "invalid_date_of_birth" | "not_found" | "database_too_new" | "record_too_new" | "database_damaged" | "storage" | "document" | "io" | "content" | "wrong_passphrase" | "wrong_recovery_code" | "profile_not_found" | "profile_damaged" | "passphrase_slot_damaged" | "recovery_slot_damaged" | "not_an_export" | "note_not_found" | "disk_full" | "read_only" | "profile_in_use" | "backup_unusable" | "key_settings_refused" | "unexpected_contents" | "locked" | "file_refused" | "file_not_found" | "internal" | "not_saved" | "not_kept";

export type ErrorPayload = { 
/**
 * Stable machine word, for example `invalid_input` or `database_too_new`.
 */
code: ErrorCode, 
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
gp_practice_address: string, 
/**
 * The patient's date of birth: helps every doctor and records office find the right person.
 */
date_of_birth: string | null, 
/**
 * The patient's NHS number (CHI number in Scotland, H&C number in Northern Ireland), as
 * typed: ten digits, spaces allowed ("943 476 5919"). Empty when not known.
 */
nhs_number: string, };

export type Case = { id: number, details: CaseDetails, 
/**
 * When the case was started (RFC 3339, UTC).
 */
created_at: string, 
/**
 * When it was last saved (RFC 3339, UTC).
 */
updated_at: string, };

export type CaseSummary = { id: number, patient_name: string, updated_at: string, 
/**
 * Moved out of the main list by the person; nothing is deleted.
 */
archived: boolean, 
/**
 * How many answers are kept as typed but need a change before they can be used.
 */
needs_change: number, };

export type FieldProblem = { 
/**
 * The field, as named in `CaseDetails` or `Journey`; nested fields joined by dots.
 */
field: string, 
/**
 * The journey step the field is on.
 */
step: Step, 
/**
 * Stable, for the UI: `too_long`, `hidden_character`, `invalid_nhs_number`,
 * `invalid_date_of_birth` or `invalid_date`.
 */
code: string, 
/**
 * Plain words: what is wrong and what to change.
 */
message: string, 
/**
 * Whether what was typed is kept (encrypted, in the profile) until it is changed. `false`
 * only for text longer than [`MAX_DRAFT_CHARS`].
 */
kept: boolean, };

export type FieldLimit = { 
/**
 * As in [`FieldProblem::field`]; `*` is the limit of every journey text not listed.
 */
field: string, max_chars: number, };

export type CaseAsTyped = { case: Case, typed: CaseDetails, problems: Array<FieldProblem>, };

export type Note = { id: number, case_id: number, 
/**
 * When it was written: RFC 3339 with the computer's UTC offset at that moment.
 */
written_at: string, 
/**
 * The day it was written, the UK way: "21 November 2026".
 */
written_on: string, 
/**
 * Exactly as typed.
 */
text: string, };

export type NotePage = { notes: Array<FoundNote>, 
/**
 * More notes come after this page (asked for with a larger `offset`).
 */
more: boolean, 
/**
 * How many notes the case has in all.
 */
total: number, };

export type FoundNote = { note: Note, 
/**
 * The note's text in order, cut where a found word starts and ends; empty when nothing was
 * searched for. Joined, the parts are the note's text exactly.
 */
parts: Array<NotePart>, };

export type NotePart = { text: string, found: boolean, };

export type AttachmentKind = "pdf" | "jpeg" | "png" | "heic";

export type Attachment = { id: number, case_id: number, 
/**
 * Exactly as the person gave it (from the file's name at first).
 */
title: string, 
/**
 * The document's own date, if the person gave one.
 */
dated: string | null, 
/**
 * That date the UK way ("21 November 2026"), or empty.
 */
dated_text: string, kind: AttachmentKind, 
/**
 * Size in bytes.
 */
size: number, 
/**
 * The size the UK way ("2.4 MB").
 */
size_text: string, 
/**
 * Pages, for a PDF.
 */
pages: number | null, 
/**
 * The label of the checklist record it answers, if any.
 */
answers: string | null, 
/**
 * SHA-256 of the bytes, in hex.
 */
sha256: string, 
/**
 * When it was added (RFC 3339, UTC).
 */
added_at: string, 
/**
 * A plain note about the file, if any: it cannot be shown in the app, or it holds scripts
 * the app never runs.
 */
note: string | null, };

export type AttachmentDetails = { title: string, dated: string | null, answers: string | null, };

export type AddedFile = { 
/**
 * The file's name as offered, without its folder (shown only in the window).
 */
file_name: string, 
/**
 * The file as kept, or `None` when it was refused.
 */
added: Attachment | null, 
/**
 * Why it was refused, in plain words.
 */
refused: ErrorPayload | null, };

export type StartupMark = { name: string, at_ms: number, };

export type ItemMeta = { id: string, title: string, nations: Array<Nation>, 
/**
 * Ids of entries in `content/sources.toml`; see `Content::source`.
 */
sources: Array<string>, reviewed: string, review_by: string, 
/**
 * The screens this item is shown on. Empty for items reached another way (by id).
 */
steps: Array<Step>, 
/**
 * A note for the clinical reviewer: what to check, or why the wording is cautious. Not
 * shown to the person.
 */
reviewer_note?: string, };

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
emergency: string, id: string, title: string, nations: Array<Nation>, 
/**
 * Ids of entries in `content/sources.toml`; see `Content::source`.
 */
sources: Array<string>, reviewed: string, review_by: string, 
/**
 * The screens this item is shown on. Empty for items reached another way (by id).
 */
steps: Array<Step>, 
/**
 * A note for the clinical reviewer: what to check, or why the wording is cautious. Not
 * shown to the person.
 */
reviewer_note?: string, };

export type Step = "situation" | "is-it-right" | "choose-route" | "ask" | "records" | "prepare" | "after-appointment" | "decide-and-tell";

export type Source = { id: string, 
/**
 * The title of the guide or document.
 */
title: string, 
/**
 * Who published it.
 */
publisher: string, 
/**
 * What it is, in a sentence.
 */
description: string, 
/**
 * The seed file it was read from, in `../shared/seeds/` or `../shared/guide/`.
 */
file?: string, 
/**
 * The date the facts taken from this source were recorded: every phone number the app
 * shows cites a source with this date, so a reviewer knows how old the number is.
 */
as_of?: string, };

export type Item = { "kind": "notice" } & Notice | { "kind": "screen" } & Screen | { "kind": "about" } & About | { "kind": "reason" } & Reason | { "kind": "first-step" } & FirstStep | { "kind": "consideration" } & Consideration | { "kind": "route" } & Route | { "kind": "right" } & Right | { "kind": "journey-step" } & JourneyStep | { "kind": "way-to-ask" } & WayToAsk | { "kind": "records-guide" } & RecordsGuide | { "kind": "bring-item" } & BringItem | { "kind": "question-topic" } & QuestionTopic | { "kind": "question" } & Question | { "kind": "faq" } & Faq | { "kind": "organisation" } & Organisation | { "kind": "letter" } & LetterTemplate | { "kind": "letter-needs" } & NeedsWords | { "kind": "plan-option" } & PlanOption | { "kind": "readiness-check" } & ReadinessCheck | { "kind": "usual-record" } & UsualRecord | { "kind": "weigh-up" } & WeighUpGuide | { "kind": "question-set" } & QuestionSet;

export type About = { summary: string, 
/**
 * What the app does.
 */
does: Array<string>, 
/**
 * What the app does not do.
 */
does_not: Array<string>, 
/**
 * Who made the app, who pays for it, and how its guidance is kept up to date.
 */
who_made_it: Array<string>, 
/**
 * The short warning shown on Home, at the top of step 1 and in About: not medical advice,
 * no diagnosis or judging of one, not for emergencies.
 */
disclaimer: Array<string>, id: string, title: string, nations: Array<Nation>, 
/**
 * Ids of entries in `content/sources.toml`; see `Content::source`.
 */
sources: Array<string>, reviewed: string, review_by: string, 
/**
 * The screens this item is shown on. Empty for items reached another way (by id).
 */
steps: Array<Step>, 
/**
 * A note for the clinical reviewer: what to check, or why the wording is cautious. Not
 * shown to the person.
 */
reviewer_note?: string, };

export type ReasonGroup = "worry" | "situation";

export type Reason = { group: ReasonGroup, text: string, id: string, title: string, nations: Array<Nation>, 
/**
 * Ids of entries in `content/sources.toml`; see `Content::source`.
 */
sources: Array<string>, reviewed: string, review_by: string, 
/**
 * The screens this item is shown on. Empty for items reached another way (by id).
 */
steps: Array<Step>, 
/**
 * A note for the clinical reviewer: what to check, or why the wording is cautious. Not
 * shown to the person.
 */
reviewer_note?: string, };

export type FirstStep = { 
/**
 * Short paragraphs.
 */
text: Array<string>, id: string, title: string, nations: Array<Nation>, 
/**
 * Ids of entries in `content/sources.toml`; see `Content::source`.
 */
sources: Array<string>, reviewed: string, review_by: string, 
/**
 * The screens this item is shown on. Empty for items reached another way (by id).
 */
steps: Array<Step>, 
/**
 * A note for the clinical reviewer: what to check, or why the wording is cautious. Not
 * shown to the person.
 */
reviewer_note?: string, };

export type Side = "benefit" | "drawback";

export type Consideration = { side: Side, text: string, id: string, title: string, nations: Array<Nation>, 
/**
 * Ids of entries in `content/sources.toml`; see `Content::source`.
 */
sources: Array<string>, reviewed: string, review_by: string, 
/**
 * The screens this item is shown on. Empty for items reached another way (by id).
 */
steps: Array<Step>, 
/**
 * A note for the clinical reviewer: what to check, or why the wording is cautious. Not
 * shown to the person.
 */
reviewer_note?: string, };

export type NoticeLevel = "emergency" | "urgent" | "caution";

export type NoticeWhen = "time-critical";

export type Notice = { level: NoticeLevel, 
/**
 * Short paragraphs.
 */
text: Array<string>, 
/**
 * The notice in one line: for the banner on every screen (when `banner`) and the printed
 * pack's list of urgent numbers.
 */
line?: string, 
/**
 * This nation's urgent line: its `line` is the banner on every screen of a case. Exactly one
 * per nation (checked).
 */
banner: boolean, 
/**
 * Shown only when this holds for the case; shown first and more strongly when it does.
 */
when?: NoticeWhen, 
/**
 * Printed in full on the prep pack's "Keep safe while you wait" page.
 */
print: boolean, 
/**
 * Ids of questions from the bank that go with this notice: added to the prep pack when the
 * notice applies.
 */
questions: Array<string>, id: string, title: string, nations: Array<Nation>, 
/**
 * Ids of entries in `content/sources.toml`; see `Content::source`.
 */
sources: Array<string>, reviewed: string, review_by: string, 
/**
 * The screens this item is shown on. Empty for items reached another way (by id).
 */
steps: Array<Step>, 
/**
 * A note for the clinical reviewer: what to check, or why the wording is cautious. Not
 * shown to the person.
 */
reviewer_note?: string, };

export type HelpScreen = { notices: Array<Notice>, topics: Array<Screen>, };

export type Right = { 
/**
 * Short paragraphs.
 */
text: Array<string>, id: string, title: string, nations: Array<Nation>, 
/**
 * Ids of entries in `content/sources.toml`; see `Content::source`.
 */
sources: Array<string>, reviewed: string, review_by: string, 
/**
 * The screens this item is shown on. Empty for items reached another way (by id).
 */
steps: Array<Step>, 
/**
 * A note for the clinical reviewer: what to check, or why the wording is cautious. Not
 * shown to the person.
 */
reviewer_note?: string, };

export type Route = { summary: string, who_arranges: string, cost: string, waiting: string, travel: string, what_you_need: string, benefits: Array<string>, drawbacks: Array<string>, 
/**
 * Ids of [`Right`] items that apply to this route.
 */
rights: Array<string>, 
/**
 * Ids of [`Organisation`] items that can help when this route gets stuck.
 */
help: Array<string>, id: string, title: string, nations: Array<Nation>, 
/**
 * Ids of entries in `content/sources.toml`; see `Content::source`.
 */
sources: Array<string>, reviewed: string, review_by: string, 
/**
 * The screens this item is shown on. Empty for items reached another way (by id).
 */
steps: Array<Step>, 
/**
 * A note for the clinical reviewer: what to check, or why the wording is cautious. Not
 * shown to the person.
 */
reviewer_note?: string, };

export type JourneyStep = { what_to_do: string, why: string, id: string, title: string, nations: Array<Nation>, 
/**
 * Ids of entries in `content/sources.toml`; see `Content::source`.
 */
sources: Array<string>, reviewed: string, review_by: string, 
/**
 * The screens this item is shown on. Empty for items reached another way (by id).
 */
steps: Array<Step>, 
/**
 * A note for the clinical reviewer: what to check, or why the wording is cautious. Not
 * shown to the person.
 */
reviewer_note?: string, };

export type Audience = "gp" | "consultant" | "either";

export type AskStyle = "direct" | "decision" | "via-gp";

export type WayToAsk = { style: AskStyle, to: Audience, 
/**
 * The words to say, as the person would say them.
 */
phrasing: string, id: string, title: string, nations: Array<Nation>, 
/**
 * Ids of entries in `content/sources.toml`; see `Content::source`.
 */
sources: Array<string>, reviewed: string, review_by: string, 
/**
 * The screens this item is shown on. Empty for items reached another way (by id).
 */
steps: Array<Step>, 
/**
 * A note for the clinical reviewer: what to check, or why the wording is cautious. Not
 * shown to the person.
 */
reviewer_note?: string, };

export type QuestionTopic = { intro: string, id: string, title: string, nations: Array<Nation>, 
/**
 * Ids of entries in `content/sources.toml`; see `Content::source`.
 */
sources: Array<string>, reviewed: string, review_by: string, 
/**
 * The screens this item is shown on. Empty for items reached another way (by id).
 */
steps: Array<Step>, 
/**
 * A note for the clinical reviewer: what to check, or why the wording is cautious. Not
 * shown to the person.
 */
reviewer_note?: string, };

export type Question = { 
/**
 * The id of its [`QuestionTopic`].
 */
topic: string, id: string, title: string, nations: Array<Nation>, 
/**
 * Ids of entries in `content/sources.toml`; see `Content::source`.
 */
sources: Array<string>, reviewed: string, review_by: string, 
/**
 * The screens this item is shown on. Empty for items reached another way (by id).
 */
steps: Array<Step>, 
/**
 * A note for the clinical reviewer: what to check, or why the wording is cautious. Not
 * shown to the person.
 */
reviewer_note?: string, };

export type BringItem = { why: string, id: string, title: string, nations: Array<Nation>, 
/**
 * Ids of entries in `content/sources.toml`; see `Content::source`.
 */
sources: Array<string>, reviewed: string, review_by: string, 
/**
 * The screens this item is shown on. Empty for items reached another way (by id).
 */
steps: Array<Step>, 
/**
 * A note for the clinical reviewer: what to check, or why the wording is cautious. Not
 * shown to the person.
 */
reviewer_note?: string, };

export type RecordsGuide = { 
/**
 * Short paragraphs.
 */
text: Array<string>, id: string, title: string, nations: Array<Nation>, 
/**
 * Ids of entries in `content/sources.toml`; see `Content::source`.
 */
sources: Array<string>, reviewed: string, review_by: string, 
/**
 * The screens this item is shown on. Empty for items reached another way (by id).
 */
steps: Array<Step>, 
/**
 * A note for the clinical reviewer: what to check, or why the wording is cautious. Not
 * shown to the person.
 */
reviewer_note?: string, };

export type Faq = { 
/**
 * Short paragraphs.
 */
answer: Array<string>, 
/**
 * Ids of [`Organisation`] items that can help.
 */
help: Array<string>, id: string, title: string, nations: Array<Nation>, 
/**
 * Ids of entries in `content/sources.toml`; see `Content::source`.
 */
sources: Array<string>, reviewed: string, review_by: string, 
/**
 * The screens this item is shown on. Empty for items reached another way (by id).
 */
steps: Array<Step>, 
/**
 * A note for the clinical reviewer: what to check, or why the wording is cautious. Not
 * shown to the person.
 */
reviewer_note?: string, };

export type Organisation = { 
/**
 * Who it is for, in a few words.
 */
for_whom: string, what_they_do: string, 
/**
 * How to reach them, in words (works even when there is no phone number).
 */
how_to_reach: string, phone?: string, opening_hours?: string, email?: string, 
/**
 * For a charity of one condition: words (lower case) that, found in what the person was
 * told, make it fit their case, so the printed pack lists it. Empty: it fits every case.
 */
condition_words: Array<string>, id: string, title: string, nations: Array<Nation>, 
/**
 * Ids of entries in `content/sources.toml`; see `Content::source`.
 */
sources: Array<string>, reviewed: string, review_by: string, 
/**
 * The screens this item is shown on. Empty for items reached another way (by id).
 */
steps: Array<Step>, 
/**
 * A note for the clinical reviewer: what to check, or why the wording is cautious. Not
 * shown to the person.
 */
reviewer_note?: string, };

export type LetterTemplate = { 
/**
 * The start of the saved file's name, with no health details: the date is added after it.
 */
file_stem: string, 
/**
 * The line in bold under the date: what the letter is about.
 */
subject: string, salutation: string, body: string, closing: string, id: string, title: string, nations: Array<Nation>, 
/**
 * Ids of entries in `content/sources.toml`; see `Content::source`.
 */
sources: Array<string>, reviewed: string, review_by: string, 
/**
 * The screens this item is shown on. Empty for items reached another way (by id).
 */
steps: Array<Step>, 
/**
 * A note for the clinical reviewer: what to check, or why the wording is cautious. Not
 * shown to the person.
 */
reviewer_note?: string, };

export type NeedsWords = { large_print: string, easy_read: string, braille: string, audio: string, one_format: string, many_formats: string, by_email: string, also_by_email: string, bsl_interpreter: string, interpreter: string, my_carer: string, helper_is_carer: string, other_carer: string, welsh_replies: string, england_standard: string, id: string, title: string, nations: Array<Nation>, 
/**
 * Ids of entries in `content/sources.toml`; see `Content::source`.
 */
sources: Array<string>, reviewed: string, review_by: string, 
/**
 * The screens this item is shown on. Empty for items reached another way (by id).
 */
steps: Array<Step>, 
/**
 * A note for the clinical reviewer: what to check, or why the wording is cautious. Not
 * shown to the person.
 */
reviewer_note?: string, };

export type Guidance = { nation: Nation, 
/**
 * This nation's urgent line, for the banner on every screen of the case.
 */
urgent_line: string, 
/**
 * What the patient's health number is called here ("CHI number" in Scotland), for the
 * form's label.
 */
number_label: string, 
/**
 * Safety notices, emergency first.
 */
notices: Array<Notice>, reasons: Array<Reason>, first_steps: Array<FirstStep>, benefits: Array<Consideration>, drawbacks: Array<Consideration>, 
/**
 * Options to weigh beside asking (staying with the current plan), each with its own
 * possible benefits and drawbacks.
 */
options: Array<PlanOption>, 
/**
 * The four readiness questions, shown before and after.
 */
readiness: ReadinessCheck | null, 
/**
 * The weigh-up's words, on "Is it right for me?" and "Decide and tell".
 */
weigh_up: WeighUpGuide | null, routes: Array<RouteWithRights>, rights: Array<Right>, journey: Array<JourneyStep>, ways_to_ask: Array<WayToAsk>, question_topics: Array<TopicWithQuestions>, 
/**
 * One-tap starter sets of the bank's questions.
 */
question_sets: Array<QuestionSet>, what_to_bring: Array<BringItem>, records_guides: Array<RecordsGuide>, 
/**
 * The records most people need, for the records checklist.
 */
usual_records: Array<UsualRecord>, faqs: Array<Faq>, 
/**
 * Where to turn when stuck: this nation's own service first.
 */
help: Array<Organisation>, 
/**
 * Where each step's guidance comes from and when it was reviewed, in step order.
 */
step_sources: Array<StepSources>, };

export type RouteWithRights = { route: Route, rights: Array<Right>, };

export type TopicWithQuestions = { topic: QuestionTopic, questions: Array<Question>, };

export type PlanOption = { summary: string, benefits: Array<string>, drawbacks: Array<string>, id: string, title: string, nations: Array<Nation>, 
/**
 * Ids of entries in `content/sources.toml`; see `Content::source`.
 */
sources: Array<string>, reviewed: string, review_by: string, 
/**
 * The screens this item is shown on. Empty for items reached another way (by id).
 */
steps: Array<Step>, 
/**
 * A note for the clinical reviewer: what to check, or why the wording is cautious. Not
 * shown to the person.
 */
reviewer_note?: string, };

export type ReadinessKey = "know_enough" | "clear_what_matters" | "have_support" | "feel_sure";

export type ReadinessQuestion = { key: ReadinessKey, text: string, 
/**
 * Shown when the person answers No: what could help next.
 */
if_no: string, };

export type ReadinessCheck = { 
/**
 * Where the idea came from, said in the app's own words.
 */
credit: string, 
/**
 * Shown above the next-step hints when any answer is No.
 */
if_doubt: string, questions: Array<ReadinessQuestion>, id: string, title: string, nations: Array<Nation>, 
/**
 * Ids of entries in `content/sources.toml`; see `Content::source`.
 */
sources: Array<string>, reviewed: string, review_by: string, 
/**
 * The screens this item is shown on. Empty for items reached another way (by id).
 */
steps: Array<Step>, 
/**
 * A note for the clinical reviewer: what to check, or why the wording is cautious. Not
 * shown to the person.
 */
reviewer_note?: string, };

export type UsualRecord = { why: string, id: string, title: string, nations: Array<Nation>, 
/**
 * Ids of entries in `content/sources.toml`; see `Content::source`.
 */
sources: Array<string>, reviewed: string, review_by: string, 
/**
 * The screens this item is shown on. Empty for items reached another way (by id).
 */
steps: Array<Step>, 
/**
 * A note for the clinical reviewer: what to check, or why the wording is cautious. Not
 * shown to the person.
 */
reviewer_note?: string, };

export type DoubtHelp = "information" | "support" | "time";

export type MatterStarter = { id: string, text: string, };

export type DoubtHelpText = { kind: DoubtHelp, title: string, text: string, };

export type WeighUpGuide = { intro: string, 
/**
 * Where the idea came from, said in the app's own words.
 */
credit: string, starters: Array<MatterStarter>, 
/**
 * Under "Which way I lean": it is the person's own summary, never a score.
 */
lean_hint: string, 
/**
 * Shown above the carer's view: why the two views are kept apart.
 */
carer_hint: string, 
/**
 * What can help next, one of each kind.
 */
help: Array<DoubtHelpText>, id: string, title: string, nations: Array<Nation>, 
/**
 * Ids of entries in `content/sources.toml`; see `Content::source`.
 */
sources: Array<string>, reviewed: string, review_by: string, 
/**
 * The screens this item is shown on. Empty for items reached another way (by id).
 */
steps: Array<Step>, 
/**
 * A note for the clinical reviewer: what to check, or why the wording is cautious. Not
 * shown to the person.
 */
reviewer_note?: string, };

export type QuestionSet = { 
/**
 * Whose idea the set is, and what it asks about, in the app's own words.
 */
credit: string, 
/**
 * Ids of [`Question`]s, in the order they are added.
 */
questions: Array<string>, id: string, title: string, nations: Array<Nation>, 
/**
 * Ids of entries in `content/sources.toml`; see `Content::source`.
 */
sources: Array<string>, reviewed: string, review_by: string, 
/**
 * The screens this item is shown on. Empty for items reached another way (by id).
 */
steps: Array<Step>, 
/**
 * A note for the clinical reviewer: what to check, or why the wording is cautious. Not
 * shown to the person.
 */
reviewer_note?: string, };

export type StepSources = { step: Step, 
/**
 * The sources the step's items cite, each as "publisher: title", in first-cited order.
 */
based_on: Array<string>, 
/**
 * The latest date any of the step's items was reviewed, the UK way ("1 December 2026").
 */
last_reviewed: string, 
/**
 * The earliest date any of the step's items must be reviewed again.
 */
next_review_due: string, };

export type ReviewNotice = { 
/**
 * The date the first review fell due, the UK way.
 */
due: string, 
/**
 * The sentence to show.
 */
text: string, };

export type ForWhom = "me" | "someone-i-help" | "not-known";

export type Urgency = "urgent" | "soon" | "routine" | "not-said" | "not-known";

export type InHospital = "no" | "yes-stable" | "yes-getting-worse" | "not-known";

export type Readiness = { know_enough: boolean | null, clear_what_matters: boolean | null, have_support: boolean | null, feel_sure: boolean | null, };

export type RecordItem = { label: string, asked: boolean, arrived: boolean, };

export type Appointment = { date: string | null, 
/**
 * As typed, for example "10:30".
 */
time: string, place: string, with_whom: string, who_comes: string, };

export type ChosenQuestion = { 
/**
 * The question bank id, or `None` for the person's own question.
 */
bank_id: string | null, text: string, 
/**
 * One of "my most important questions".
 */
top: boolean, 
/**
 * The answer, written after the appointment.
 */
answer: string, };

export type TimelineLine = { 
/**
 * As typed, for example "March 2026" or "21/11/2026".
 */
when: string, what: string, };

export type MedicineLine = { name: string, dose: string, notes: string, };

export type Opinion = { diagnosis: string, options: string, risks: string, recommendation: string, 
/**
 * Anything new, such as a clinical trial or a test not offered before.
 */
anything_new: string, };

export type HowMuch = "not-at-all" | "a-little" | "a-lot" | "not-known";

export type Matter = { 
/**
 * The content starter's id, or `None` for the person's own.
 */
starter: string | null, text: string, how_much: HowMuch | null, };

export type ForAndAgainst = { for_it: string, against_it: string, };

export type OwnOption = { name: string, for_it: string, against_it: string, };

export type Decider = "me" | "me-with" | "someone-else" | "not-known";

export type DeciderView = { decider: Decider | null, 
/**
 * With whom ("I decide with …") or who ("Someone else decides"), as typed.
 */
who: string, 
/**
 * Which way they lean, as their own summary.
 */
lean: string, };

export type WeighUp = { matters: Array<Matter>, 
/**
 * Staying with the current plan: always an option.
 */
stay: ForAndAgainst, 
/**
 * Asking for a second opinion (the weigh-up on "Is it right for me?").
 */
ask: ForAndAgainst, 
/**
 * What the first doctor recommends (the weigh-up on "Decide and tell").
 */
first_doctor: ForAndAgainst, 
/**
 * What the second doctor recommends (the weigh-up on "Decide and tell").
 */
second_doctor: ForAndAgainst, own_options: Array<OwnOption>, 
/**
 * The patient's own view.
 */
patient: DeciderView, 
/**
 * The carer's view, kept apart from the patient's; asked only when a carer is involved.
 */
carer: DeciderView, };

export type CommunicationNeeds = { large_print: boolean, easy_read: boolean, braille: boolean, audio: boolean, 
/**
 * Letters and information by email.
 */
email: boolean, 
/**
 * The address to email, as typed. May be empty.
 */
email_address: string, 
/**
 * A British Sign Language interpreter.
 */
bsl_interpreter: boolean, 
/**
 * The spoken language an interpreter is needed for, as typed ("Polish"); empty: none.
 */
interpreter_language: string, 
/**
 * Please also contact the carer named on step 4, who has the patient's consent.
 */
contact_carer: boolean, 
/**
 * Replies in Welsh (printed only for a case in Wales).
 */
welsh_replies: boolean, };

export type WeighUpAt = "is-it-right" | "decide";

export type OptionKey = "stay" | "ask" | "first_doctor" | "second_doctor";

export type WeighOption = { key: OptionKey, title: string, 
/**
 * The plan or recommendation as the person wrote it earlier (empty when not written).
 */
as_written: string, };

export type WeighUpView = { at: WeighUpAt, 
/**
 * The fixed options in order (staying with the current plan always among them); the
 * person's own options follow.
 */
options: Array<WeighOption>, 
/**
 * What the person said matters a lot, in their words, in their order.
 */
matters_a_lot: Array<string>, 
/**
 * Whether a carer is involved: then the carer's view is asked for separately.
 */
carer_present: boolean, 
/**
 * "Your view" for the patient, named when the carer is the one using the app.
 */
patient_label: string, 
/**
 * The carer's heading, by name when known.
 */
carer_label: string, };

export type Journey = { for_whom: ForWhom | null, 
/**
 * When the diagnosis or offer was made, as typed.
 */
diagnosed_when: string, treatment_proposed: string, urgency: Urgency | null, 
/**
 * The person's own answer to "Is this about cancer or a mental health problem?": never
 * worked out from what they typed.
 */
cancer_or_mental_health: boolean | null, in_hospital: InHospital | null, 
/**
 * Ids of the content reasons ticked.
 */
reasons: Array<string>, readiness_before: Readiness, 
/**
 * The decision to ask for a second opinion: `Some(true)` go ahead, `Some(false)` not now.
 */
go_ahead: boolean | null, go_ahead_why: string, 
/**
 * The person's own weigh-up of asking against staying with the current plan.
 */
weigh_up_before: WeighUp, 
/**
 * Id of the content route chosen.
 */
route: string | null, specialist_notes: string, 
/**
 * The consultant, hospital or team the person would like to be referred to, as typed: the
 * letters name it (in England under the right to choose; for a private route, the
 * consultant the referral letter is for). May be empty.
 */
preferred_specialist: string, 
/**
 * When someone helps: the person the patient authorises to act for them, for the consent form.
 */
carer_name: string, carer_relationship: string, asked_on: string | null, answer: string, 
/**
 * Weeks to wait for an answer before a follow-up letter is offered; `None`: the default
 * (see `chase.rs`).
 */
follow_up_after_weeks: number | null, 
/**
 * How the patient needs to be contacted: stated in every letter.
 */
communication_needs: CommunicationNeeds, records: Array<RecordItem>, 
/**
 * Who holds the records (GP practice or hospital), as typed.
 */
records_holder: string, 
/**
 * The day the person sent or handed in the request ("the date asked" in older records).
 */
records_requested_on: string | null, 
/**
 * The day the practice or hospital received it, when the person knows it: the month for
 * a reply counts from this day. Without it, the due date is approximate.
 */
records_received_on: string | null, appointment: Appointment, questions: Array<ChosenQuestion>, timeline: Array<TimelineLine>, medicines: Array<MedicineLine>, allergies: string, 
/**
 * Ids of what-to-bring items ticked as ready.
 */
bring_ready: Array<string>, first_opinion: Opinion, second_opinion: Opinion, 
/**
 * The person's own answer, part by part: do the two doctors say the same thing?
 */
same_answers: SameAnswers, decision: string, decision_why: string, what_matters_most: string, readiness_after: Readiness, next_steps: string, 
/**
 * The weigh-up of what to do now, the doctors' recommendations among the options.
 */
weigh_up_after: WeighUp, 
/**
 * The day the person wants to (or is asked to) decide by, if there is one.
 */
decide_by: string | null, };

export type OpinionPart = "diagnosis" | "options" | "risks" | "recommendation" | "anything-new";

export type SaidTheSame = "yes" | "no" | "not-sure" | "not-known";

export type SameAnswers = { diagnosis: SaidTheSame | null, options: SaidTheSame | null, risks: SaidTheSame | null, recommendation: SaidTheSame | null, anything_new: SaidTheSame | null, };

export type Noted = "nothing" | "only-first" | "only-second" | "both";

export type PartComparison = { part: OpinionPart, noted: Noted, 
/**
 * The person's answer; `None` when not answered, or when nothing is noted for this part.
 */
answer: SaidTheSame | null, 
/**
 * Whether to ask the person "Do the two doctors say the same thing?" about this part:
 * only when something is noted.
 */
ask: boolean, 
/**
 * What the person's answer means, in the app's voice to them: "You noted different
 * things from the two doctors about the risks." Empty when there is nothing to say.
 */
you_noted: string, 
/**
 * A question the person could ask a doctor, in their voice.
 */
follow_up: string | null, };

export type Comparison = { 
/**
 * Every part, in a fixed order (diagnosis first).
 */
parts: Array<PartComparison>, 
/**
 * The person said the doctors say different things about what the illness is or what
 * they advise: show the guidance on what to do when opinions differ.
 */
differ_on_diagnosis_or_advice: boolean, 
/**
 * Those key parts (diagnosis, recommendation) the person said differ, in order: the window
 * names them above that guidance.
 */
differ_on: Array<OpinionPart>, };

export type DueStatus = { "state": "due-in", days: bigint, } | { "state": "due-today" } | { "state": "overdue", days: bigint, };

export type RecordsDueDate = { due: string, 
/**
 * Counted from the day sent plus [`POST_ALLOWANCE_DAYS`], because the day received is not
 * known.
 */
approximate: boolean, };

export type UpcomingItem = { "kind": "appointment", date: string, 
/**
 * "in 5 days", "today", "tomorrow".
 */
when: string, } | { "kind": "print-pack", appointment: string, } | { "kind": "records-due", due: string, 
/**
 * Counted from the day sent, allowing for post: the day received is not known.
 */
approximate: boolean, status: DueStatus, } | { "kind": "decide-by", date: string, 
/**
 * "in 5 days", "today", "tomorrow".
 */
when: string, };

export type UpcomingLine = { item: UpcomingItem, words: string, };

export type RecordsDue = { due: string, 
/**
 * "21 December 2026, due in 12 days"; "about 21 December 2026, …" when approximate.
 */
words: string, 
/**
 * Counted from the day sent, allowing for post, because the day received is not known.
 */
approximate: boolean, status: DueStatus, };

export type StepState = "not-started" | "started";

export type StepProgress = { step: Step, state: StepState, 
/**
 * "something saved" or "nothing saved yet", read out by a screen reader beside the step.
 */
words: string, };

export type ChaseLetter = "records-chase" | "follow-up-gp" | "follow-up-consultant" | "concern" | "other-view-first" | "other-view-second";

export type LetterOffer = { letter: ChaseLetter, step: Step, words: string, };

export type JourneyView = { journey: Journey, records_due: RecordsDue | null, upcoming: Array<UpcomingLine>, comparison: Comparison, 
/**
 * Step 7's first opinion to start with, from step 1 (see [`Opinion::first_from_step_1`]):
 * `None` once the first opinion has words, or when step 1 has none to give.
 */
first_opinion_from_step_1: Opinion | null, 
/**
 * Step 4's name for the person helping, offered with one button: the profile's own name,
 * when the case is about someone the profile's owner helps and no helper is named yet.
 * They typed it when they made the profile, so they need not type it again (see
 * [`JourneyView::with_profile_name`]).
 */
helper_from_profile: string | null, 
/**
 * In hospital and getting worse: show Martha's Rule guidance, not the journey.
 */
urgent_hospital_help: boolean, 
/**
 * Whether waiting could do harm ([`Journey::time_critical`]).
 */
time_critical: boolean, 
/**
 * The case's nation, as stored; `None` until step 1 says it.
 */
nation: Nation | null, 
/**
 * The safety notices that apply to this case, each shown on the steps it lists: the
 * time-critical ones first (only when they apply), then the crisis route, the safety net
 * and the medicines caution. Empty until the nation is known.
 */
notices: Array<Notice>, 
/**
 * While [`JourneyView::urgent_hospital_help`]: the urgent notices to show (Martha's Rule
 * and its like): the case's nation's, or, before the nation is known, every nation's,
 * each once, since which applies cannot be told. Empty otherwise.
 */
urgent_notices: Array<Notice>, 
/**
 * Each of the eight steps in order, with how far the person has got on it (for the map).
 * Counts the case's saved details on step 1 once [`JourneyView::with_case`] adds them.
 */
steps: Array<StepProgress>, 
/**
 * The weigh-up on "Is it right for me?": its options and labels.
 */
weigh_up_before: WeighUpView, 
/**
 * The weigh-up on "Decide and tell".
 */
weigh_up_after: WeighUpView, 
/**
 * What can help next, from the readiness check before and after (empty without a No).
 */
doubt_before: Array<DoubtHelp>, doubt_after: Array<DoubtHelp>, 
/**
 * The letters that keep things moving, each on its step ([`letters_offered`]); the
 * concern letter only once the nation is known.
 */
letters_offered: Array<LetterOffer>, };

export type JourneyAsTyped = { view: JourneyView, typed: Journey, problems: Array<FieldProblem>, };

export type DocumentKind = "gp-letter" | "consultant-letter" | "carer-authorisation" | "records-request" | "prep-pack" | "decision-letter" | "decision-summary" | "weigh-up-before" | "weigh-up-after" | "questions-sheet" | "records-chase" | "follow-up-gp" | "follow-up-consultant" | "concern" | "other-view-first" | "other-view-second";

export type CalendarOptions = { 
/**
 * Adds who the appointment is with to its title ("Appointment with Dr Rees"). Off by
 * default: a calendar may be seen by others.
 */
name_who: boolean, };

export type ProfileSummary = { 
/**
 * A random id (32 hex digits). Also the profile folder's name.
 */
id: string, 
/**
 * The display name, for example "Mum" or "Dafydd".
 */
name: string, };

export type CreatedProfile = { profile: ProfileSummary, 
/**
 * The recovery code in groups, to write down or print.
 */
recovery_code: string, };

export type ActingCarer = { 
/**
 * The consent they act under.
 */
consent_id: number, 
/**
 * Their name, for example "Siân Jones".
 */
carer_name: string, 
/**
 * How they are related, for example "daughter". May be empty.
 */
relationship: string, };

export type ActivityEntry = { id: number, 
/**
 * When it happened (RFC 3339, UTC).
 */
at: string, 
/**
 * Who did it: the profile's person, or a carer acting for them.
 */
who: string, 
/**
 * What was done, as a short fixed phrase from the app.
 */
what: string, };

export type ConsentGiven = "signed-letter" | "in-writing" | "spoken";

export type CarerConsentDetails = { 
/**
 * The carer's or relative's full name.
 */
carer_name: string, 
/**
 * How they are related, for example "daughter" or "friend". May be empty.
 */
relationship: string, 
/**
 * What they may do, in the patient's words. Empty means the standard list on the consent
 * letter (talk to doctors, ask for a second opinion, ask for copies of records).
 */
purposes: string, 
/**
 * The first day the consent covers.
 */
from: string, 
/**
 * The last day it covers; `None` until the patient ends it.
 */
until: string | null, 
/**
 * How the consent was given. `None` only in a form not yet answered: the form starts with
 * nothing chosen, so the person says how rather than leaving a guess in place, and a
 * consent is stored only with an answer.
 */
how_given: ConsentGiven | null, 
/**
 * They may add the person's own files (letters, scan reports) to a case, and change or
 * remove them. Not part of a consent recorded before the app kept files.
 */
may_add_files: boolean, };

export type CarerConsent = { id: number, details: CarerConsentDetails, 
/**
 * When it was recorded in the app (RFC 3339, UTC).
 */
recorded_at: string, 
/**
 * When it was last changed, for example ended (RFC 3339, UTC).
 */
updated_at: string, };

export type ConsentsToday = { 
/**
 * Today, as the app counts it.
 */
today: string, consents: Array<ConsentToday>, };

export type ConsentToday = { today: ConsentDay, id: number, details: CarerConsentDetails, 
/**
 * When it was recorded in the app (RFC 3339, UTC).
 */
recorded_at: string, 
/**
 * When it was last changed, for example ended (RFC 3339, UTC).
 */
updated_at: string, };

export type ConsentDay = "starts-later" | "covers-today" | "ended";

export type BackupReason = "daily" | "before-update";

export type Backup = { 
/**
 * The backup's file name, for example `000007-daily.db`. Carries no personal details.
 */
name: string, 
/**
 * When it was made (RFC 3339, UTC).
 */
taken_at: string, 
/**
 * Why it was made.
 */
reason: BackupReason, };

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

export type LetterPreview = { paragraphs: Array<Array<PreviewPart>>, };

export type PreviewPart = { text: string, own: boolean, };

export type DateReading = { 
/**
 * "2026-11-21": how the date is stored.
 */
iso: string, 
/**
 * "21/11/2026": how it is shown in a box to type in.
 */
short: string, 
/**
 * "21 November 2026": how it is shown in words.
 */
words: string, };

export type TextSize = "normal" | "large" | "larger";

export type Contrast = "standard" | "high";

export type Preferences = { text_size: TextSize, contrast: Contrast, };
