// The autosave's promises: one save at a time, a save soon after the last edit, "saved" only
// once the backend has committed, and what could not be saved kept in plain words.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from './api';
import { Autosave } from './autosave.svelte';

/** A persist whose calls finish only when the test says so. */
function controlled() {
  const calls: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  const persist = vi.fn(
    () =>
      new Promise<void>((resolve, reject) => {
        calls.push({ resolve, reject });
      }),
  );
  return { persist, calls };
}

const made: Autosave[] = [];
function autosave(persist: () => Promise<void>, delay?: number): Autosave {
  const a = new Autosave(persist, delay);
  made.push(a);
  return a;
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  for (const a of made.splice(0)) a.dispose();
  vi.useRealTimers();
});

describe('Autosave', () => {
  it('saves once, 0.4 s after the last edit, and says saved only after the save resolves', async () => {
    const { persist, calls } = controlled();
    const a = autosave(persist);
    expect(a.status).toBe('idle');
    a.edited();
    await vi.advanceTimersByTimeAsync(300);
    a.edited();
    await vi.advanceTimersByTimeAsync(300);
    expect(persist).not.toHaveBeenCalled();
    expect(a.status).toBe('pending');
    await vi.advanceTimersByTimeAsync(100);
    expect(persist).toHaveBeenCalledTimes(1);
    expect(a.status).toBe('saving');
    calls[0].resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(a.status).toBe('saved');
    expect(a.hasUnsaved).toBe(false);
  });

  it('never runs two saves at once, and saves again what was edited during a save', async () => {
    const { persist, calls } = controlled();
    const a = autosave(persist, 10);
    a.edited();
    await vi.advanceTimersByTimeAsync(10);
    expect(persist).toHaveBeenCalledTimes(1);
    // Edited while the first save is in flight: the second waits for it.
    a.edited();
    await vi.advanceTimersByTimeAsync(50);
    const second = a.save();
    await vi.advanceTimersByTimeAsync(0);
    expect(persist).toHaveBeenCalledTimes(1);
    calls[0].resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(persist).toHaveBeenCalledTimes(2);
    expect(a.status).toBe('saving');
    calls[1].resolve();
    await second;
    expect(a.status).toBe('saved');
    expect(persist).toHaveBeenCalledTimes(2);
  });

  it('counts changes and saved changes, equal only once everything typed is saved', async () => {
    const { persist, calls } = controlled();
    const a = autosave(persist, 10);
    expect([a.edits, a.savedEdits]).toEqual([0, 0]);
    a.edited();
    a.edited();
    expect([a.edits, a.savedEdits]).toEqual([2, 0]);
    await vi.advanceTimersByTimeAsync(10);
    // A change while the save is in flight is not in it.
    a.edited();
    calls[0].resolve();
    await vi.advanceTimersByTimeAsync(0);
    // It is saved straight after.
    expect([a.edits, a.savedEdits]).toEqual([3, 2]);
    expect(a.status).toBe('saving');
    calls[1].reject(new AppError({ code: 'disk_full', message: 'The disk is full.' }));
    await vi.advanceTimersByTimeAsync(0);
    expect([a.edits, a.savedEdits]).toEqual([3, 2]);
    const retry = a.save();
    await vi.advanceTimersByTimeAsync(0);
    calls[2].resolve();
    await retry;
    expect([a.edits, a.savedEdits]).toEqual([3, 3]);
    expect(a.status).toBe('saved');
  });

  it('does nothing when nothing is waiting', async () => {
    const persist = vi.fn(async () => {});
    const a = autosave(persist);
    await a.save();
    expect(persist).not.toHaveBeenCalled();
    a.markDirty();
    await a.save();
    expect(persist).toHaveBeenCalledTimes(1);
    await a.save();
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('keeps a failed save waiting, with the backend\'s words and code, and tries again', async () => {
    let fail = true;
    const persist = vi.fn(async () => {
      if (fail) throw new AppError({ code: 'disk_full', message: 'The disk is full.' });
    });
    const a = autosave(persist);
    a.markDirty();
    await a.save();
    expect(a.status).toBe('error');
    expect(a.problem).toBe('The disk is full.');
    expect(a.problemCode).toBe('disk_full');
    expect(a.hasUnsaved).toBe(true);
    expect(Autosave.unsavedProblem()).toBe('The disk is full.');
    fail = false;
    await a.save();
    expect(a.status).toBe('saved');
    expect(a.problem).toBeNull();
    expect(a.problemCode).toBeNull();
    expect(Autosave.unsavedProblem()).toBeNull();
  });

  it('says an unexpected failure in plain words, with no code', async () => {
    const a = autosave(async () => {
      throw new Error('TypeError: x is undefined');
    });
    a.markDirty();
    await a.save();
    expect(a.problem).toBe('Your changes could not be saved. Please try again.');
    expect(a.problemCode).toBeNull();
  });

  it('saveAll saves every screen that is waiting, and a disposed one no longer', async () => {
    const one = vi.fn(async () => {});
    const two = vi.fn(async () => {});
    const a = autosave(one);
    const b = autosave(two);
    a.edited();
    b.edited();
    await Autosave.saveAll();
    expect(one).toHaveBeenCalledTimes(1);
    expect(two).toHaveBeenCalledTimes(1);
    // saveAll cancels the timers: nothing is saved twice.
    await vi.advanceTimersByTimeAsync(1000);
    expect(one).toHaveBeenCalledTimes(1);
    b.dispose();
    a.markDirty();
    b.markDirty();
    await Autosave.saveAll();
    expect(one).toHaveBeenCalledTimes(2);
    expect(two).toHaveBeenCalledTimes(1);
  });

  it('cancel stops a pending save without saving', async () => {
    const persist = vi.fn(async () => {});
    const a = autosave(persist);
    a.edited();
    a.cancel();
    await vi.advanceTimersByTimeAsync(1000);
    expect(persist).not.toHaveBeenCalled();
    expect(a.hasUnsaved).toBe(true);
  });
});
