// Start-up: the first screen says when it is interactive.
// The `startup` commands: backend/src/app/startup.rs, src-tauri/src/commands/startup.rs.
import { call } from './call';
import type { StartupMark } from '../bindings';

export const startup = {
  /** The first screen is interactive, with the moments of the start (only the start-up
   * measurement listens). */
  reportReady: (marks: StartupMark[]) => call<null>('report_ready', { marks }),
};
