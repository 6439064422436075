// "What was my result?", "why did I get this?": a question about the person's
// own last quiz result, read from the few ways people ask it rather than learnt
// by the intent model, where such examples pulled in "explain quantum physics"
// and "whats the capital of australia". The conversation answers it from the
// person's result; `ask`, which has no person, still reads it as quiz.result.
const ASKS: readonly RegExp[] = [
  // "my result", "my last quiz result", "my quiz score", "my results"
  /\bmy\s+(?:(?:last|latest|previous|quiz|test|assessment|final)\s+){0,3}(?:results?|score|outcome)\b/i,
  // "why did I get this?", "why did i get ai engineer"
  /\bwhy (?:did|do|would) i get\b/i,
  /\bwhat did i get (?:on|in|from) the (?:quiz|test|assessment)\b/i,
  /\bwhat did the (?:quiz|test|assessment) say\b/i,
  // "why did the quiz say ai engineer for me", "why did the test pick data science"
  /\bwhy did the (?:quiz|test|assessment) (?:say|pick|give|suggest|recommend|put)\b/i,
];

export const asksForResult = (text: string): boolean => ASKS.some((re) => re.test(text));
