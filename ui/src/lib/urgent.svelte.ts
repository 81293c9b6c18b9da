// The urgent line in the banner at the top of every screen. It comes from content, chosen by the
// backend for the open case's nation (Guidance.urgent_line); before the nation is known, the home
// screen's line, which names every nation's route. The journey sets `openCase` while a case is
// open, and Help reads its nation to show that nation's urgent help.
import type { Nation } from './api';

export const openCase = $state<{ nation: Nation | null; line: string | null }>({ nation: null, line: null });
