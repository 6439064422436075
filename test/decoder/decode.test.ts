// The decoder on real postings (the tuning part of the labelled set) and on
// the awkward inputs people paste: HTML, very long text, empty, other languages.
import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/load.ts";
import { createDecoder, quoteOf, shares } from "../../src/decoder/decode.ts";
import { ROLE_IDS, type RoleId } from "../../src/knowledge/schema.ts";
import { profileDocs } from "../../src/decoder/profiles.ts";
import { posting, tuning } from "./fixtures.ts";
import { decodedPosting } from "../../src/core/answers/decode.ts";

const kb = loadKnowledge("knowledge");
const decoder = createDecoder(kb);

describe("shares", () => {
  it("are integers summing to 100, largest first, without roles under 5%", () => {
    const s = shares(new Map<RoleId, number>([["ai-engineer", 7], ["ml-engineer", 2.5], ["data-engineer", 0.2], ["mlops-engineer", 0.9]]));
    expect(Object.values(s).reduce((a, b) => a + b, 0)).toBe(100);
    expect(Object.keys(s)).toEqual(["ai-engineer", "ml-engineer", "mlops-engineer"]);
    expect(Object.values(s).every(Number.isInteger)).toBe(true);
  });
  it("are empty when nothing scored", () => expect(shares(new Map())).toEqual({}));
});

describe("decoding real postings", () => {
  it("reads an LLM-agent posting titled Machine Learning Engineer as AI engineering, and says the title does not match", () => {
    const p = posting("spotify-sr-mle-conversational");
    const d = decoder.decode(p);
    expect(d.role).toBe("ai-engineer");
    expect(d.title_roles).toEqual(["ml-engineer"]);
    expect(d.mismatch).toBe(true);
    expect(Object.values(d.scores).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it("quotes 3 to 5 phrases that are in the posting, each with a role that scored", () => {
    for (const id of ["acb-ho-ai-engineer-expert", "yondu-mlops-specialist", "fidanto-data-engineer"]) {
      const p = posting(id);
      const d = decoder.decode(p);
      expect(d.evidence.length, id).toBeGreaterThanOrEqual(3);
      expect(d.evidence.length, id).toBeLessThanOrEqual(5);
      const flat = p.text.replace(/\s+/g, " ");
      for (const e of d.evidence) {
        expect(flat, id).toContain(e.quote.replace(/…$/, "").slice(0, 40));
        expect(Object.keys(d.scores), id).toContain(e.role);
      }
    }
  });

  it("decodes the same role from the posting as HTML as from its plain text", () => {
    const p = posting("acb-ho-ai-engineer-expert");
    const html = `<div><h3>${p.title}</h3>${p.text.split("\n").map((l) => (l.startsWith("- ") ? `<li>${l.slice(2).replace(/&/g, "&amp;")}</li>` : `<p>${l}</p>`)).join("")}</div>`;
    expect(decoder.decode({ title: p.title, text: html }).role).toBe(decoder.decode(p).role);
  });

  it("separates must-haves from nice-to-haves and reads years and seniority", () => {
    const d = decoder.decode(posting("millennium-ml-research-scientist"));
    expect(d.must.some((m) => /PhD in Machine Learning/.test(m))).toBe(true);
    expect(d.nice.some((m) => /financial data/.test(m))).toBe(true);
    expect(d.must.some((m) => /financial data/.test(m))).toBe(false);
  });

  it("reads a backend posting for ML infrastructure as software engineering, matching its title", () => {
    const d = decoder.decode(posting("talantix-sr-backend-ml-infra"));
    expect(d.role).toBe("software-engineer");
    expect(d.mismatch).toBe(false);
  });

  it("has the duties of every role to match, the starting points included", () => {
    const withDuties = new Set(profileDocs(kb).filter((doc) => doc.field === "responsibilities").map((doc) => doc.role));
    expect([...withDuties].sort()).toEqual([...ROLE_IDS].sort());
  });

  it("is a pure function of its input", () => {
    const p = posting("wlg-mle-nato");
    expect(decoder.decode(p)).toEqual(decoder.decode(p));
  });

  it("gets most of the tuning postings right (role or an acceptable alternative)", () => {
    const rows = tuning();
    const right = rows.filter((r) => {
      const d = decoder.decode(r);
      return d.role === r.role || (d.role !== null && r.also.includes(d.role));
    }).length;
    expect(right / rows.length).toBeGreaterThanOrEqual(0.8);
  });
});

describe("reading the duties, not the title (synthetic postings titled Machine Learning Engineer)", () => {
  const title = "Machine Learning Engineer";
  it("reads ML-platform duties (industrialising models, self-service tooling) as MLOps work", () => {
    const text = `What you will do
- Industrialise the models our data scientists build, refactoring notebook code into tested, reusable pipeline components.
- Keep training and serving consistent between development and production.
- Provide self-service templates and tooling so product teams can deploy models on their own.
- Own the shared compute behind training jobs and the platform that serves our models.`;
    const d = decoder.decode({ title, text });
    expect(d.role).toBe("mlops-engineer");
    expect(d.mismatch).toBe(true);
  });

  it("reads LLM-evaluation and LLM-in-production duties as clearly AI engineering", () => {
    const text = `Responsibilities
- Own the evaluation pipeline for our LLM-based agents, from test sets to automated graders and quality metrics.
- Use those metrics to decide whether a prompt change, a new model or a fine-tune can ship.
- Trace requests in production and keep latency, token spend and error rates in check as traffic grows.
- Work with product teams on how the assistant should behave.`;
    const d = decoder.decode({ title, text });
    expect(d.role).toBe("ai-engineer");
    expect(d.scores["ai-engineer"]!).toBeGreaterThanOrEqual(2 * (d.scores["ml-engineer"] ?? 0));
  });
});

describe("awkward input", () => {
  it("decodes the first 10,000 characters of a longer posting and says so", () => {
    const p = posting("acb-ho-ai-engineer-expert");
    const d = decoder.decode({ title: p.title, text: `${p.text}\n`.repeat(8) });
    expect(d.truncated).toBe(true);
    expect(d.role).toBe("ai-engineer");
  });

  it("names the problem for empty, too short and non-English text", () => {
    expect(decoder.decode({ text: "  \n " }).problem).toBe("empty");
    expect(decoder.decode({ text: "Build RAG." }).problem).toBe("too-short");
    const german = "Wir suchen eine erfahrene Person für unser Team in Berlin. Sie entwickeln Modelle für maschinelles Lernen, arbeiten eng mit den Fachabteilungen zusammen und betreuen die Systeme im Betrieb. Sie haben mehrere Jahre Erfahrung mit Python und Datenbanken.";
    const d = decoder.decode({ text: german });
    expect(d.problem).toBe("foreign");
    expect(d.role).toBeNull();
  });

  it("decodes a posting with no role in it to no role", () => {
    const sales = "We are looking for an Account Executive to join our sales team. You will prospect new customers, run discovery calls, negotiate contracts and close deals. Requirements: 3+ years of quota-carrying sales experience, excellent communication, a CRM such as Salesforce. Benefits: commission, car allowance and 25 days of holiday.";
    expect(decoder.decode({ title: "Account Executive", text: sales }).role).toBeNull();
  });
});

describe("the reply's title line", () => {
  const titleText = (id: string) => decodedPosting(kb, decoder.decode(posting(id))).blocks.filter((b) => b.type === "text").map((b) => ("text" in b ? b.text : "")).join(" ");

  it("says the work is split when the title won a close call, instead of that the title matches", () => {
    const text = titleText("millennium-ml-research-scientist");
    expect(text).toMatch(/The title \(research scientist\) fits, but nearly as much of the work is AI engineer \(≈\d+%\)/i);
    expect(text).not.toMatch(/matches the work/);
  });

  it("says the title matches when the duties agree with it clearly", () => {
    expect(titleText("acb-ho-ai-engineer-expert")).toMatch(/The title \(AI engineer\) matches the work\./);
  });
});

describe("titles", () => {
  it("reads the title's head, expands AI/ML, and knows titles that are not roles", () => {
    expect(decoder.titles.readTitle("Senior Data Scientist – AI & ML | MLOps Enablement").roles).toEqual(["data-scientist"]);
    expect(decoder.titles.readTitle("Junior AI/ML Engineer").roles.sort()).toEqual(["ai-engineer", "ml-engineer"]);
    const applied = decoder.titles.readTitle("Sr. Applied Scientist");
    expect(applied.roles).toEqual([]);
    expect(applied.titles.map((t) => t.id)).toEqual(["applied-scientist"]);
  });

  it("reads pairs joined by &, + or 'and' as both roles, and a two-word field on the right", () => {
    expect(decoder.titles.readTitle("AI & ML Engineer").roles.sort()).toEqual(["ai-engineer", "ml-engineer"]);
    expect(decoder.titles.readTitle("AI and ML Engineer").roles.sort()).toEqual(["ai-engineer", "ml-engineer"]);
    expect(decoder.titles.readTitle("AI & Big Data Engineer").roles.sort()).toEqual(["ai-engineer", "data-engineer"]);
    expect(decoder.titles.readTitle("Machine Learning & Data Engineer").roles.sort()).toEqual(["data-engineer", "ml-engineer"]);
    expect(decoder.titles.readTitle("Senior Backend R&D Engineer").roles).toEqual([]);
  });

  it("quotes stay short and end on a word", () => {
    const q = quoteOf("Design and implement end-to-end ML pipelines including data ingestion, feature engineering, training, validation, and inference at scale", 60);
    expect(q.length).toBeLessThanOrEqual(61);
    expect(q.endsWith("…")).toBe(true);
  });
});
