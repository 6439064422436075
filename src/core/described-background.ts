// The background a message describes ("I'm a QA tester", "physics PhD here"),
// as the profile stores it: for the conversation step that remembers who a
// person is. Pure; the starting points live in knowledge/starting-points.yaml.
import type { KnowledgeBase } from "../knowledge/knowledge-base.ts";
import { findStartingPoint } from "../knowledge/topic-match.ts";
import { Background } from "./profile.ts";

/** A Background for a described starting point outside the roles; undefined when the text describes none. */
export function describedBackground(kb: KnowledgeBase, text: string): Background | undefined {
  const point = findStartingPoint(kb.topics.startingPoints, text);
  // `from` is a taxonomy role the person holds; a starting point outside them has none (closest_role is only a hint).
  return point ? Background.parse({ from: null, label: point.label, startingPoint: point.id }) : undefined;
}
