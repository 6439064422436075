// `npm run kb:schema`: write JSON Schemas of the knowledge files to
// knowledge/schema/, so editors autocomplete and check the YAML.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { knowledgeJsonSchemas } from "../knowledge/json-schema.ts";

const out = resolve(process.argv[2] ?? "knowledge/schema");
mkdirSync(out, { recursive: true });
for (const [name, schema] of Object.entries(knowledgeJsonSchemas())) {
  writeFileSync(join(out, name), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${join(out, name)}`);
}
