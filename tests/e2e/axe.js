// axe-core, run inside the real webview (injected through WebDriver), for any screen.
//
//   import { expectNoAxeViolations } from './axe.js';
//   await expectNoAxeViolations(browser, 'home, with cases');
//
// It fails the test with each violation's rule, impact, help text and the elements involved.
// The rules are WCAG 2.0, 2.1 and 2.2, levels A and AA. Only what is on screen is checked
// (hidden parts are skipped by axe), so open any <details> you want checked first.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Every screen checked so far in this run, for the report at the end of a test file. */
export const checkedScreens = [];

/** Runs axe on the page as it is now; returns the violations (rule, impact, help, targets). */
export async function axeViolations(browser) {
  const loaded = await browser.execute(() => typeof window.axe === 'object');
  if (!loaded) {
    // The script is run by WebDriver, not loaded from a URL, so the app's CSP stays strict.
    await browser.execute(`${axeSource}\n;return typeof window.axe === 'object';`);
  }
  const result = await browser.execute(async (tags) => {
    try {
      const r = await window.axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return JSON.stringify(
        r.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`),
        })),
      );
    } catch (e) {
      return JSON.stringify({ error: String(e) });
    }
  }, wcagTags);
  const parsed = JSON.parse(result);
  if (parsed.error) throw new Error(`axe could not run: ${parsed.error}`);
  return parsed;
}

/** Fails when axe finds any WCAG 2.2 A/AA violation on the screen as it is now. */
export async function expectNoAxeViolations(browser, screenName) {
  const violations = await axeViolations(browser);
  checkedScreens.push(screenName);
  const report = violations
    .map((v) => `- ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.join('\n    ')}`)
    .join('\n');
  assert.equal(violations.length, 0, `axe found problems on "${screenName}":\n${report}`);
}
