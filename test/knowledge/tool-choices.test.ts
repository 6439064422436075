// Choosing tools: questions such as "pytorch or tensorflow?" or "should i learn
// langchain" get a short opinion, labelled as one, with its reasons, dated facts,
// and the status of projects in maintenance (AutoGen → Microsoft Agent Framework).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { loadKnowledge, KnowledgeError } from "../../src/knowledge/load.ts";
import { findToolChoice } from "../../src/knowledge/topic-match.ts";
import { testCore } from "../helpers/core.ts";
import { conversation, headingOf, plain } from "../helpers/conversation.ts";
import { knowledgeCopies } from "../helpers/knowledge-copy.ts";

const { mentor, kb } = testCore();
const copy = knowledgeCopies();
const tools = kb.topics.toolChoices;

describe("findToolChoice", () => {
  it.each([
    ["pytorch or tensorflow?", "pytorch-vs-tensorflow"],
    ["is tf still worth learning in 2026", "pytorch-vs-tensorflow"],
    ["what frameworks do MLEs actually use at work, pytorch? tf? jax?", "pytorch-vs-tensorflow"],
    ["should i learn langchain", "llm-frameworks"],
    ["langgraph vs llamaindex for a rag app", "llm-frameworks"],
    ["which stack do AI engineers use - langchain, llamaindex or just plain sdk calls", "llm-frameworks"],
    ["is autogen still maintained", "llm-frameworks"],
    ["which cloud should i learn first", "which-cloud"],
    ["aws or azure for ml engineering?", "which-cloud"],
    ["which vector database should i use", "vector-databases"],
    ["pinecone or pgvector?", "vector-databases"],
    ["best vector db for rag?", "vector-databases"],
    ["what eval tools should i use for llm apps? langfuse or langsmith", "eval-tools"],
  ])("%s → %s", (text, id) => {
    expect(findToolChoice(tools, text)?.id).toBe(id);
  });

  it.each([
    "can you fix my pytorch CUDA out of memory error",
    "ngl i need a good intro to pytorch",
    "what is a vector database",
    "how do i become an ai engineer",
    "what's the typical stack for an llm engineer? langchain? pytorch?",
    "good repos to learn LangChain?",
    "best course for pytorch or tensorflow",
  ])("asks nothing to choose: %s", (text) => {
    expect(findToolChoice(tools, text)).toBeUndefined();
  });
});

describe("the tool-choice knowledge", () => {
  it("every choice states its opinion as one, with reasons; facts carry source and date", () => {
    for (const c of tools.choices) {
      expect(c.opinion.view, c.id).toMatch(/^Opinion:/);
      expect(c.opinion.why.length).toBeGreaterThanOrEqual(2);
      for (const f of c.facts) expect(f.source.as_of, `${c.id}: ${f.source.name}`).toBeTruthy();
    }
  });

  it("AutoGen is marked as in maintenance, pointing to Microsoft Agent Framework", () => {
    const autogen = tools.choices.flatMap((c) => c.options).find((o) => o.name === "AutoGen")!;
    expect(autogen.status).toBe("maintenance");
    expect(autogen.status_note).toMatch(/Microsoft Agent Framework/);
    expect(autogen.status_source?.as_of).toBeTruthy();
  });

  it("kb:check refuses a project in maintenance that does not say what to use instead", () => {
    const dir = copy((d) => {
      const file = join(d, "tool-choices.yaml");
      const doc = parseDocument(readFileSync(file, "utf8"));
      const i = (doc.toJS().choices as { id: string }[]).findIndex((c) => c.id === "llm-frameworks");
      const j = (doc.toJS().choices[i].options as { name: string }[]).findIndex((o) => o.name === "AutoGen");
      doc.deleteIn(["choices", i, "options", j, "status_note"]);
      writeFileSync(file, doc.toString());
    });
    let err: unknown;
    try { loadKnowledge(dir); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(KnowledgeError);
    expect((err as KnowledgeError).problems.some((p) => p.file.includes("tool-choices.yaml") && /status_note/.test(p.path))).toBe(true);
  });
});

describe("tool questions through the mentor", () => {
  it.each([
    ["pytorch or tensorflow?", "PyTorch or TensorFlow?"],
    ["should i learn langchain", "LangChain, LangGraph, LlamaIndex or plain SDKs?"],
    ["which cloud should i learn first", "Which cloud should I learn first?"],
    ["which vector database should i use", "Which vector database should I learn?"],
    ["which eval tools should i use for my llm app", "Which eval and observability tools should I use?"],
  ])("%s", async (text, heading) => {
    const c = conversation(mentor);
    const t = await c.say(text);
    expect(headingOf(t)).toBe(heading);
    const choice = tools.choices.find((x) => x.question === heading)!;
    // The labelled opinion leads; its reasons and facts (with source and date) are one click away.
    expect(plain(t)).toContain("Opinion:");
    const more = t.replies[0]!.choices.find((ch) => ch.id.startsWith("view:full:"))!;
    const full = plain(await c.choose(more.id));
    for (const why of choice.opinion.why) expect(full).toContain(why);
    for (const f of choice.facts) expect(full).toContain(f.source.as_of);
  });

  it("is autogen still maintained — the first view says it is in maintenance and names its successor", async () => {
    const t = await conversation(mentor).say("is autogen still maintained?");
    expect(plain(t)).toMatch(/AutoGen is in maintenance mode/);
    expect(plain(t)).toMatch(/Microsoft Agent Framework/);
  });

  it("a question about a role's tools without a choice still gets the role's tools", async () => {
    const t = await conversation(mentor).say("what tools do ml engineers use");
    expect(t.understanding).toMatchObject({ intent: "role.aspect", aspect: "tools", roles: ["ml-engineer"] });
    expect(headingOf(t)).toMatch(/tools/i);
  });
});
