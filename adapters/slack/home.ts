// The App Home tab: what the mentor can do (the core's help), buttons to take
// the quiz and compare the roles, and the person's last quiz result.
import type { types } from "@slack/bolt";
import { encodeAction, decodeAction } from "../../src/core/actions.ts";
import type { Choice, Reply } from "../../src/core/reply.ts";
import type { LastResult } from "../../src/quiz/quiz-service.ts";
import { slackEscape } from "./escape.ts";
import { SLACK_MAX_BLOCKS_PER_HOME_VIEW } from "./limits.ts";
import { renderBlocks, renderChoices, sections, type SlackBlock } from "./render.ts";

export const QUIZ_CHOICE: Choice = { id: encodeAction({ kind: "quiz", op: "start" }), label: "Take the quiz" };
export const COMPARE_CHOICE: Choice = { id: encodeAction({ kind: "compare", roles: ["ml-engineer", "ai-engineer"] }), label: "ML vs AI engineer" };

export interface HomeInput {
  /** The core's help reply (platform "slack", so its commands read "/mentor …"). */
  help: Reply;
  last?: LastResult;
  /** A role id as its short name ("ml-engineer" → "ML engineer"). */
  roleName: (id: string) => string;
}

export function homeView({ help, last, roleName }: HomeInput): types.HomeView {
  // The help's own choices, with the quiz and the comparison always among them and first.
  const isQuizStart = (c: Choice) => { const a = decodeAction(c.id); return a?.kind === "quiz" && a.op === "start"; };
  const isCompare = (c: Choice) => decodeAction(c.id)?.kind === "compare";
  const buttons: Choice[] = [
    help.choices.find(isQuizStart) ?? QUIZ_CHOICE,
    help.choices.find(isCompare) ?? COMPARE_CHOICE,
    ...help.choices.filter((c) => !isQuizStart(c) && !isCompare(c)),
  ];

  const result: SlackBlock[] = last
    ? [
        ...sections(`*Your last quiz result:* ${slackEscape(last.label)} (${new Date(last.at).toISOString().slice(0, 10)})`),
        ...sections(Object.entries(last.scores)
          .sort(([, a], [, b]) => b - a)
          .map(([id, v]) => `\`${"█".repeat(Math.round(v / 5))}${"░".repeat(20 - Math.round(v / 5))}\` ${Math.round(v)}  ${slackEscape(roleName(id))}`)
          .join("\n")),
      ]
    : sections("You haven't taken the quiz yet. It asks about the work you enjoy and ends with a recommendation, the reasons for it and a learning path.");

  const intro: SlackBlock[] = [
    { type: "header", text: { type: "plain_text", text: "Role Mentor", emoji: true } },
    ...sections("Your career mentor for ML, AI and data roles. Ask me anything in the *Messages* tab, mention me in a channel, or use `/mentor`."),
    ...renderChoices(buttons),
    { type: "divider" },
    ...result,
    { type: "divider" },
  ];
  const about = renderBlocks({ ...help, choices: [] }, SLACK_MAX_BLOCKS_PER_HOME_VIEW);
  return { type: "home", blocks: [...intro, ...about].slice(0, SLACK_MAX_BLOCKS_PER_HOME_VIEW) };
}
