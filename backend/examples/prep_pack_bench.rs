//! Renders the sample appointment-prep pack N times and prints the time per pack; with
//! `--html PATH` it also writes the same content as HTML (for `benches/chromium_compare.sh`).
//!
//! `cargo run --release -p backend --example prep_pack_bench -- 50 out.pdf --html out.html`

use std::fmt::Write as _;
use std::time::Instant;

use backend::documents::{prep_pack, DocumentOptions, PrepPack};
use chrono::NaiveDate;

#[path = "../benches/sample/mod.rs"]
mod sample;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\n', "<br>")
}

/// The pack's content as one HTML page, styled like the PDF (A4, 25 mm margins, 12 pt text).
fn html(p: &PrepPack) -> String {
    let mut h = String::from(
        "<!doctype html><html><head><meta charset=utf-8><title>My appointment pack</title><style>\
         @page{size:A4;margin:25mm} body{font:12pt/1.4 sans-serif} h1{font-size:27pt}\
         h2{font-size:21pt;break-before:page} h3{font-size:16pt} table{border-collapse:collapse;width:100%}\
         td,th{border:0.6pt solid #777;padding:4pt;text-align:left;vertical-align:top} th{background:#e6e6e6}\
         .line{border-bottom:0.6pt solid #777;height:26pt}</style></head><body>",
    );
    let _ = write!(
        h,
        "<h1>My appointment pack</h1><p>For <b>{}</b></p>",
        esc(&p.patient_name)
    );
    if let Some(s) = &p.clinician_summary {
        let _ = write!(h, "<h2>Summary for the second-opinion doctor</h2><p>{}</p><h3>The main question</h3><p><b>{}</b></p><p>{}</p><p>{}</p>",
            esc(&s.patient_name), esc(&s.main_question), esc(&s.first_diagnosis), esc(&s.proposed_treatment));
        for m in &s.medicines {
            let _ = write!(
                h,
                "<li><b>{}</b> — {}; {}</li>",
                esc(&m.name),
                esc(&m.dose),
                esc(&m.notes)
            );
        }
        for r in &s.records_attached {
            let _ = write!(h, "<li>{}</li>", esc(r));
        }
    }
    h.push_str("<h2>My most important questions</h2>");
    for (i, q) in p.top_questions.iter().enumerate() {
        let _ = write!(
            h,
            "<p><b>{}. {}</b></p>{}",
            i + 1,
            esc(q),
            "<div class=line></div>".repeat(4)
        );
    }
    h.push_str("<h2>All my questions</h2>");
    for t in &p.question_topics {
        let _ = write!(h, "<h3>{}</h3>", esc(&t.topic));
        for q in &t.questions {
            let _ = write!(
                h,
                "<p><b>{}</b></p>{}",
                esc(q),
                "<div class=line></div>".repeat(3)
            );
        }
    }
    h.push_str("<h2>What to bring</h2>");
    for b in &p.what_to_bring {
        let _ = write!(h, "<p>&#9744; {}</p>", esc(b));
    }
    h.push_str(
        "<h2>What has happened so far</h2><table><tr><th>When</th><th>What happened</th></tr>",
    );
    for r in &p.timeline {
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td></tr>",
            esc(&r.when),
            esc(&r.what_happened)
        );
    }
    h.push_str("</table><h3>My medicines</h3><table><tr><th>Medicine</th><th>How much and when</th><th>Notes</th></tr>");
    for m in &p.medicines {
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&m.name),
            esc(&m.dose),
            esc(&m.notes)
        );
    }
    let _ = write!(
        h,
        "</table><h3>Allergies</h3><p>{}</p><h3>What the first doctor said</h3><p>{}</p>",
        esc(&p.allergies),
        esc(&p.first_opinion_summary)
    );
    let _ = write!(h, "<h2>Notes</h2>{}", "<div class=line></div>".repeat(22));
    h.push_str("<h2>Who to contact</h2><table><tr><th>Who</th><th>Phone</th><th>What they can help with</th></tr>");
    for c in &p.help_contacts {
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&c.name),
            esc(&c.phone),
            esc(&c.what_they_do)
        );
    }
    h.push_str("</table><h3>If you need help urgently</h3><ul>");
    for e in &p.emergency_lines {
        let _ = write!(h, "<li><b>{}</b></li>", esc(e));
    }
    h.push_str("</ul></body></html>");
    h
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: u32 = args.first().and_then(|a| a.parse().ok()).unwrap_or(20);
    let out = args
        .get(1)
        .cloned()
        .unwrap_or_else(|| "prep-pack.pdf".into());
    let pack = sample::pack();
    let date = NaiveDate::from_ymd_opt(2026, 11, 21).expect("date");
    let options = DocumentOptions::default();
    // Warm the font caches once, as the app does on its first document.
    let doc = prep_pack(&pack, date, &options).expect("pack");
    let start = Instant::now();
    for _ in 0..n {
        std::hint::black_box(prep_pack(&pack, date, &options).expect("pack"));
    }
    let per = start.elapsed().as_secs_f64() / f64::from(n);
    std::fs::write(&out, &doc.bytes).expect("write pdf");
    if let Some(i) = args.iter().position(|a| a == "--html") {
        let path = args.get(i + 1).expect("--html PATH");
        std::fs::write(path, html(&pack)).expect("write html");
    }
    println!("{per:.6}");
}
