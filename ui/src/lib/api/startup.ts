// Start-up: the first screen says when it is interactive.
// The `startup` commands: backend/src/app/startup.rs, src-tauri/src/commands/startup.rs.
import { call } from './call';

export const startup = {
  /** The first screen is interactive (only the start-up measurement listens). */
  reportReady: () => call<null>('report_ready'),
};
