// The profile picker's own flows: choose a profile, open it with its passphrase, make one,
// open one with its recovery code, or bring one back from a backup file, then show a new
// recovery code once. ProfilePicker only shows this state and sends back what is typed; the
// backend checks every passphrase and code.
import { AppError, type CreatedProfile, type ProfileSummary } from './api';

/** The screen the picker is on. */
export type PickerMode =
  | { name: 'choose' }
  | { name: 'unlock'; profile: ProfileSummary }
  | { name: 'create' }
  | { name: 'forgot'; profile: ProfileSummary }
  | { name: 'import' }
  | { name: 'recovery'; profile: ProfileSummary; code: string; imported: boolean };

/** The commands the picker uses (the real `api`, or a stand-in in tests). */
export type PickerApi = {
  listProfiles: () => Promise<ProfileSummary[]>;
  unlockProfile: (id: string, passphrase: string) => Promise<ProfileSummary>;
  createProfile: (name: string, passphrase: string) => Promise<CreatedProfile>;
  recoverProfile: (id: string, recoveryCode: string, newPassphrase: string) => Promise<ProfileSummary>;
  importProfile: (passphrase: string) => Promise<CreatedProfile | null>;
};

/** A profile is open: `notice` is said once it is (after a backup is restored). */
export type Opened = (profile: ProfileSummary, notice?: string) => void;

const FORMS: PickerMode['name'][] = ['import', 'forgot', 'unlock', 'create'];

function message(e: unknown, otherwise: string): string {
  return e instanceof AppError ? e.message : otherwise;
}

export class ProfilePickerFlow {
  profiles = $state<ProfileSummary[]>([]);
  mode = $state<PickerMode>({ name: 'choose' });
  passphrase = $state('');
  newName = $state('');
  newPassphrase = $state('');
  repeatPassphrase = $state('');
  recoveryCode = $state('');
  busy = $state(false);
  problem = $state<string | null>(null);
  /** Counts each problem said, so the view brings it into view even when the words repeat. */
  said = $state(0);
  /** The error that stopped a profile opening; ProfileTrouble offers a backup if it fits. */
  trouble = $state<AppError | null>(null);

  /** Whether the screen is a form (its problem is shown above its buttons). */
  readonly inForm = $derived(FORMS.includes(this.mode.name));

  private readonly api: PickerApi;
  private readonly onOpened: Opened;

  constructor(api: PickerApi, onOpened: Opened) {
    this.api = api;
    this.onOpened = onOpened;
  }

  /** Lists the profiles; with none yet, starts at making one. */
  async load(): Promise<void> {
    this.profiles = await this.api.listProfiles().catch(() => []);
    if (this.profiles.length === 0) this.mode = { name: 'create' };
  }

  /** Goes to another screen, forgetting every passphrase and code typed. */
  go(next: PickerMode): void {
    this.mode = next;
    this.problem = null;
    this.trouble = null;
    this.passphrase = '';
    this.newPassphrase = '';
    this.repeatPassphrase = '';
    this.recoveryCode = '';
  }

  /** Back from bringing a profile back: to the list, or to making one when there is none. */
  leaveImport(): void {
    this.go(this.profiles.length > 0 ? { name: 'choose' } : { name: 'create' });
  }

  async unlock(profile: ProfileSummary): Promise<void> {
    await this.attempt('The profile could not be opened.', async () => {
      this.onOpened(await this.api.unlockProfile(profile.id, this.passphrase));
      this.passphrase = '';
    });
  }

  async create(): Promise<void> {
    if (!this.sameTwice('The two passphrases are not the same. Please type them again.')) return;
    await this.attempt('The profile could not be made.', async () => {
      const made = await this.api.createProfile(this.newName, this.newPassphrase);
      this.go({ name: 'recovery', profile: made.profile, code: made.recovery_code, imported: false });
    });
  }

  async recover(profile: ProfileSummary): Promise<void> {
    if (!this.sameTwice('The two new passphrases are not the same. Please type them again.')) return;
    await this.attempt('The profile could not be opened.', async () => {
      const opened = await this.api.recoverProfile(profile.id, this.recoveryCode, this.newPassphrase);
      this.newPassphrase = '';
      this.repeatPassphrase = '';
      this.recoveryCode = '';
      this.onOpened(opened);
    });
  }

  async bringBack(): Promise<void> {
    await this.attempt('The backup file could not be opened.', async () => {
      const made = await this.api.importProfile(this.passphrase);
      if (made === null) {
        this.say('No file was chosen. You can try again at any time.');
        return;
      }
      this.go({ name: 'recovery', profile: made.profile, code: made.recovery_code, imported: true });
    });
  }

  /** A suggested passphrase fills both new-passphrase fields. */
  useSuggested(words: string): void {
    this.newPassphrase = words;
    this.repeatPassphrase = words;
  }

  /** The recovery code is copied down: the new profile opens. */
  recoveryCopied(): void {
    if (this.mode.name === 'recovery') this.onOpened(this.mode.profile);
  }

  private say(text: string): void {
    this.problem = text;
    this.said += 1;
  }

  private sameTwice(otherwise: string): boolean {
    this.problem = null;
    if (this.newPassphrase === this.repeatPassphrase) return true;
    this.say(otherwise);
    return false;
  }

  /** Runs one press of a button: busy meanwhile, and its problem said in plain words. */
  private async attempt(otherwise: string, run: () => Promise<void>): Promise<void> {
    this.problem = null;
    this.busy = true;
    try {
      await run();
    } catch (e) {
      this.say(message(e, otherwise));
      this.trouble = e instanceof AppError ? e : null;
    } finally {
      this.busy = false;
    }
  }
}
