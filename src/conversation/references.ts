// Words in a message that point back at something said before: ordinals
// ("the first one", "the second", "the latter") pick one of the roles in the
// order they were named. Closed-class grammar words, not domain vocabulary,
// so they live here rather than in the knowledge base.

const ORDINALS: Record<string, number> = {
  first: 0, "1st": 0, former: 0,
  second: 1, "2nd": 1,
  third: 2, "3rd": 2,
  latter: -1, last: -1,
};

// "the first step" is not a reference: the ordinal stands alone, or before "one", "role", "to", "or" ….
const ORDINAL = /\bthe (first|1st|former|second|2nd|third|3rd|latter|last)(?: (?:one|role|option|path)\b|(?=\s*(?:$|[?.!,;)]|(?:to|or|and|vs|instead|then|please|pls)\b)))/gi;

export interface OrdinalReference {
  /** The words as written ("the first one"). */
  text: string;
  /** Index into the roles as named; -1 for the last. */
  index: number;
}

export function ordinalReferences(text: string): OrdinalReference[] {
  return [...text.matchAll(ORDINAL)].map((m) => ({ text: m[0], index: ORDINALS[m[1]!.toLowerCase()]! }));
}

/** Replace each ordinal reference by the name of what it points at; undefined when one points at nothing. */
export function substituteOrdinals<T>(text: string, items: readonly T[], name: (item: T) => string): string | undefined {
  const refs = ordinalReferences(text);
  if (refs.length === 0) return undefined;
  let missing = false;
  const out = text.replace(ORDINAL, (whole, word: string) => {
    const i = ORDINALS[word.toLowerCase()]!;
    const item = i < 0 ? items[items.length - 1] : items[i];
    // "the last one" with only a role named is still that role; "the third" of two is nothing.
    if (item === undefined) { missing = true; return whole; }
    return name(item);
  });
  return missing ? undefined : out;
}

/** "which is harder", "ok so which should i pick", "who earns more": a choice among what was talked about. */
export const choosesAmong = (text: string): boolean => /^\s*(?:(?:ok|okay|so|and|hmm+|well|but)[,\s]+)*(?:which|who)\b/i.test(text);
