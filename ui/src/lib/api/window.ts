// The window's own: the app's version, the app menu and closing (not commands of the backend).
import { getVersion } from '@tauri-apps/api/app';
import { listen } from '@tauri-apps/api/event';
import { getCurrentWindow, type CloseRequestedEvent } from '@tauri-apps/api/window';

export const appWindow = {
  /** Calls `handler` when the person asks to close the window; Tauri closes it once `handler`
   * resolves, unless it calls `event.preventDefault()`. */
  onCloseRequested: (handler: (event: CloseRequestedEvent) => Promise<void>) =>
    getCurrentWindow().onCloseRequested(handler),
  /** Closes the window without asking again. */
  closeWindow: () => getCurrentWindow().destroy(),
  appVersion: () => getVersion(),
  /** Calls `handler` with the id of each app-menu item chosen; returns a function that stops. */
  onMenu: (handler: (item: string) => void) => listen<string>('menu', (e) => handler(e.payload)),
  /** Calls `handler` with how many files were dropped on the window (never their paths: the
   * shell keeps them until `addDroppedFiles`); returns a function that stops. */
  onFilesDropped: (handler: (count: number) => void) =>
    listen<number>('files-dropped', (e) => handler(e.payload)),
};
