// Driving the app with the keyboard alone: what has focus (and whether it can be seen), typing
// key by key, and pressing Tab until a control is reached. Shared by the keyboard tests.
import assert from 'node:assert/strict';
import { Key } from 'webdriverio';

/** The keyboard helpers for one `browser`; `tabs` counts every Tab pressed. */
export function keyboard(browser) {
  const self = { tabs: 0 };

  /** What has focus now, and whether its focus can be seen (an outline at least 2px wide). */
  self.focused = () =>
    browser.execute(() => {
      const el = document.activeElement;
      const cs = getComputedStyle(el);
      return {
        tag: el.tagName.toLowerCase(),
        id: el.id,
        name: el.getAttribute('name'),
        type: el.getAttribute('type'),
        value: el.value ?? null,
        checked: el.checked ?? null,
        testid: el.dataset?.testid ?? null,
        need: el.dataset?.need ?? null,
        starter: el.dataset?.starter ?? null,
        within: el.closest('[data-testid]')?.dataset.testid ?? null,
        text: (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80),
        label: (el.closest('label')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        visible: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2,
      };
    });

  /** Types text key by key (each key pressed and let go, so "ll" gives two l's). */
  self.type = async (text) => {
    const keys = browser.action('key');
    for (const c of text) keys.down(c).up(c);
    await keys.perform();
  };

  const describe = (f) => `${f.tag}${f.id ? '#' + f.id : ''}${f.name ? `[name=${f.name}]` : ''} "${f.text}"`;

  /** Presses Tab (or Shift+Tab) until `matches` is true of the focused element; every focused
   * element on the way must show its focus. */
  self.tabTo = async (matches, { back = false, max = 250 } = {}) => {
    for (let i = 0; i < max; i++) {
      await browser.keys(back ? [Key.Shift, Key.Tab] : [Key.Tab]);
      self.tabs++;
      const f = await self.focused();
      assert.ok(f.visible, `focus can be seen on ${describe(f)}`);
      if (matches(f)) return f;
    }
    throw new Error(`Tab never reached the element (${max} presses)`);
  };

  /** Tabs to the radio group `name` and moves through it with the arrow keys to `value`. */
  self.choose = async (name, value) => {
    await self.tabTo((f) => f.name === name);
    await browser.keys([Key.Space]);
    for (let i = 0; i < 10; i++) {
      const f = await self.focused();
      if (f.value === value && f.checked) return;
      await browser.keys([Key.ArrowDown]);
    }
    throw new Error(`the arrow keys never reached ${name}=${value}`);
  };

  return self;
}

export const byId = (id) => (f) => f.id === id;
export const byText = (text) => (f) => f.tag === 'button' && f.text === text;
export const byName = (name) => (f) => f.name === name;
