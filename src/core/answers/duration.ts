// One short line saying how long a path or transition takes and what it assumes.
import type { Duration } from "../../knowledge/schema.ts";

/** "Time: about 6–12 months at 10 hours a week (our estimate), for a working software engineer …" */
export function durationLine(d: Duration): string {
  const [low, high] = d.months;
  const range = low === high ? `${low}` : `${low}–${high}`;
  // The first sentence of `assumes` is the starting point; the rest says what the estimate rests on.
  const start = (d.assumes.split(/(?<=\.)\s/)[0] ?? d.assumes).replace(/\.$/, "");
  const kind = d.kind === "estimate" ? "our estimate" : `source: ${d.source?.name ?? "see sources"}`;
  return `Time: about ${range} months at ${d.hours_per_week} hours a week (${kind}). Assumes: ${start}.`;
}
