// The urgent line in the banner at the top of every screen. It comes from content, chosen by the
// backend for the open case's nation (Guidance.urgent_line); before the nation is known, the home
// screen's line, which names every nation's route. The journey sets `openCase` while a case is
// open, and Help reads its nation to show that nation's urgent help.
import type { Nation } from './api';

export const openCase = $state<{ nation: Nation | null; line: string | null }>({ nation: null, line: null });

/** Used only when content cannot be loaded at all: right in every nation, as it names no service. */
export const FALLBACK_URGENT_LINE =
  'In an emergency call 999. For urgent help that is not an emergency, contact your GP practice or its out-of-hours service.';
