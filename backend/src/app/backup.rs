//! The daily backup while a profile is in use, made on a thread and a database connection of
//! its own, so no command waits for it: the window stays responsive while a large profile is
//! copied. (On unlocking, the backup is made before the profile opens, when nothing can wait
//! for it.)
//!
//! Invariants: at most one is made at a time; locking, switching or deleting the profile stops
//! it first (interrupted, its hidden temporary file removed) and waits for its thread, so no
//! key or connection outlives the lock; a backup that fails is logged by its code only and never
//! stops a command.

use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;

use super::now::Now;
use crate::profiles::OpenProfile;

/// The backup being made, if any.
#[derive(Default)]
pub(crate) struct DailyBackup {
    running: Mutex<Option<Running>>,
}

impl std::fmt::Debug for DailyBackup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DailyBackup").finish_non_exhaustive()
    }
}

struct Running {
    thread: JoinHandle<()>,
    stop: Arc<Mutex<Stop>>,
}

/// How a lock stops a backup: `stopped` before its copy begins, or through its connection's
/// interrupt handle once it has.
#[derive(Default)]
struct Stop {
    stopped: bool,
    interrupt: Option<rusqlite::InterruptHandle>,
}

fn guard<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl DailyBackup {
    /// Starts the day's backup of `profile` on its own thread if it is due and none is being
    /// made. Returns at once.
    pub(crate) fn start_if_due(&self, profile: &OpenProfile, now: &Now) {
        let mut running = guard(&self.running);
        if running.as_ref().is_some_and(|r| !r.thread.is_finished()) {
            return;
        }
        match profile.backup_due(now.utc()) {
            Ok(true) => {}
            Ok(false) => return,
            Err(error) => {
                tracing::warn!(code = error.code(), "could not tell if a backup is due");
                return;
            }
        }
        let job = profile.daily_backup_job(now.utc());
        let stop = Arc::new(Mutex::new(Stop::default()));
        let shared = Arc::clone(&stop);
        let spawned = std::thread::Builder::new()
            .name("daily-backup".into())
            .spawn(move || {
                let made = job.run(|interrupt| {
                    let mut stop = guard(&shared);
                    stop.interrupt = Some(interrupt);
                    !stop.stopped
                });
                if let Err(error) = made {
                    if !guard(&shared).stopped {
                        tracing::warn!(code = error.code(), "the daily backup could not be made");
                    }
                }
            });
        match spawned {
            Ok(thread) => *running = Some(Running { thread, stop }),
            Err(error) => tracing::warn!(%error, "the daily backup could not be started"),
        }
    }

    /// Stops the backup being made, if any, and waits for its thread: called before its
    /// profile is locked, so its connection and its copy of the key are gone when this returns.
    /// (A copy interrupted in the instant between two of its statements runs to the end
    /// instead: slower, never wrong.)
    pub(crate) fn stop(&self) {
        let running = guard(&self.running).take();
        if let Some(running) = running {
            {
                let mut stop = guard(&running.stop);
                stop.stopped = true;
                if let Some(interrupt) = &stop.interrupt {
                    interrupt.interrupt();
                }
            }
            let _ = running.thread.join();
        }
    }

    /// Waits for the backup being made, if any, to finish.
    pub(crate) fn wait(&self) {
        let running = guard(&self.running).take();
        if let Some(running) = running {
            let _ = running.thread.join();
        }
    }
}

impl Drop for DailyBackup {
    /// A session that ends stops its backup and waits for the thread: a copy left running would
    /// hold a connection and a copy of the key past the session, and, when the process ends,
    /// die inside SQLCipher while the C libraries are torn down (a crash at exit).
    fn drop(&mut self) {
        self.stop();
    }
}
