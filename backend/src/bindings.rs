//! TypeScript types for the UI, generated from the Rust types that cross IPC.
//!
//! `ui/src/lib/bindings.ts` is generated from [`typescript`] and committed. The test
//! `bindings_are_up_to_date` fails when it drifts; run
//! `UPDATE_BINDINGS=1 cargo test -p backend bindings` to write it again.

use ts_rs::{Config, TS};

/// The whole `bindings.ts` file.
pub fn typescript() -> String {
    let cfg = Config::new();
    let decls = [
        cases(&cfg),
        guidance(&cfg),
        journey(&cfg),
        profiles_and_documents(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types in backend/ by `UPDATE_BINDINGS=1 cargo test -p backend bindings`.\n// Do not edit by hand.\n\n",
    );
    for decl in decls.into_iter().flatten() {
        out.push_str("export ");
        out.push_str(&decl);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// The errors and the case: its details, notes, files and what to change.
fn cases(cfg: &Config) -> Vec<String> {
    vec![
        crate::error::ErrorCode::decl(cfg),
        crate::error::ErrorPayload::decl(cfg),
        crate::cases::Nation::decl(cfg),
        crate::cases::CaseDetails::decl(cfg),
        crate::cases::Case::decl(cfg),
        crate::cases::CaseSummary::decl(cfg),
        crate::cases::FieldProblem::decl(cfg),
        crate::cases::FieldLimit::decl(cfg),
        crate::cases::CaseAsTyped::decl(cfg),
        crate::cases::Note::decl(cfg),
        crate::cases::NotePage::decl(cfg),
        crate::cases::FoundNote::decl(cfg),
        crate::cases::NotePart::decl(cfg),
        crate::cases::AttachmentKind::decl(cfg),
        crate::cases::Attachment::decl(cfg),
        crate::cases::AttachmentDetails::decl(cfg),
        crate::app::attachments::AddedFile::decl(cfg),
        crate::app::startup::StartupMark::decl(cfg),
    ]
}

/// The guidance the journey shows (from `content/`).
fn guidance(cfg: &Config) -> Vec<String> {
    vec![
        crate::content::ItemMeta::decl(cfg),
        crate::content::Screen::decl(cfg),
        crate::content::Step::decl(cfg),
        crate::content::Source::decl(cfg),
        crate::content::Item::decl(cfg),
        crate::content::About::decl(cfg),
        crate::content::ReasonGroup::decl(cfg),
        crate::content::Reason::decl(cfg),
        crate::content::FirstStep::decl(cfg),
        crate::content::Side::decl(cfg),
        crate::content::Consideration::decl(cfg),
        crate::content::NoticeLevel::decl(cfg),
        crate::content::NoticeWhen::decl(cfg),
        crate::content::Notice::decl(cfg),
        crate::content::HelpScreen::decl(cfg),
        crate::content::Right::decl(cfg),
        crate::content::Route::decl(cfg),
        crate::content::JourneyStep::decl(cfg),
        crate::content::Audience::decl(cfg),
        crate::content::AskStyle::decl(cfg),
        crate::content::WayToAsk::decl(cfg),
        crate::content::QuestionTopic::decl(cfg),
        crate::content::Question::decl(cfg),
        crate::content::BringItem::decl(cfg),
        crate::content::RecordsGuide::decl(cfg),
        crate::content::Faq::decl(cfg),
        crate::content::Organisation::decl(cfg),
        crate::content::LetterTemplate::decl(cfg),
        crate::content::NeedsWords::decl(cfg),
        crate::content::Guidance::decl(cfg),
        crate::content::RouteWithRights::decl(cfg),
        crate::content::TopicWithQuestions::decl(cfg),
        crate::content::PlanOption::decl(cfg),
        crate::content::ReadinessKey::decl(cfg),
        crate::content::ReadinessQuestion::decl(cfg),
        crate::content::ReadinessCheck::decl(cfg),
        crate::content::UsualRecord::decl(cfg),
        crate::content::DoubtHelp::decl(cfg),
        crate::content::MatterStarter::decl(cfg),
        crate::content::DoubtHelpText::decl(cfg),
        crate::content::WeighUpGuide::decl(cfg),
        crate::content::QuestionSet::decl(cfg),
        crate::content::StepSources::decl(cfg),
        crate::content::ReviewNotice::decl(cfg),
    ]
}

/// The journey: its answers and what follows from them.
fn journey(cfg: &Config) -> Vec<String> {
    vec![
        crate::journey::ForWhom::decl(cfg),
        crate::journey::Urgency::decl(cfg),
        crate::journey::InHospital::decl(cfg),
        crate::journey::Readiness::decl(cfg),
        crate::journey::RecordItem::decl(cfg),
        crate::journey::Appointment::decl(cfg),
        crate::journey::ChosenQuestion::decl(cfg),
        crate::journey::TimelineLine::decl(cfg),
        crate::journey::MedicineLine::decl(cfg),
        crate::journey::Opinion::decl(cfg),
        crate::journey::HowMuch::decl(cfg),
        crate::journey::Matter::decl(cfg),
        crate::journey::ForAndAgainst::decl(cfg),
        crate::journey::OwnOption::decl(cfg),
        crate::journey::Decider::decl(cfg),
        crate::journey::DeciderView::decl(cfg),
        crate::journey::WeighUp::decl(cfg),
        crate::journey::CommunicationNeeds::decl(cfg),
        crate::journey::WeighUpAt::decl(cfg),
        crate::journey::OptionKey::decl(cfg),
        crate::journey::WeighOption::decl(cfg),
        crate::journey::WeighUpView::decl(cfg),
        crate::journey::Journey::decl(cfg),
        crate::journey::OpinionPart::decl(cfg),
        crate::journey::SaidTheSame::decl(cfg),
        crate::journey::SameAnswers::decl(cfg),
        crate::journey::Noted::decl(cfg),
        crate::journey::PartComparison::decl(cfg),
        crate::journey::Comparison::decl(cfg),
        crate::journey::DueStatus::decl(cfg),
        crate::journey::RecordsDueDate::decl(cfg),
        crate::journey::UpcomingItem::decl(cfg),
        crate::journey::UpcomingLine::decl(cfg),
        crate::journey::RecordsDue::decl(cfg),
        crate::journey::StepState::decl(cfg),
        crate::journey::StepProgress::decl(cfg),
        crate::journey::ChaseLetter::decl(cfg),
        crate::journey::LetterOffer::decl(cfg),
        crate::journey::JourneyView::decl(cfg),
        crate::journey::JourneyAsTyped::decl(cfg),
    ]
}

/// Profiles, carers, backups, documents, dates and preferences.
fn profiles_and_documents(cfg: &Config) -> Vec<String> {
    vec![
        crate::documents::pack::DocumentKind::decl(cfg),
        crate::calendar::CalendarOptions::decl(cfg),
        crate::profiles::ProfileSummary::decl(cfg),
        crate::profiles::CreatedProfile::decl(cfg),
        crate::profiles::ActingCarer::decl(cfg),
        crate::cases::ActivityEntry::decl(cfg),
        crate::cases::ConsentGiven::decl(cfg),
        crate::cases::CarerConsentDetails::decl(cfg),
        crate::cases::CarerConsent::decl(cfg),
        crate::app::carers::ConsentsToday::decl(cfg),
        crate::app::carers::ConsentToday::decl(cfg),
        crate::app::carers::ConsentDay::decl(cfg),
        crate::profiles::BackupReason::decl(cfg),
        crate::profiles::Backup::decl(cfg),
        crate::documents::Paper::decl(cfg),
        crate::documents::DocumentOptions::decl(cfg),
        crate::documents::SavedDocument::decl(cfg),
        crate::documents::LetterPreview::decl(cfg),
        crate::documents::PreviewPart::decl(cfg),
        crate::dates::DateReading::decl(cfg),
        crate::preferences::TextSize::decl(cfg),
        crate::preferences::Contrast::decl(cfg),
        crate::preferences::Preferences::decl(cfg),
    ]
}

#[cfg(test)]
mod tests {
    #[test]
    fn bindings_are_up_to_date() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/src/lib/bindings.ts");
        let generated = super::typescript();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(path, &generated).expect("write bindings.ts");
        }
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            committed == generated,
            "ui/src/lib/bindings.ts is out of date: run `UPDATE_BINDINGS=1 cargo test -p backend bindings`"
        );
    }
}
