// A cache of the validated knowledge, so a warm start skips YAML parsing, zod
// validation and the cross-checks (about 60 % of start-up). An entry is found
// by a hash of everything that decides the result: the bytes of every file
// under knowledge/, the loader and schema code (every file in this folder,
// compiled or not, or the bundle holding them), the versions of zod and js-yaml and of Node (the entry is
// V8's serialization). Any change to one of them is a miss, and a miss is a
// full load with the full error report; only knowledge that loaded cleanly is
// ever stored. A cache that cannot be read or written is silently ignored.
import { createHash } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import type { KnowledgeParts } from "./knowledge-base.ts";

/** Bump when the stored shape changes in a way the code hash would not show. */
const FORMAT = "validated-knowledge/1";
/** Entries kept: the knowledge in use plus a few copies (tests, a second checkout of knowledge/). */
const KEEP = 4;
const PREFIX = "knowledge-";
const SUFFIX = ".v8";

const THIS_FILE = fileURLToPath(import.meta.url);
const CODE_DIR = dirname(THIS_FILE);
/**
 * The code that decides what valid knowledge is: the files of src/knowledge/
 * (or its compiled dist/ copy) when running as modules; the one file when this
 * module is inside a bundle (scripts/bundle.mjs), which then holds all of it.
 */
const CODE = basename(CODE_DIR) === "knowledge" ? CODE_DIR : THIS_FILE;

/** The package's folder: the first one up from this file holding package.json (dist/ has none). */
function packageRoot(): string | undefined {
  for (let dir = CODE_DIR; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** `node_modules/.cache/role-mentor`, the usual place for a tool's disposable files; never committed. */
export function defaultCacheDir(): string | undefined {
  const root = packageRoot();
  return root ? join(root, "node_modules", ".cache", "role-mentor") : undefined;
}

function versionOf(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(createRequire(import.meta.url).resolve(`${pkg}/package.json`), "utf8")) as { version: string }).version;
  } catch {
    return "?";
  }
}

/**
 * Every entry under `dir` (or `dir` itself, a file), sorted: folders by name,
 * files by name and bytes. Undefined when one cannot be read or is anything
 * else (a FIFO, a dangling or folder link): the full load then reports it, and
 * an entry the loader would refuse can never hide behind a cached result.
 */
function filesUnder(dir: string): [string, Buffer | "folder"][] | undefined {
  try {
    if (statSync(dir).isFile()) return [["", readFileSync(dir)]];
    const out: [string, Buffer | "folder"][] = [];
    const walk = (folder: string): boolean => {
      for (const name of readdirSync(folder).sort()) {
        const full = join(folder, name);
        const entry = lstatSync(full);
        if (entry.isDirectory()) {
          out.push([relative(dir, full), "folder"]);
          if (!walk(full)) return false;
        } else if (entry.isFile() || (entry.isSymbolicLink() && statSync(full).isFile())) out.push([relative(dir, full), readFileSync(full)]);
        else return false;
      }
      return true;
    };
    return walk(dir) ? out : undefined;
  } catch {
    return undefined;
  }
}

/** The hash of the knowledge in `knowledgeDir` and of the code that validates it (`code`, a folder or a bundle). */
export function knowledgeKey(knowledgeDir: string, code = CODE): string | undefined {
  const knowledge = filesUnder(knowledgeDir);
  const codeFiles = filesUnder(code);
  if (!knowledge || !codeFiles) return undefined;
  const hash = createHash("sha256").update(`${FORMAT}\0${process.version}\0zod ${versionOf("zod")}\0js-yaml ${versionOf("js-yaml")}\0`);
  for (const [section, files] of [["code", codeFiles], ["knowledge", knowledge]] as const)
    for (const [name, bytes] of files) {
      if (bytes === "folder") hash.update(`${section}/${name}/\0folder\0`);
      else hash.update(`${section}/${name}\0${bytes.length}\0`).update(bytes);
    }
  return hash.digest("hex");
}

const entryPath = (cacheDir: string, key: string) => join(cacheDir, `${PREFIX}${key}${SUFFIX}`);

/** The validated parts stored under `key`, or undefined (absent, unreadable, damaged). */
export function readCached(cacheDir: string, key: string): KnowledgeParts | undefined {
  try {
    const entry = deserialize(readFileSync(entryPath(cacheDir, key))) as { key?: unknown; parts?: KnowledgeParts };
    return entry.key === key && entry.parts?.roles instanceof Map ? entry.parts : undefined;
  } catch {
    return undefined;
  }
}

/** Stores the parts under `key` (write then rename: a concurrent start never reads half an entry) and drops old entries. */
export function writeCached(cacheDir: string, key: string, parts: KnowledgeParts): void {
  try {
    mkdirSync(cacheDir, { recursive: true });
    const target = entryPath(cacheDir, key);
    const tmp = `${target}.${process.pid}.tmp`;
    writeFileSync(tmp, serialize({ key, parts }));
    renameSync(tmp, target);
    const entries = readdirSync(cacheDir)
      .filter((f) => f.startsWith(PREFIX) && f.endsWith(SUFFIX))
      .map((f) => ({ path: join(cacheDir, f), mtime: statSync(join(cacheDir, f)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime);
    for (const old of entries.slice(KEEP)) if (old.path !== target) unlinkSync(old.path);
  } catch {
    // Read-only checkout, full disk, a race with another process pruning: the next start loads in full.
  }
}
