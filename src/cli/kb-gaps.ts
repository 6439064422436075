// `npm run kb:gaps [-- --html FILE] [--top N]`: the questions people asked most
// that the mentor could not answer well, grouped by similarity, from the
// anonymous gap log in the configured store (STORE, SQLITE_PATH, REDIS_URL).
import "dotenv/config";
import { writeFileSync } from "node:fs";
import { loadConfig } from "../config.ts";
import { SqliteStore } from "../stores/sqlite-store.ts";
import { RedisStore } from "../stores/redis-store.ts";
import { listGaps } from "../gaps/gap-log.ts";
import { gapReport, type GapReport } from "../gaps/gap-report.ts";
import { gapReportHtml } from "../gaps/gap-html.ts";

function optionValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export function gapReportText(report: GapReport, top: number): string {
  const lines = [`${report.total} anonymous records in the last 30 days; ${report.groups.length} distinct questions.`, ""];
  for (const g of report.groups.slice(0, top)) {
    const roles = g.closest.roles.length ? ` (${g.closest.roles.join(", ")})` : "";
    lines.push(`${String(g.count).padStart(4)}  ${g.example}`, `      closest: ${g.closest.intent}${roles}; ${Object.entries(g.kinds).map(([k, n]) => `${k} ${n}`).join(", ")}`);
    for (const o of g.others) lines.push(`      also: ${o}`);
  }
  if (report.ratings.length > 0) {
    lines.push("", "Ratings of answers (👍 / 👎):");
    for (const r of report.ratings) lines.push(`  ${r.intent}${r.roles.length ? ` (${r.roles.join(", ")})` : ""}: ${r.up} / ${r.down}`);
  }
  return lines.join("\n");
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const { env } = loadConfig();
  const store = env.STORE === "redis" ? new RedisStore(env.REDIS_URL!) : new SqliteStore(env.SQLITE_PATH);
  try {
    const report = gapReport(await listGaps(store));
    const html = optionValue(args, "--html");
    if (html) {
      writeFileSync(html, gapReportHtml(report, new Date()));
      process.stderr.write(`wrote ${html}\n`);
    }
    process.stdout.write(`${gapReportText(report, Number(optionValue(args, "--top") ?? 20))}\n`);
  } finally {
    await store.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    process.stderr.write(`kb:gaps failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
