// Generated from content/ by `UPDATE_BINDINGS=1 cargo test -p backend safety_lines`.
// Do not edit by hand. What the window shows when it cannot reach the backend at all:
// content's own urgent line for any nation, and the disclaimer.

export const URGENT_LINE_ANY_NATION = "In an emergency call 999. Urgent but not an emergency: NHS 111 in England, NHS 111 Wales, NHS 24 on 111 in Scotland. In Northern Ireland, your GP practice or GP out-of-hours.";

export const DISCLAIMER: readonly string[] = [
  "This app does not give medical advice.",
  "It does not diagnose, and it does not judge whether a diagnosis or a treatment is right. Your doctors do that.",
  "It is not for emergencies. In an emergency call 999.",
];
