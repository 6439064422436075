// Optimal string alignment distance (Damerau–Levenshtein with adjacent
// transpositions), bounded: returns max+1 as soon as the distance exceeds max.
// fastest-levenshtein does not count transpositions, and "teh"/"enigneer"
// are the commonest chat typos, so this small function earns its place.
// The spelling corrector calls it for thousands of words per unknown token:
// three rolling rows, reused between calls, instead of a fresh matrix each time.
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

export function typoDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  if (rows[0].length < width) rows = [new Int32Array(width * 2), new Int32Array(width * 2), new Int32Array(width * 2)];
  // prev2 = row i-2, prev = row i-1, row = row i.
  let [prev2, prev, row] = rows;
  for (let j = 0; j < width; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, prev2[j - 2]! + 1);
      row[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    const done = prev2;
    prev2 = prev;
    prev = row;
    row = done;
  }
  return prev[b.length]!;
}
