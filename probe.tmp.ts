import { readFileSync, readdirSync } from "node:fs";
import yaml from "js-yaml";
const files = ["roles/", ""].flatMap((d) => readdirSync("knowledge/" + d).filter((f) => f.endsWith(".yaml")).map((f) => d + f));
const walk = (v: any, path: string[], f: string) => {
  if (v && typeof v === "object" && !Array.isArray(v) && typeof v.url === "string" && "name" in v) { if (!/bls\.gov|onetonline|roadmap\.sh|signalfire|huggingface|docs\.|github\.com|cbsnews|oreilly|coursera|kaggle|stanford|deeplearningbook|statlearning|scikit-learn|pypi|spinningup|promptingguide|modelcontextprotocol|learn\.microsoft|kserve|imbalanced-learn|lightning|launchdarkly|huyenchip|cookbook\.openai|ibm\.com|motherduck/.test(v.url)) console.log(f, path.join("."), "|", v.quality ?? "", "|", v.url); return; }
  if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, String(i)], f));
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...path, k], f);
};
for (const f of files) walk(yaml.load(readFileSync("knowledge/" + f, "utf8"), { schema: yaml.CORE_SCHEMA }), [], f);
