// JSON Schemas generated from the zod schemas: one per knowledge file kind.
import { z } from "zod";
import { KNOWLEDGE_FILES, RoleFile } from "./schema.ts";
import { TOPIC_FILES } from "./topics-schema.ts";
import { TITLES_FILE } from "./titles-schema.ts";
import { REGIONS_FILE, RegionsFile } from "./regions-schema.ts";

export function knowledgeJsonSchemas(): Record<string, unknown> {
  const out: Record<string, unknown> = { "role.schema.json": z.toJSONSchema(RoleFile, { io: "input" }) };
  for (const { path, schema } of [...Object.values(KNOWLEDGE_FILES), ...Object.values(TOPIC_FILES), TITLES_FILE, { path: REGIONS_FILE, schema: RegionsFile }]) {
    const name = path.replace(/^.*\//, "").replace(/\.yaml$/, ".schema.json");
    out[name] = z.toJSONSchema(schema, { io: "input" });
  }
  return out;
}
