// Who is using the app now: the open profile (none while locked), the helper acting for its
// person under a consent, and the idle lock. Locking takes every case detail out of the window:
// with no profile, Root shows only the picker, and the backend then replaces the page itself
// (a new web process), so nothing typed stays in its memory. Root and the profile screens only show this.
import { api, type ActingCarer, type CarerConsent, type ProfileSummary } from './api';
import { Autosave } from './autosave.svelte';

/** Locking or closing while something could not be saved at all asks first. */
export type LeaveAsk = { why: 'lock' | 'close'; problem: string };

/** What Root does when the session changes: the screens it shows are its own. */
export type SessionHooks = {
  /** The profile was opened: move focus to its first screen. */
  opened: () => void;
  /** The profile was locked or deleted: close any page and settings over it. */
  locked: () => void;
};

const ACTIVITY = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart', 'input'];

class Session {
  profile = $state<ProfileSummary | null>(null);
  /** The carer acting for the profile's person now, if any. */
  acting = $state<ActingCarer | null>(null);
  /** Consents covering today, when the app must first ask who is using it. */
  askWho = $state<CarerConsent[] | null>(null);
  lockedBecauseIdle = $state(false);
  /** Said once when a profile opens, e.g. which backup it was brought back from. */
  openedNotice = $state<string | null>(null);
  /** Set when a lock or a close waits for the person's answer. */
  leaveAsk = $state<LeaveAsk | null>(null);
  /** Locked, and waiting for the backend to replace this page with a fresh one. */
  replacing = $state(false);
  private toldBackend = 0;

  private idleSeconds = 600;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private hooks: SessionHooks = { opened: () => {}, locked: () => {} };

  /** Any activity in the window starts the idle time again. */
  readonly resetIdle = () => {
    clearTimeout(this.idleTimer);
    if (!this.profile) return;
    this.idleTimer = setTimeout(() => void this.lock(true), this.idleSeconds * 1000);
    // The backend keeps its own deadline (it locks a little after this timer, whatever the
    // window does); it hears of use at most every few seconds.
    if (Date.now() - this.toldBackend > 5000) {
      this.toldBackend = Date.now();
      void api.stillHere().catch(() => {});
    }
  };

  /** Starts the session: the idle lock's time, a profile the shell still has open, and the
   * activity that keeps it open. */
  async start(hooks: SessionHooks): Promise<void> {
    this.hooks = hooks;
    this.idleSeconds = await api.idleLockSeconds().catch(() => 600);
    const already = await api.openProfile().catch(() => null);
    if (already) await this.opened(already);
    else this.lockedBecauseIdle = await api.lockedBecauseIdle().catch(() => false);
    for (const ev of ACTIVITY) window.addEventListener(ev, this.resetIdle, { passive: true });
    this.resetIdle();
  }

  stop(): void {
    clearTimeout(this.idleTimer);
    for (const ev of ACTIVITY) window.removeEventListener(ev, this.resetIdle);
  }

  /** A profile was opened (by its passphrase, its recovery code, or a backup brought back). */
  async opened(p: ProfileSummary, notice?: string): Promise<void> {
    this.lockedBecauseIdle = false;
    this.openedNotice = notice ?? null;
    this.acting = await api.actingCarer().catch(() => null);
    const active = await api.activeCarerConsents().catch(() => []);
    this.askWho = active.length > 0 && this.acting === null ? active : null;
    this.profile = p;
    await this.idleTimeChanged();
    this.hooks.opened();
  }

  /** The person said who is using the app (a helper, or themselves when `null`). */
  chooseWho(a: ActingCarer | null): void {
    this.acting = a;
    this.askWho = null;
  }

  /** The idle time may have changed (in the profile's settings): count from now with it. */
  async idleTimeChanged(): Promise<void> {
    this.idleSeconds = await api.idleLockSeconds().catch(() => this.idleSeconds);
    this.resetIdle();
  }

  /**
   * Saves everything waiting, then locks: every case detail leaves the window. When something
   * could not be saved at all, asks first (`leaveAsk`) and returns false, unless `anyway`, or
   * the lock is the idle one (an unattended window must lock).
   */
  async lock(idle = false, anyway = false): Promise<boolean> {
    clearTimeout(this.idleTimer);
    await Autosave.saveAll();
    const left = Autosave.unsavedProblem();
    if (left && !idle && !anyway) {
      this.leaveAsk = { why: 'lock', problem: left };
      this.resetIdle();
      return false;
    }
    this.leaveAsk = null;
    this.hooks.locked();
    this.profile = null;
    this.acting = null;
    this.askWho = null;
    this.lockedBecauseIdle = idle;
    this.openedNotice = null;
    // The backend locks, then throws this page away (its JavaScript heap with it) and loads
    // the app again at the profile picker.
    this.awaitNewPage();
    await api.lockProfile(idle).catch(() => {});
    return true;
  }

  /** The window is closing: saves everything waiting; false (and `leaveAsk`) when something
   * could not be saved at all, so the person is asked first. */
  async mayClose(): Promise<boolean> {
    await Autosave.saveAll();
    const left = Autosave.unsavedProblem();
    if (left && this.profile) {
      this.leaveAsk = { why: 'close', problem: left };
      return false;
    }
    return true;
  }

  /** Shows nothing until the backend has replaced this page (reloads it if that never comes). */
  private awaitNewPage(): void {
    this.replacing = true;
    setTimeout(() => location.reload(), 5000);
  }

  /** The profile was deleted from its settings (the backend then replaces the page too). */
  deleted(): void {
    this.awaitNewPage();
    this.hooks.locked();
    this.profile = null;
    this.acting = null;
    this.lockedBecauseIdle = false;
  }
}

export const session = new Session();
