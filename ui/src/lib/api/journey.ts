// The guided journey: guidance for a nation, and a case's answers with what follows today.
// The `journey` commands: backend/src/app/journey.rs, src-tauri/src/commands/journey.rs.
import { call } from './call';
import type { Guidance, Journey, JourneyAsTyped, Nation } from '../bindings';

export const journey = {
  /** Everything the journey shows for one nation (help, routes, questions…). */
  guidance: (nation: Nation) => call<Guidance>('guidance', { nation }),
  /** Why a question the person wrote cannot be added to those chosen; null when it can. */
  checkOwnQuestion: (chosen: string[], text: string) =>
    call<string | null>('check_own_question', { chosen, text }),
  getJourney: (caseId: number) => call<JourneyAsTyped>('get_journey', { caseId }),
  saveJourney: (caseId: number, journey: Journey) =>
    call<JourneyAsTyped>('save_journey', { caseId, journey }),
};
