//! The weigh-up page: one sheet to take to the appointment with the person's options side by
//! side, what matters to them and how much, their reasons for and against, who decides and
//! which way they lean. It scores nothing and recommends nothing: every line is theirs.

use chrono::NaiveDate;

use super::layout::{lay_out, Block, Column, Layout, LayoutOptions, Table};
use super::letter::one_line;
use super::pdf::PdfInfo;
use super::printable::printable_field;
use super::DocumentOptions;
use crate::cases::CaseDetails;
use crate::dates;
use crate::error::Result;
use crate::journey::{
    weigh_up_view, Decider, DeciderView, HowMuch, Journey, WeighUp, WeighUpAt, WeighUpView,
};

/// The running title and PDF title: nothing about health.
pub(crate) const WEIGH_UP_TITLE: &str = "My weigh-up";
pub(crate) const WEIGH_UP_STEM: &str = "second-opinion-weigh-up";

/// The page's layout and metadata for the weigh-up at `at`. `acting_carer` names the carer
/// using the app, as on the screen.
pub(crate) fn weigh_up_page(
    case: &CaseDetails,
    journey: &Journey,
    at: WeighUpAt,
    acting_carer: Option<&str>,
    date: NaiveDate,
    options: &DocumentOptions,
) -> Result<(Layout, PdfInfo)> {
    let view = weigh_up_view(journey, at, acting_carer);
    let name = printable_field("The name", &case.patient_name)?;
    let blocks = blocks(&name, &view, journey.weigh_up(at), date)?;
    let layout = lay_out(
        &blocks,
        &LayoutOptions {
            paper: options.paper.into(),
            large_print: options.large_print,
            running_title: WEIGH_UP_TITLE.to_owned(),
        },
    );
    let info = PdfInfo {
        title: WEIGH_UP_TITLE.to_owned(),
        date,
    };
    Ok((layout, info))
}

fn how_much(h: Option<HowMuch>) -> &'static str {
    match h {
        Some(HowMuch::NotAtAll) => "Not at all",
        Some(HowMuch::ALittle) => "A little",
        Some(HowMuch::ALot) => "A lot",
        None | Some(HowMuch::NotKnown) => "Not answered",
    }
}

/// "I decide", "I decide with Sam", "Someone else decides: my son", in the patient's voice or,
/// for the carer's view, about the patient.
fn who_decides(v: &DeciderView, patient: bool) -> Result<String> {
    let who = one_line(&printable_field("Who decides", &v.who)?);
    let me = if patient {
        "I decide"
    } else {
        "The patient decides"
    };
    Ok(match v.decider {
        Some(Decider::Me) => me.to_owned(),
        Some(Decider::MeWith) if who.is_empty() => format!("{me} with someone"),
        Some(Decider::MeWith) => format!("{me} with {who}"),
        Some(Decider::SomeoneElse) if who.is_empty() => "Someone else decides".to_owned(),
        Some(Decider::SomeoneElse) => format!("Someone else decides: {who}"),
        None | Some(Decider::NotKnown) => "Not answered".to_owned(),
    })
}

/// One row of the views table: whose view, who decides, which way they lean.
fn view_row(label: &str, v: &DeciderView, patient: bool) -> Result<Vec<String>> {
    Ok(vec![
        label.to_owned(),
        who_decides(v, patient)?,
        printable_field("Which way you lean", &v.lean)?
            .trim()
            .to_owned(),
    ])
}

fn blocks(name: &str, view: &WeighUpView, w: &WeighUp, made_on: NaiveDate) -> Result<Vec<Block>> {
    let mut b = heading_blocks(name, view, made_on);
    b.extend(matters_blocks(w)?);
    b.extend(options_blocks(view, w)?);
    b.extend(who_decides_blocks(view, w)?);
    Ok(b)
}

/// The title, whose page it is and when it was made.
fn heading_blocks(name: &str, view: &WeighUpView, made_on: NaiveDate) -> Vec<Block> {
    let mut b = vec![Block::heading(
        1,
        match view.at {
            WeighUpAt::IsItRight => "My weigh-up: asking for a second opinion",
            WeighUpAt::Decide => "My weigh-up: what to do now",
        },
    )];
    let mut rows = Vec::new();
    let name = one_line(name);
    if !name.is_empty() {
        rows.push(("For".to_owned(), name));
    }
    rows.push(("Made on".to_owned(), dates::long_uk(made_on)));
    b.push(Block::Details { rows });
    b.push(Block::text(
        "In my own words. Nothing here is a score or a recommendation.",
    ));
    b
}

/// What matters to the person and how much, or lines to write it on.
fn matters_blocks(w: &WeighUp) -> Result<Vec<Block>> {
    let f = printable_field;
    let mut b = vec![Block::heading(2, "What matters to me")];
    let matters: Vec<Vec<String>> = w
        .matters
        .iter()
        .filter(|m| !m.text.trim().is_empty())
        .map(|m| {
            Ok(vec![
                one_line(&f("What matters to you", &m.text)?),
                how_much(m.how_much).to_owned(),
            ])
        })
        .collect::<Result<_>>()?;
    if matters.is_empty() {
        b.push(Block::WritingLines { count: 3 });
    } else {
        b.push(Block::Table(Table {
            columns: vec![column("What matters", 3.0), column("How much", 1.2)],
            rows: matters,
        }));
    }
    Ok(b)
}

/// Every option, the offered ones and the person's own, with their reasons for and against.
fn options_blocks(view: &WeighUpView, w: &WeighUp) -> Result<Vec<Block>> {
    let f = printable_field;
    let mut rows = Vec::new();
    for o in &view.options {
        let reasons = o.key.of(w);
        let written = one_line(&f("The plan as you wrote it", &o.as_written)?);
        let title = if written.is_empty() {
            o.title.clone()
        } else {
            format!("{}: {written}", o.title)
        };
        rows.push(vec![
            title,
            f("Reasons for", &reasons.for_it)?.trim().to_owned(),
            f("Reasons against", &reasons.against_it)?.trim().to_owned(),
        ]);
    }
    for o in w.own_options.iter().filter(|o| !o.name.trim().is_empty()) {
        rows.push(vec![
            one_line(&f("Your own option", &o.name)?),
            f("Reasons for", &o.for_it)?.trim().to_owned(),
            f("Reasons against", &o.against_it)?.trim().to_owned(),
        ]);
    }
    Ok(vec![
        Block::heading(2, "My options side by side"),
        Block::Table(Table {
            columns: vec![
                column("Option", 1.6),
                column("Reasons for", 2.2),
                column("Reasons against", 2.2),
            ],
            rows,
        }),
    ])
}

/// Who decides and which way each leans, the patient's view and the carer's kept apart.
fn who_decides_blocks(view: &WeighUpView, w: &WeighUp) -> Result<Vec<Block>> {
    let mut rows = vec![view_row(&view.patient_label, &w.patient, true)?];
    if view.carer_present {
        let carer = one_line(&printable_field("The carer's name", &view.carer_label)?);
        rows.push(view_row(&carer, &w.carer, false)?);
    }
    Ok(vec![
        Block::heading(2, "Who decides, and which way I lean"),
        Block::Table(Table {
            columns: vec![
                column("Whose view", 1.4),
                column("Who decides", 1.8),
                column("Which way I lean", 2.8),
            ],
            rows,
        }),
    ])
}

fn column(title: &str, weight: f32) -> Column {
    Column {
        title: title.into(),
        weight,
    }
}
