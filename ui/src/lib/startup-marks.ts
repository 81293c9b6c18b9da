// The moments of the start, for the start-up measurement's breakdown (scripts/perf.sh): the
// page's own timings (HTML and scripts fetched, first paint, fonts) and marks the code sets.
// Every moment is in milliseconds since 1970, like the shell's, so the two can be compared.
import type { StartupMark } from './bindings';

const marks: StartupMark[] = [];

function at(sinceOrigin: number): number {
  return performance.timeOrigin + sinceOrigin;
}

/** Notes that the start reached `name` now. */
export function mark(name: string): void {
  marks.push({ name, at_ms: at(performance.now()) });
}

// Fonts load when text first needs them; record when the last one is in.
void document.fonts?.ready.then(() => mark('fonts-ready'));

/** Every mark so far, with the page's own timings first. */
export function startupMarks(): StartupMark[] {
  const page: StartupMark[] = [{ name: 'page-start', at_ms: performance.timeOrigin }];
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  if (nav) {
    page.push({ name: 'html-fetched', at_ms: at(nav.responseEnd) });
    page.push({ name: 'dom-interactive', at_ms: at(nav.domInteractive) });
  }
  const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
  const code = resources.filter((r) => r.initiatorType === 'script' || r.initiatorType === 'link');
  if (code.length > 0) {
    page.push({ name: 'code-fetched', at_ms: at(Math.max(...code.map((r) => r.responseEnd))) });
  }
  for (const paint of performance.getEntriesByType('paint')) {
    page.push({ name: paint.name, at_ms: at(paint.startTime) });
  }
  return [...page, ...marks];
}
