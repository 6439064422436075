// The gap report as a small self-contained HTML page (no scripts, every text escaped).
import type { GapReport } from "./gap-report.ts";

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const reading = (r: { intent: string; roles: string[] }) => escape(`${r.intent}${r.roles.length ? ` (${r.roles.join(", ")})` : ""}`);

export function gapReportHtml(report: GapReport, generatedAt: Date): string {
  const rows = report.groups.map((g) => `<tr><td>${g.count}</td><td>${escape(g.example)}${g.others.length ? `<br><small>${g.others.map(escape).join("<br>")}</small>` : ""}</td><td>${reading(g.closest)}</td><td>${escape(Object.entries(g.kinds).map(([k, n]) => `${k} ${n}`).join(", "))}</td></tr>`);
  const ratings = report.ratings.map((r) => `<tr><td>${reading(r)}</td><td>${r.up}</td><td>${r.down}</td></tr>`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Role Mentor: knowledge gaps</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}small{color:#555}</style></head>
<body><h1>Knowledge gaps</h1>
<p>${report.total} anonymous records from the last 30 days, generated ${escape(generatedAt.toISOString())}.</p>
<h2>Questions the mentor could not answer well</h2>
<table><thead><tr><th>Count</th><th>Question (and other wordings)</th><th>Closest reading</th><th>How it ended</th></tr></thead><tbody>
${rows.join("\n") || '<tr><td colspan="4">None recorded.</td></tr>'}
</tbody></table>
<h2>Ratings of answers</h2>
<table><thead><tr><th>Answer</th><th>👍</th><th>👎</th></tr></thead><tbody>
${ratings.join("\n") || '<tr><td colspan="3">None recorded.</td></tr>'}
</tbody></table></body></html>
`;
}
