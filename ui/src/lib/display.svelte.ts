// The app-wide display settings (text size, contrast): read once at start, applied to the whole
// page through attributes on <html> (app.css scales and recolours from them), saved by the backend.
import { api, type Preferences } from './api';

export const display = $state<Preferences>({ text_size: 'normal', contrast: 'standard' });

function apply(p: Preferences) {
  document.documentElement.dataset.textSize = p.text_size;
  document.documentElement.dataset.contrast = p.contrast;
}

/** Reads the saved settings and applies them (the defaults when none are saved). */
export async function loadDisplay(): Promise<void> {
  const saved = await api.getPreferences().catch(() => null);
  if (saved) Object.assign(display, saved);
  apply(display);
}

/** Applies and saves a change; throws AppError when it could not be saved (it still applies). */
export async function changeDisplay(change: Partial<Preferences>): Promise<void> {
  Object.assign(display, change);
  apply(display);
  await api.savePreferences($state.snapshot(display));
}
