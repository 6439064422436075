// `npm run -s decode -- --jsonl`: reads {"title": "…", "text": "…"} per stdin
// line and writes {role, scores, title_roles, mismatch, evidence, reply} per
// line (design/taxonomy.md, "What decode --jsonl prints"). Without --jsonl it
// decodes the whole of stdin as one posting and prints the reply as text.
import { createInterface } from "node:readline";
import { readFileSync } from "node:fs";
import "dotenv/config";
import { loadConfig } from "../config.ts";
import { loadKnowledge } from "../knowledge/load.ts";
import { createDecoder, type Decoded } from "../decoder/decode.ts";
import { decodedPosting } from "../core/answers/decode.ts";
import { renderPlainText } from "../core/reply.ts";

function toJson(d: Decoded, reply: ReturnType<typeof decodedPosting>) {
  return { role: d.role, scores: d.scores, title_roles: d.title_roles, mismatch: d.mismatch, evidence: d.evidence, reply: { ...reply, text: renderPlainText(reply) } };
}

async function main() {
  const kb = loadKnowledge(loadConfig().env.KNOWLEDGE_DIR);
  const decoder = createDecoder(kb);
  const decode = (title: string, text: string) => {
    const d = decoder.decode({ title, text });
    return { d, reply: decodedPosting(kb, d) };
  };
  if (process.argv.includes("--jsonl")) {
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
      if (!line.trim()) continue;
      let input: { title?: unknown; text?: unknown };
      try {
        input = JSON.parse(line) as typeof input;
      } catch {
        input = { text: line };
      }
      const { d, reply } = decode(typeof input.title === "string" ? input.title : "", typeof input.text === "string" ? input.text : "");
      process.stdout.write(`${JSON.stringify(toJson(d, reply))}\n`);
    }
    return;
  }
  const titleAt = process.argv.indexOf("--title");
  const title = titleAt >= 0 ? process.argv[titleAt + 1] ?? "" : "";
  const { reply } = decode(title, readFileSync(0, "utf8"));
  process.stdout.write(`${renderPlainText(reply)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
