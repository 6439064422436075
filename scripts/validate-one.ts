// Temporary helper for knowledge authors: validate one file against its schema.
// Usage: npx tsx scripts/validate-one.ts knowledge/roles/ml-engineer.yaml
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import * as S from "../src/knowledge/schema.ts";
const file = process.argv[2]!;
const rel = file.replace(/^.*knowledge\//, "");
const schema = rel.startsWith("roles/")
  ? S.RoleFile
  : Object.values(S.KNOWLEDGE_FILES).find((f) => f.path === rel)?.schema;
if (!schema) throw new Error(`no schema for ${rel}`);
const r = (schema as any).safeParse(parse(readFileSync(file, "utf8")));
if (r.success) console.log("OK", file);
else { for (const i of r.error.issues) console.log(file, i.path.join("."), i.message); process.exit(1); }
