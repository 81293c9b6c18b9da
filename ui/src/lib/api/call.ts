// The one way a command is called: every call returns typed data or throws an AppError whose
// `code` the UI switches on (never on the message text). With window.ts, the only modules that
// import @tauri-apps/api.
import { invoke } from '@tauri-apps/api/core';
import type { ErrorCode, ErrorPayload } from '../bindings';

/** An error from the backend: `code` is stable, `message` is plain words for the person. */
export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.code = payload.code;
  }
}

function isPayload(e: unknown): e is ErrorPayload {
  return typeof e === 'object' && e !== null && 'code' in e && 'message' in e;
}

export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    if (isPayload(e)) throw new AppError(e);
    throw new AppError({
      code: 'internal',
      message: 'Something went wrong inside the app. Your information is safe. Please try again.',
    });
  }
}
