//! Locks when the computer goes to sleep or its screen is locked, where the system says so.
//!
//! Linux: logind's `PrepareForSleep(true)` (suspend or hibernate) and `Lock` on this app's
//! session (what `loginctl lock-session` and the desktops' screen lockers use), on the system
//! bus. Windows (`WM_POWERBROADCAST`, `WTS_SESSION_LOCK`) and macOS
//! (`NSWorkspaceWillSleepNotification`, `com.apple.screenIsLocked`) report the same, but need
//! native code not written yet; there the idle lock and the backend's own deadline still hold.
//! Minimising does not lock: a person who minimises to look up an address or a phone number
//! comes back to their work; walking away is covered by the idle lock and the screen lock.

use tauri::{AppHandle, Manager};

/// Whether a logind signal means the profile must lock: sleep is coming, or this app's
/// session (any session, if it is not known) is being locked.
pub fn locks_on(member: &str, path: &str, sleeping: Option<bool>, session: Option<&str>) -> bool {
    match member {
        "PrepareForSleep" => sleeping == Some(true),
        "Lock" => session.is_none_or(|ours| ours == path),
        _ => false,
    }
}

/// Starts listening (in the background; nothing happens where there is no system bus).
pub fn watch(app: AppHandle) {
    #[cfg(target_os = "linux")]
    std::thread::spawn(move || {
        if let Err(error) = listen(&app) {
            tracing::info!(%error, "sleep and screen lock are not watched");
        }
    });
    #[cfg(not(target_os = "linux"))]
    let _ = app;
}

#[cfg(target_os = "linux")]
fn listen(app: &AppHandle) -> zbus::Result<()> {
    use zbus::blocking::{Connection, MessageIterator};
    use zbus::message::Type;
    use zbus::MatchRule;

    let bus = Connection::system()?;
    let session: Option<String> = bus
        .call_method(
            Some("org.freedesktop.login1"),
            "/org/freedesktop/login1",
            Some("org.freedesktop.login1.Manager"),
            "GetSessionByPID",
            &(std::process::id()),
        )
        .and_then(|reply| {
            reply
                .body()
                .deserialize::<zbus::zvariant::OwnedObjectPath>()
        })
        .map(|path| path.to_string())
        .ok();
    let rule = MatchRule::builder()
        .msg_type(Type::Signal)
        .sender("org.freedesktop.login1")?
        .build();
    for message in MessageIterator::for_match_rule(rule, &bus, None)? {
        let message = message?;
        let header = message.header();
        let member = header.member().map(|m| m.to_string()).unwrap_or_default();
        let path = header.path().map(|p| p.to_string()).unwrap_or_default();
        let sleeping = if member == "PrepareForSleep" {
            message.body().deserialize::<bool>().ok()
        } else {
            None
        };
        if locks_on(&member, &path, sleeping, session.as_deref()) {
            let state = app.state::<crate::state::AppState>();
            state.session.lock();
            crate::memory::forget_window(app, &state.settings);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::locks_on;

    #[test]
    fn sleep_and_this_sessions_lock_lock_the_profile() {
        let ours = Some("/org/freedesktop/login1/session/_32");
        assert!(locks_on(
            "PrepareForSleep",
            "/org/freedesktop/login1",
            Some(true),
            ours
        ));
        assert!(!locks_on(
            "PrepareForSleep",
            "/org/freedesktop/login1",
            Some(false),
            ours
        ));
        assert!(locks_on(
            "Lock",
            "/org/freedesktop/login1/session/_32",
            None,
            ours
        ));
        assert!(!locks_on(
            "Lock",
            "/org/freedesktop/login1/session/_33",
            None,
            ours
        ));
        assert!(locks_on(
            "Lock",
            "/org/freedesktop/login1/session/_33",
            None,
            None
        ));
        assert!(!locks_on(
            "Unlock",
            "/org/freedesktop/login1/session/_32",
            None,
            ours
        ));
    }
}
