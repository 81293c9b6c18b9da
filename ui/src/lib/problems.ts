import type { FieldProblem } from './api';

/**
 * Looks up the backend's problem for a field by its name (`treatment_proposed`,
 * `medicines.1.notes`). `problems` is read at each call, so a step's reactive prop stays current.
 */
export function fieldProblems(problems: () => FieldProblem[]) {
  const problemOf = (field: string) => problems().find((p) => p.field === field);
  const invalid = (field: string) => (problemOf(field) ? 'true' : undefined);
  return { problemOf, invalid };
}
