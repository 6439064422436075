import { describe, it, expect, beforeAll } from "vitest";
import { startBot, testCore } from "./harness.ts";
import { person, slash } from "./fixtures.ts";
import type { Core } from "../../src/bootstrap.ts";
let core: Core;
beforeAll(() => { core = testCore(); });
describe("smoke", () => {
  it("boots and answers /help", async () => {
    const t = performance.now();
    const bot = await startBot(core);
    console.log("boot ms", performance.now() - t, bot.fake.identifies[0]);
    const u = person();
    const reqs = await bot.interact(slash(u, { channel: "1200000000000000010" }, "help"));
    console.log(JSON.stringify(reqs.map(r => [r.method, r.route, r.status, r.body]), null, 1).slice(0, 3000));
    console.log(bot.logs.map(l => l.msg));
    const c0 = performance.now(); await bot.close(); console.log("close ms", performance.now() - c0);
    expect(reqs.length).toBeGreaterThan(0);
  });
});
