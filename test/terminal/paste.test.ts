// A posting pasted into the interactive terminal arrives as many lines at once:
// they are one message. Lines typed one by one stay separate messages.
import { describe, expect, it } from "vitest";
import { coalescePastes } from "../../adapters/terminal/terminal-chat.ts";

async function* timed(lines: [string, number][]): AsyncGenerator<string> {
  for (const [line, waitMs] of lines) {
    await new Promise((r) => setTimeout(r, waitMs));
    yield line;
  }
}

async function collect(source: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const m of coalescePastes(source, 30)) out.push(m);
  return out;
}

describe("pasted lines in the terminal", () => {
  it("joins lines that arrive together and keeps typed lines apart", async () => {
    const got = await collect(timed([
      ["what is rag?", 0],
      ["Senior ML Engineer", 120],
      ["Responsibilities:", 1],
      ["- build RAG pipelines", 1],
      ["- evaluate LLM answers", 1],
      ["thanks", 150],
    ]));
    expect(got).toEqual(["what is rag?", "Senior ML Engineer\nResponsibilities:\n- build RAG pipelines\n- evaluate LLM answers", "thanks"]);
  });

  it("ends with the last paste when the input ends mid-paste", async () => {
    expect(await collect(timed([["a", 0], ["b", 1]]))).toEqual(["a\nb"]);
  });
});
