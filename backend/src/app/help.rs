//! Help, About and the guidance's review date. The `help` commands.

use super::session::Now;
use crate::cases::Nation;
use crate::content::{About, Content, HelpScreen, ReviewNotice};
use crate::error::Result;

/// The Help screen: the urgent help for the open case's nation first (none when it is not
/// known), then the topics.
pub fn help_topics(nation: Option<Nation>) -> Result<HelpScreen> {
    let content = Content::embedded()?;
    Ok(HelpScreen {
        notices: nation
            .map(|n| content.help_notices(n).into_iter().cloned().collect())
            .unwrap_or_default(),
        topics: content.help_topics(nation).into_iter().cloned().collect(),
    })
}

/// When the installed guidance is past its review date today, the notice Home shows.
pub fn guidance_review(now: &Now) -> Result<Option<ReviewNotice>> {
    Ok(Content::embedded()?.review_notice(now.today))
}

/// What the app does and does not do, its disclaimer, who made it and how its guidance is kept
/// up to date.
pub fn about_app() -> Result<About> {
    Ok(Content::embedded()?.about()?.clone())
}
