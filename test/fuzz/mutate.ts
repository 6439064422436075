// Structural mutations of a JSON payload, as fast-check arbitraries: a field
// removed, replaced by a value of another type, a number changed, an array
// emptied. Starting from valid payloads keeps the forgeries close to what a
// platform (or an attacker replaying one) actually sends.
import fc from "fast-check";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a value inside `v` (object keys and array indexes). */
function paths(v: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (Array.isArray(v)) v.forEach((x, i) => { out.push([...prefix, i]); paths(x, [...prefix, i], out); });
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) { out.push([...prefix, k]); paths(x, [...prefix, k], out); }
  return out;
}

const strange: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, 0, -1, 1, 2, 3, 4, 5, 1e20, "", "x", [], {}, [null], { id: null }, "__proto__", "constructor"),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.integer({ min: -5, max: 20 }),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

export type Mutation = { how: "delete" | "set"; at: number; value: Json };
const mutation: fc.Arbitrary<Mutation> = fc.record({ how: fc.constantFrom("delete" as const, "set" as const), at: fc.nat(), value: strange });

function apply(base: Json, muts: Mutation[], keep: Set<string>): Json {
  const copy = structuredClone(base);
  for (const m of muts) {
    const all = paths(copy).filter((p) => !(p.length === 1 && keep.has(String(p[0]))));
    if (all.length === 0) break;
    const path = all[m.at % all.length]!;
    let parent = copy as Record<string | number, Json>;
    for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, Json>;
    const last = path[path.length - 1]!;
    if (m.how === "delete") {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else {
      parent[last] = m.value;
    }
  }
  return copy;
}

/** 1–4 random mutations, to apply to a payload built afresh for each run (fresh ids). */
export const mutations: fc.Arbitrary<Mutation[]> = fc.array(mutation, { minLength: 1, maxLength: 4 });

/** `base` with the mutations applied; top-level keys in `keep` are never touched (ids a fake needs). */
export function applyMutations<T>(base: T, muts: Mutation[], keep: string[] = []): T {
  return apply(base as Json, muts, new Set(keep)) as T;
}
