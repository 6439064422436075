// The quiz result as a picture worth sharing: a 1200 × 630 PNG (the size chat
// previews and social cards use) with the outcome, a bar per role in
// proportion to its score, the confidence, up to three reasons and the first
// next step. Laid out by satori (HTML/CSS flexbox to SVG, text turned into
// paths) and rasterised by resvg; the font is Inter from @fontsource/inter
// (SIL OFL 1.1). No browser and no network, at install or at run time.
// The card shows the result only: never a name or an id of the person.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { z } from "zod";
import type { Reply } from "../core/reply.ts";

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** Bars are drawn this long at 100; tests measure the fill against it. */
export const BAR_TRACK_PX = 320;
/** The fill and the track of the bars: colours used nowhere else on the card, so pixel runs measure the bars. */
export const BAR_FILL = "#38bdf8";
export const BAR_TRACK = "#334155";
const BACKGROUND = "#0f172a";
const INK = "#f8fafc";
const MUTED = "#94a3b8";
const ACCENT = "#fbbf24";

/** What the card shows: the result in words and numbers, independent of how the quiz computed it. */
export const CardInput = z.object({
  /** The outcome as the person reads it, e.g. "ML engineer" or "No clear lean yet". */
  outcome: z.string().trim().min(1).max(80),
  scores: z.array(z.object({ label: z.string().trim().min(1).max(40), value: z.number().min(0).max(100) })).min(1).max(8),
  confidence: z.enum(["high", "medium", "low"]).optional(),
  reasons: z.array(z.string().trim().min(1)).max(3).default([]),
  /** What the reasons are, in the result's own words ("Because", "Leaning slightly towards …, because", "What would help"). */
  reasonsTitle: z.string().trim().min(1).max(80).default("Because"),
  nextStep: z.string().trim().min(1).optional(),
});
export type CardInput = z.infer<typeof CardInput>;
export type CardInputInput = z.input<typeof CardInput>;

const CONFIDENCE_LABEL = { high: "High confidence", medium: "Medium confidence", low: "Low confidence" } as const;

/**
 * The card's input read from a quiz result reply: its heading (the outcome),
 * its bars (the scores), data.confidence, its first plain list (the reasons)
 * (with its title) and the first item of its first numbered list (the next step). Undefined
 * for a reply that is not a result (no bars).
 */
export function cardInputFromReply(r: Reply): CardInput | undefined {
  const bars = r.blocks.find((b) => b.type === "bars");
  if (!bars) return undefined;
  const heading = r.blocks.find((b) => b.type === "heading");
  const reasons = r.blocks.find((b) => b.type === "list" && !b.ordered);
  const steps = r.blocks.find((b) => b.type === "list" && b.ordered);
  const confidence = CardInput.shape.confidence.safeParse(r.data?.confidence);
  const parsed = CardInput.safeParse({
    outcome: heading?.type === "heading" ? heading.text.replace(/^your result:\s*/i, "") : "Your quiz result",
    scores: bars.bars.slice(0, 8),
    confidence: confidence.success ? confidence.data : undefined,
    reasons: reasons?.type === "list" ? reasons.items.slice(0, 3) : [],
    reasonsTitle: reasons?.type === "list" && reasons.title ? reasons.title.replace(/[\s:,]+$/, "") : undefined,
    nextStep: steps?.type === "list" ? steps.items[0] : undefined,
  });
  return parsed.success ? parsed.data : undefined;
}

/** The result in words, for the platforms' alt text (Slack and Discord take up to 1,000 characters). */
export function cardAltText(input: CardInputInput): string {
  const c = CardInput.parse(input);
  const parts = [
    `Role Mentor quiz result: ${c.outcome}.`,
    ...(c.confidence ? [`${CONFIDENCE_LABEL[c.confidence]}.`] : []),
    `Scores out of 100: ${c.scores.map((s) => `${s.label} ${Math.round(s.value)}`).join(", ")}.`,
    ...(c.reasons.length > 0 ? [`${c.reasonsTitle}: ${c.reasons.join("; ")}.`] : []),
    ...(c.nextStep ? [`First step: ${c.nextStep}.`] : []),
  ];
  const text = parts.join(" ").replace(/\.\./g, ".");
  return text.length <= 1000 ? text : `${text.slice(0, 999)}…`;
}

// ---- rendering ----

/** The element tree satori lays out (its React-like input, without React). */
interface Node {
  type: string;
  props: { style?: Record<string, string | number>; children?: (Node | string)[] | Node | string };
}
const h = (type: string, style: Record<string, string | number>, ...children: (Node | string)[]): Node => ({ type, props: { style, children } });

let fonts: { name: string; data: Buffer; weight: 400 | 700; style: "normal" }[] | undefined;
/** Inter's Latin and Latin Extended subsets, regular and bold (woff: satori reads ttf, otf and woff, not woff2). */
function loadFonts() {
  if (fonts) return fonts;
  const require = createRequire(import.meta.url);
  const file = (subset: string, weight: 400 | 700) => ({
    name: "Inter", weight, style: "normal" as const,
    data: readFileSync(require.resolve(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff`)),
  });
  fonts = [file("latin", 400), file("latin", 700), file("latin-ext", 400), file("latin-ext", 700)];
  return fonts;
}

/** Characters the font subsets lack become plain ones; emoji and other symbols are dropped. */
function printable(text: string): string {
  return text
    .replace(/→/g, "->").replace(/⇄/g, "<->").replace(/[“”]/g, '"').replace(/[‘’]/g, "'")
    .replace(/[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]|\p{Extended_Pictographic}/gu, "")
    .replace(/\s+/g, " ").trim();
}

/** Short enough to stay on the card at a size a phone can read. */
function clip(text: string, max: number): string {
  const t = printable(text);
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(" ") > max * 0.6 ? cut.lastIndexOf(" ") : cut.length)}…`;
}

/** The fill length of a bar for a score: the whole track at 100, in whole pixels. */
export const barFillPx = (value: number) => Math.round((BAR_TRACK_PX * Math.min(100, Math.max(0, value))) / 100);

function barRow(label: string, value: number): Node {
  const fill = barFillPx(value);
  return h("div", { display: "flex", alignItems: "center", height: 52 },
    h("div", { display: "flex", width: 262, fontSize: 27, color: INK }, clip(label, 19)),
    h("div", { display: "flex", width: BAR_TRACK_PX, height: 28, backgroundColor: BAR_TRACK },
      ...(fill > 0 ? [h("div", { display: "flex", width: fill, height: 28, backgroundColor: BAR_FILL })] : [])),
    h("div", { display: "flex", width: 66, justifyContent: "flex-end", fontSize: 28, fontWeight: 700, color: INK }, String(Math.round(value))),
  );
}

function cardTree(c: CardInput): Node {
  const right: Node[] = [];
  if (c.reasons.length > 0) {
    right.push(h("div", { display: "flex", fontSize: 25, fontWeight: 700, color: ACCENT, marginBottom: 8, lineHeight: 1.2 }, clip(c.reasonsTitle, 60)));
    for (const r of c.reasons) right.push(h("div", { display: "flex", fontSize: 25, color: INK, lineHeight: 1.25, marginBottom: 10 }, `• ${clip(r, 62)}`));
  }
  if (c.nextStep) {
    right.push(h("div", { display: "flex", fontSize: 26, fontWeight: 700, color: ACCENT, marginTop: 8, marginBottom: 8 }, "First step"));
    right.push(h("div", { display: "flex", fontSize: 25, color: INK, lineHeight: 1.25 }, clip(c.nextStep, 72)));
  }
  return h("div", { display: "flex", flexDirection: "column", width: CARD_WIDTH, height: CARD_HEIGHT, backgroundColor: BACKGROUND, padding: "36px 56px", fontFamily: "Inter" },
    h("div", { display: "flex", fontSize: 24, color: MUTED, letterSpacing: 1 }, "ROLE MENTOR · QUIZ RESULT"),
    h("div", { display: "flex", alignItems: "baseline", marginTop: 6 },
      // A long outcome name gets a smaller size, so it and the confidence stay on one line.
      h("div", { display: "flex", fontSize: c.outcome.length > 24 ? 44 : 58, fontWeight: 700, color: INK }, clip(c.outcome, 34)),
      ...(c.confidence ? [h("div", { display: "flex", fontSize: 26, color: ACCENT, marginLeft: 28 }, CONFIDENCE_LABEL[c.confidence])] : [])),
    h("div", { display: "flex", height: 390, overflow: "hidden", marginTop: 22 },
      h("div", { display: "flex", flexDirection: "column", width: 648 }, ...c.scores.map((s) => barRow(s.label, s.value))),
      h("div", { display: "flex", flexDirection: "column", width: 440, paddingLeft: 20 }, ...right)),
    h("div", { display: "flex", position: "absolute", left: 56, bottom: 30, fontSize: 21, color: MUTED }, "Scores out of 100 from a short self-assessment: a starting point, not a verdict."),
  );
}

/** The renderers load on the first card, not at start-up (satori alone takes about a second to import). */
const renderers = () => Promise.all([import("satori"), import("@resvg/resvg-js")]).then(
  ([s, r]) => ({ satori: s.default, Resvg: r.Resvg }),
  (err: unknown) => { loaded = undefined; throw err; },
);
let loaded: ReturnType<typeof renderers> | undefined;

/** Load the renderers and fonts ahead of the first card (e.g. when a quiz starts), in the background. */
export function warmCardRenderer(): void {
  (loaded ??= renderers()).then(loadFonts, () => undefined).catch(() => undefined);
}

/** The card as a PNG. */
export async function renderCard(input: CardInputInput): Promise<Buffer> {
  const c = CardInput.parse(input);
  const { satori, Resvg } = await (loaded ??= renderers());
  // satori's types want a React node; the plain element tree is what it reads.
  const svg = await satori(cardTree(c) as never, { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: loadFonts() });
  return new Resvg(svg, { fitTo: { mode: "original" }, font: { loadSystemFonts: false } }).render().asPng();
}
