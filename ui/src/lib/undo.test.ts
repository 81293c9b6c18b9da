// Undo of a removed line: it goes back where it was, and focus follows the person.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Undo } from './undo.svelte';

let focused: string[] = [];

beforeEach(() => {
  focused = [];
  vi.stubGlobal('document', {
    getElementById: (id: string) => ({ focus: () => focused.push(id) }),
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Undo', () => {
  it('takes the line out at once and moves focus to its Undo button', async () => {
    const list = ['Scan report', 'Clinic letters', 'Blood tests'];
    const undo = new Undo('records');
    expect(undo.buttonId).toBe('undo-records');
    await undo.remove(list, 1, 'Clinic letters removed', 'record-1');
    expect(list).toEqual(['Scan report', 'Blood tests']);
    expect(undo.last?.words).toBe('Clinic letters removed');
    expect(focused).toEqual(['undo-records']);
  });

  it('puts the line back where it was and focus on it', async () => {
    const list = ['a', 'b', 'c'];
    const undo = new Undo('questions');
    await undo.remove(list, 1, 'b removed', 'question-1');
    await undo.restore();
    expect(list).toEqual(['a', 'b', 'c']);
    expect(undo.last).toBeNull();
    expect(focused).toEqual(['undo-questions', 'question-1']);
    // Nothing more to undo.
    await undo.restore();
    expect(list).toEqual(['a', 'b', 'c']);
  });

  it('puts the line at the end when the list got shorter meanwhile', async () => {
    const list = ['a', 'b', 'c'];
    const undo = new Undo('timeline');
    await undo.remove(list, 2, 'c removed', 'timeline-2');
    list.splice(0, 1);
    await undo.restore();
    expect(list).toEqual(['b', 'c']);
  });

  it('remembers only the last line removed', async () => {
    const list = ['a', 'b', 'c'];
    const undo = new Undo('medicines');
    await undo.remove(list, 0, 'a removed', 'medicine-0');
    await undo.remove(list, 0, 'b removed', 'medicine-0');
    await undo.restore();
    expect(list).toEqual(['b', 'c']);
  });

  it('does nothing for a line that is not there', async () => {
    const list = ['a'];
    const undo = new Undo('records');
    await undo.remove(list, 5, 'gone', 'record-5');
    expect(list).toEqual(['a']);
    expect(undo.last).toBeNull();
    expect(focused).toEqual([]);
  });
});
