// The case open on the journey screen: its details and journey as typed, what the backend has
// saved of them and the answers that need a change, one autosave for each, and "save everything
// first" before any document is made. The journey screen and its steps only show it and send
// back what the person typed; every document of the case (its button, or Ctrl+P for the prep
// pack) is made by `writeDocument`, so each is made from what is saved, with the paper and
// print size chosen.
import { getContext, setContext } from 'svelte';
import {
  api,
  AppError,
  emptyDetails,
  type CalendarOptions,
  type CaseDetails,
  type DocumentKind,
  type DocumentOptions,
  type FieldProblem,
  type Journey,
  type JourneyView,
  type LetterPreview,
  type SavedDocument,
} from './api';
import { Autosave } from './autosave.svelte';
import { cleanCaseDates, cleanDates, emptyJourney } from './journey';

/** What the save line says: the autosaves' state, or that some answers need a change. */
export type SaveLine = 'idle' | 'pending' | 'saving' | 'saved' | 'error' | 'needs-change';

/** A document made for the case: saved where the person chose, or not (the dialog was closed),
 * or not made because there is no case yet (nothing in step 1 could be saved). */
export type Written = SavedDocument | 'cancelled' | 'no-case';

/** After a save: an answer too long even to keep as typed is not saved, so say so. */
function throwIfNotKept(found: FieldProblem[]) {
  if (found.some((p) => !p.kept)) {
    throw new AppError({
      code: 'not_kept',
      message: 'One answer is far too long to keep. Please shorten it.',
    });
  }
}

export class OpenCase {
  id = $state<number | null>(null);
  details = $state<CaseDetails>(emptyDetails());
  journey = $state<Journey>(emptyJourney());
  /** The backend's view of the saved journey (safety notices, comparison, what is due). */
  view = $state<JourneyView | null>(null);
  /** What the backend has saved of the details. */
  savedDetails = $state<CaseDetails>(emptyDetails());
  caseProblems = $state<FieldProblem[]>([]);
  journeyProblems = $state<FieldProblem[]>([]);
  loaded = $state(false);
  loadProblem = $state<string | null>(null);
  /** The paper and print size chosen for the prep pack: its button and Ctrl+P both use them. */
  packOptions = $state<DocumentOptions>({ paper: 'a4', large_print: false });
  /** The prep pack asked for by Ctrl+P (or File > Print): working, done, or its problem. */
  shortcutPack = $state({ busy: false, said: '', problem: '' });

  readonly problems = $derived([...this.caseProblems, ...this.journeyProblems]);

  readonly caseSave = new Autosave(async () => {
    const snapshot = cleanCaseDates($state.snapshot(this.details) as CaseDetails);
    const saved = this.id === null ? await api.createCase(snapshot) : await api.saveCase(this.id, snapshot);
    this.id = saved.case.id;
    this.savedDetails = saved.case.details;
    this.caseProblems = saved.problems;
    // The backend's view follows the saved details (the nation's safety notices, step 1 on the
    // map): fetch it again.
    const asked = ++this.viewAsked;
    const view = (await api.getJourney(saved.case.id)).view;
    if (asked > this.viewShown) this.setView(view, asked);
    throwIfNotKept(saved.problems);
  });

  readonly journeySave = new Autosave(async () => {
    if (this.id === null) {
      this.caseSave.markDirty();
      await this.caseSave.save();
      if (this.id === null) {
        throw new AppError({ code: 'not_saved', message: 'Your answers could not be saved yet. Please try again.' });
      }
    }
    const snapshot = cleanDates($state.snapshot(this.journey) as Journey);
    const asked = ++this.viewAsked;
    const saved = await api.saveJourney(this.id, snapshot);
    if (asked > this.viewShown) this.setView(saved.view, asked);
    this.journeyProblems = saved.problems;
    throwIfNotKept(saved.problems);
  });

  readonly status = $derived.by((): SaveLine => {
    const both = [this.caseSave.status, this.journeySave.status];
    if (both.includes('error')) return 'error';
    if (both.includes('saving')) return 'saving';
    if (both.includes('pending')) return 'pending';
    if (this.problems.length > 0) return 'needs-change';
    if (both.includes('saved')) return 'saved';
    return 'idle';
  });

  /** Changes made and changes saved, both autosaves together (see `Autosave.edits`). */
  readonly edits = $derived(this.caseSave.edits + this.journeySave.edits);
  readonly savedEdits = $derived(this.caseSave.savedEdits + this.journeySave.savedEdits);

  /** What could not be saved, in plain words. */
  readonly problem = $derived(this.journeySave.problem ?? this.caseSave.problem);

  /** Whether something could not be saved at all (answers kept as drafts do not count). */
  get hasUnsaved(): boolean {
    return this.caseSave.hasUnsaved || this.journeySave.hasUnsaved;
  }

  // Each view asked of the backend is numbered; one that comes back after a later one has been
  // shown is older and is dropped.
  private viewAsked = 0;
  private viewShown = 0;
  private setView(view: JourneyView, asked: number) {
    this.view = view;
    this.viewShown = asked;
  }

  private caseBaseline = '';
  private journeyBaseline = '';

  /** Made while the journey screen starts: its changes are watched while the screen is shown. */
  constructor(caseId: number | null) {
    this.id = caseId;
    // Any change to the details or the journey, however it was made (typing, ticking, a
    // button), starts a save.
    $effect(() => {
      const s = JSON.stringify(this.details);
      if (!this.loaded || s === this.caseBaseline) return;
      this.caseBaseline = s;
      this.caseSave.edited();
    });
    $effect(() => {
      const s = JSON.stringify(this.journey);
      if (!this.loaded || s === this.journeyBaseline) return;
      this.journeyBaseline = s;
      this.journeySave.edited();
    });
  }

  /** Reads the case as it was last typed (nothing for a new case). */
  async load(): Promise<void> {
    if (this.id !== null) {
      try {
        const c = await api.getCase(this.id);
        this.details = c.typed;
        this.savedDetails = c.case.details;
        this.caseProblems = c.problems;
        const j = await api.getJourney(this.id);
        this.view = j.view;
        this.journey = j.typed;
        this.journeyProblems = j.problems;
      } catch (e) {
        this.loadProblem = e instanceof AppError ? e.message : 'This case could not be opened.';
      }
    }
    this.caseBaseline = JSON.stringify(this.details);
    this.journeyBaseline = JSON.stringify(this.journey);
    this.loaded = true;
  }

  /** Saves whatever is waiting, details first (a new case needs its id). */
  async flush(): Promise<void> {
    await this.caseSave.save();
    await this.journeySave.save();
  }

  /** Saves everything now and returns the case's id (null when it could not be saved). */
  async saveNow(): Promise<number | null> {
    this.caseSave.markDirty();
    await this.flush();
    return this.caseSave.status === 'error' ? null : this.id;
  }

  /** Saves everything, then makes one document from what is saved, asks where to save it and
   * opens it. Throws an AppError when it cannot be made. */
  async writeDocument(kind: DocumentKind, options: DocumentOptions): Promise<Written> {
    const id = await this.saveNow();
    if (id === null) return 'no-case';
    return (await api.writeDocument(id, kind, $state.snapshot(options))) ?? 'cancelled';
  }

  /** Saves everything, then the words of one letter as it would be made now; `null` when
   * there is no case yet. */
  async previewLetter(kind: DocumentKind): Promise<LetterPreview | null> {
    const id = await this.saveNow();
    if (id === null) return null;
    return api.letterPreview(id, kind);
  }

  /** Saves everything, then makes the calendar file of reminders and asks where to save it.
   * Throws an AppError when there is nothing to put in it. */
  async writeCalendar(options: CalendarOptions): Promise<Written> {
    const id = await this.saveNow();
    if (id === null) return 'no-case';
    return (await api.writeCalendar(id, $state.snapshot(options))) ?? 'cancelled';
  }

  /** Ctrl+P (or File > Print the prep pack): the pack, as its button would make it. */
  async printPack(): Promise<void> {
    if (this.shortcutPack.busy) return;
    this.shortcutPack = { busy: true, said: '', problem: '' };
    let said = '';
    let problem = '';
    try {
      const written = await this.writeDocument('prep-pack', this.packOptions);
      if (written === 'no-case') problem = 'Please fill in step 1 first. Your details are needed for the pack.';
      else if (written === 'cancelled') said = 'Your prep pack was not saved. You can try again at any time.';
      else said = `Your prep pack is saved as ${written.file_name}. It should open now, ready to print.`;
    } catch (e) {
      problem = e instanceof AppError ? e.message : 'Your prep pack could not be made. Please try again.';
    }
    this.shortcutPack = { busy: false, said, problem };
  }

  /** The screen is going: save what is waiting, then stop. */
  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      this.caseSave.dispose();
      this.journeySave.dispose();
    }
  }
}

const KEY = Symbol('open case');

/** Makes `open` the case that the journey screen's steps and document buttons work on. */
export function setOpenCase(open: OpenCase): void {
  setContext(KEY, open);
}

/** The case open on the journey screen, for the steps inside it. */
export function getOpenCase(): OpenCase {
  const open = findOpenCase();
  if (!open) throw new Error('getOpenCase is for the journey screen and its steps');
  return open;
}

/** The case open on the journey screen, or undefined outside it (for example in profile
 * settings, where a document is not about a case). */
export function findOpenCase(): OpenCase | undefined {
  return getContext<OpenCase | undefined>(KEY);
}
