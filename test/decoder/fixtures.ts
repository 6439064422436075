// The labelled postings (test/decoder/postings/): tests use the tuning part only.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../helpers/child.ts";

export interface Labelled { id: string; title: string; text: string; role: string | null; also: string[]; mismatch: boolean; source: string }

export const tuning = (): Labelled[] =>
  readFileSync(join(ROOT, "test/decoder/postings/tuning.jsonl"), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Labelled);

export const posting = (id: string): Labelled => {
  const p = tuning().find((x) => x.id === id);
  if (!p) throw new Error(`no tuning posting ${id}`);
  return p;
};
