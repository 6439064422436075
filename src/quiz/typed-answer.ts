// Reading a typed answer against the options shown: navigation words, the
// option's number or letter, its exact label, then an unambiguous part of a
// label on whole words (so "like" never picks "dislike").

export type Navigation = "back" | "skip" | "restart" | "quit";
export type TypedAnswer = { kind: "option"; index: number } | { kind: "nav"; nav: Navigation };

const NAV: Record<string, Navigation> = {
  back: "back", previous: "back", undo: "back",
  skip: "skip", pass: "skip", "next question": "skip",
  restart: "restart", "start over": "restart", "start again": "restart", reset: "restart",
  quit: "quit", stop: "quit", exit: "quit", cancel: "quit", "stop the quiz": "quit", "quit the quiz": "quit",
};

const words = (s: string) => s.toLowerCase().normalize("NFKC").replace(/[^\p{L}\p{N}\s]/gu, " ").split(/\s+/).filter(Boolean);

/** @param labels the options in the order they were shown */
export function readTypedAnswer(text: string, labels: readonly string[]): TypedAnswer | undefined {
  const typed = words(text);
  const joined = typed.join(" ");
  if (!joined) return undefined;
  if (NAV[joined]) return { kind: "nav", nav: NAV[joined] };
  if (/^\d{1,2}$/.test(joined)) {
    const n = Number(joined);
    return n >= 1 && n <= labels.length ? { kind: "option", index: n - 1 } : undefined;
  }
  if (/^[a-z]$/.test(joined) && text.trim().length <= 3) {
    const n = joined.charCodeAt(0) - 97;
    return n < labels.length ? { kind: "option", index: n } : undefined;
  }
  const exact = labels.findIndex((l) => words(l).join(" ") === joined);
  if (exact >= 0) return { kind: "option", index: exact };
  const containing = labels
    .map((l, i) => ({ i, w: words(l) }))
    .filter(({ w }) => w.some((_, start) => typed.every((t, k) => w[start + k] === t)));
  return containing.length === 1 ? { kind: "option", index: containing[0]!.i } : undefined;
}
