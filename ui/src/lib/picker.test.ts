// The profile picker's flows, screen by screen: where each button leads, what is forgotten on
// the way, and each problem said in plain words (the backend's, or the picker's own).
import { describe, expect, it, vi } from 'vitest';
import { AppError, type ProfileSummary } from './api';
import { ProfilePickerFlow, type PickerApi } from './picker.svelte';

const dad: ProfileSummary = { id: 'a1', name: 'Dad' } as ProfileSummary;
const made = { profile: dad, recovery_code: 'ABCD-EFGH' } as Awaited<ReturnType<PickerApi['createProfile']>>;

function fakeApi(overrides: Partial<PickerApi> = {}): PickerApi {
  return {
    listProfiles: vi.fn(async () => [dad]),
    unlockProfile: vi.fn(async () => dad),
    createProfile: vi.fn(async () => made),
    recoverProfile: vi.fn(async () => dad),
    importProfile: vi.fn(async () => made),
    ...overrides,
  };
}

function flowWith(overrides: Partial<PickerApi> = {}) {
  const api = fakeApi(overrides);
  const opened = vi.fn();
  return { api, opened, flow: new ProfilePickerFlow(api, opened) };
}

const wrong = new AppError({ code: 'wrong_passphrase', message: 'That passphrase is not right.' });

describe('ProfilePickerFlow', () => {
  it('starts at the list, or at making a profile when there is none (or the list fails)', async () => {
    const some = flowWith();
    await some.flow.load();
    expect(some.flow.mode).toEqual({ name: 'choose' });
    expect(some.flow.profiles).toEqual([dad]);
    const none = flowWith({ listProfiles: async () => [] });
    await none.flow.load();
    expect(none.flow.mode).toEqual({ name: 'create' });
    const failing = flowWith({ listProfiles: async () => Promise.reject(new Error('x')) });
    await failing.flow.load();
    expect(failing.flow.mode).toEqual({ name: 'create' });
  });

  it('going to another screen forgets every passphrase and code typed, and the problem', () => {
    const { flow } = flowWith();
    flow.passphrase = 'p';
    flow.newPassphrase = 'n';
    flow.repeatPassphrase = 'r';
    flow.recoveryCode = 'c';
    flow.problem = 'A problem';
    flow.trouble = wrong;
    flow.go({ name: 'forgot', profile: dad });
    expect([flow.passphrase, flow.newPassphrase, flow.repeatPassphrase, flow.recoveryCode]).toEqual(['', '', '', '']);
    expect(flow.problem).toBeNull();
    expect(flow.trouble).toBeNull();
    expect(flow.inForm).toBe(true);
  });

  it('unlock opens the profile; a wrong passphrase is said and kept as the trouble', async () => {
    const { flow, opened, api } = flowWith();
    flow.go({ name: 'unlock', profile: dad });
    flow.passphrase = 'river candle';
    await flow.unlock(dad);
    expect(api.unlockProfile).toHaveBeenCalledWith('a1', 'river candle');
    expect(opened).toHaveBeenCalledWith(dad);
    expect(flow.passphrase).toBe('');

    const refused = flowWith({ unlockProfile: async () => Promise.reject(wrong) });
    refused.flow.go({ name: 'unlock', profile: dad });
    await refused.flow.unlock(dad);
    expect(refused.flow.problem).toBe('That passphrase is not right.');
    expect(refused.flow.trouble).toBe(wrong);
    expect(refused.flow.said).toBe(1);
    expect(refused.flow.busy).toBe(false);
    expect(refused.opened).not.toHaveBeenCalled();
  });

  it('busy while the backend works, so the button cannot be pressed twice', async () => {
    let finish: (p: ProfileSummary) => void = () => {};
    const { flow } = flowWith({ unlockProfile: () => new Promise((resolve) => (finish = resolve)) });
    const pressed = flow.unlock(dad);
    expect(flow.busy).toBe(true);
    finish(dad);
    await pressed;
    expect(flow.busy).toBe(false);
  });

  it('create asks for the same passphrase twice, then shows the recovery code once; copying it opens the profile', async () => {
    const { flow, api, opened } = flowWith();
    flow.go({ name: 'create' });
    flow.newName = 'Dad';
    flow.newPassphrase = 'river candle tuesday';
    flow.repeatPassphrase = 'river candle';
    await flow.create();
    expect(flow.problem).toBe('The two passphrases are not the same. Please type them again.');
    expect(api.createProfile).not.toHaveBeenCalled();
    flow.repeatPassphrase = 'river candle tuesday';
    await flow.create();
    expect(api.createProfile).toHaveBeenCalledWith('Dad', 'river candle tuesday');
    expect(flow.mode).toEqual({ name: 'recovery', profile: dad, code: 'ABCD-EFGH', imported: false });
    expect(flow.newPassphrase).toBe('');
    expect(flow.inForm).toBe(false);
    expect(opened).not.toHaveBeenCalled();
    flow.recoveryCopied();
    expect(opened).toHaveBeenCalledWith(dad);
  });

  it('a suggested passphrase fills both fields', () => {
    const { flow } = flowWith();
    flow.go({ name: 'create' });
    flow.useSuggested('otter lamp violin harbour');
    expect([flow.newPassphrase, flow.repeatPassphrase]).toEqual(['otter lamp violin harbour', 'otter lamp violin harbour']);
  });

  it('a profile that cannot be made says why, or in plain words when the cause is unknown', async () => {
    const { flow } = flowWith({ createProfile: async () => Promise.reject(new TypeError('x is undefined')) });
    flow.go({ name: 'create' });
    await flow.create();
    expect(flow.problem).toBe('The profile could not be made.');
  });

  it('the recovery code opens the profile with a new passphrase typed twice', async () => {
    const { flow, api, opened } = flowWith();
    flow.go({ name: 'forgot', profile: dad });
    flow.recoveryCode = 'abcd efgh';
    flow.newPassphrase = 'a new one';
    flow.repeatPassphrase = 'a new two';
    await flow.recover(dad);
    expect(flow.problem).toBe('The two new passphrases are not the same. Please type them again.');
    flow.repeatPassphrase = 'a new one';
    await flow.recover(dad);
    expect(api.recoverProfile).toHaveBeenCalledWith('a1', 'abcd efgh', 'a new one');
    expect(opened).toHaveBeenCalledWith(dad);
    expect([flow.recoveryCode, flow.newPassphrase, flow.repeatPassphrase]).toEqual(['', '', '']);
  });

  it('bringing a profile back: no file chosen is said; a backup opened shows its new recovery code', async () => {
    const cancelled = flowWith({ importProfile: async () => null });
    cancelled.flow.go({ name: 'import' });
    await cancelled.flow.bringBack();
    expect(cancelled.flow.problem).toBe('No file was chosen. You can try again at any time.');
    expect(cancelled.flow.mode).toEqual({ name: 'import' });

    const { flow } = flowWith();
    flow.go({ name: 'import' });
    flow.passphrase = 'the backup passphrase';
    await flow.bringBack();
    expect(flow.mode).toEqual({ name: 'recovery', profile: dad, code: 'ABCD-EFGH', imported: true });
    expect(flow.passphrase).toBe('');
  });

  it('back from bringing a profile back goes to the list, or to making one when there is none', async () => {
    const some = flowWith();
    await some.flow.load();
    some.flow.go({ name: 'import' });
    some.flow.leaveImport();
    expect(some.flow.mode).toEqual({ name: 'choose' });
    const none = flowWith({ listProfiles: async () => [] });
    await none.flow.load();
    none.flow.go({ name: 'import' });
    none.flow.leaveImport();
    expect(none.flow.mode).toEqual({ name: 'create' });
  });
});
