// The scoring of ../shared/eval/score-ask.py, in TypeScript, so one bench run
// can score the mentor and a peer on the same labelled sets the same way.
import { readFileSync } from "node:fs";

export interface Frame {
  intent: string;
  roles: string[];
  aspect: string | null;
  term: string | null;
  from: string | null;
  to: string | null;
}

interface Label {
  q: string;
  intent: string | string[];
  roles?: (string | null)[];
  aspect?: string | null | (string | null)[];
  term?: string | null | (string | null)[];
  from?: string | null;
  to?: string | null;
  lenient_roles?: boolean;
}

export interface Score {
  n: number;
  full: number;
  intent: number;
  oosPrecision: number;
  oosRecall: number;
}

const asList = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);

export const readLabels = (path: string): Label[] => readFileSync(path, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as Label);

export function scoreFrames(labels: Label[], frames: Frame[]): Score {
  let full = 0, intent = 0, tp = 0, fp = 0, fn = 0;
  labels.forEach((lab, i) => {
    const out = frames[i]!;
    let ok = asList(lab.intent).includes(out.intent);
    intent += Number(ok);
    const isOos = lab.intent === "out-of-scope", saidOos = out.intent === "out-of-scope";
    tp += Number(isOos && saidOos); fp += Number(!isOos && saidOos); fn += Number(isOos && !saidOos);
    if (lab.roles && !lab.lenient_roles) {
      const want = new Set(lab.roles.filter((r): r is string => r !== null));
      const got = new Set(out.roles);
      const lenient = lab.roles.includes(null);
      ok &&= lenient ? [...got].every((r) => want.has(r)) : got.size === want.size && [...got].every((r) => want.has(r));
    }
    if ("aspect" in lab) ok &&= asList(lab.aspect ?? null).includes(out.aspect);
    if ("term" in lab) ok &&= asList(lab.term ?? null).includes(out.term);
    if ("from" in lab && !lab.lenient_roles) ok &&= out.from === lab.from && out.to === lab.to;
    full += Number(ok);
  });
  return { n: labels.length, full: full / labels.length, intent: intent / labels.length, oosPrecision: tp + fp ? tp / (tp + fp) : 0, oosRecall: tp + fn ? tp / (tp + fn) : 0 };
}
