// The app-wide display settings (text size, contrast).
// The `preferences` commands: backend/src/app/preferences.rs, src-tauri/src/commands/preferences.rs.
import { call } from './call';
import type { Preferences } from '../bindings';

export const preferences = {
  getPreferences: () => call<Preferences>('get_preferences'),
  savePreferences: (preferences: Preferences) => call<Preferences>('save_preferences', { preferences }),
};
