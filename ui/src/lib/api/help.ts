// Help, About and the guidance's review date.
// The `help` commands: backend/src/app/help.rs, src-tauri/src/commands/help.rs.
import { call } from './call';
import type { About, HelpScreen, Nation, ReviewNotice } from '../bindings';

export const help = {
  /** The Help screen: the nation's urgent help first (when it is known), then the topics. */
  helpTopics: (nation: Nation | null) => call<HelpScreen>('help_topics', { nation }),
  /** A notice when the installed guidance is past its review date, else null. */
  guidanceReview: () => call<ReviewNotice | null>('guidance_review'),
  /** What the app does and does not do, its disclaimer, who made it and how its guidance is kept
   * up to date (content/about.toml). */
  aboutApp: () => call<About>('about_app'),
};
