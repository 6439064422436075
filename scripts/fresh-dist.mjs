// Preloaded by every package script that runs compiled code
// (`node --import ./scripts/fresh-dist.mjs dist/src/cli/ask.js`): before the
// entry loads, any dist/ file older than its TypeScript source (or missing) is
// re-emitted, so a stale build never answers after someone edits src/ or
// adapters/. Nothing stale (the usual case) costs about 20 ms of stat calls;
// the TypeScript compiler loads only when something has to be re-emitted.
// Staleness is by modification time, as make does: a source copied in with an
// older time than its output (cp -p, some archives) needs `npm run build`.
//
// Each file is transpiled on its own (ts.transpileModule, the settings of
// tsconfig.build.json). That is exact for this code base: verbatimModuleSyntax
// keeps every file transpilable in isolation. Type errors are `npm test`'s and
// `npm run build`'s business, not a start's.
//
// The `ask` entry is one bundled file (scripts/bundle.mjs); it is rebuilt here
// when a source it was built from changed, or put back to its plain module.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = join(ROOT, "dist");
const SOURCE_DIRS = ["src", "adapters"];
const CONFIGS = ["tsconfig.json", "tsconfig.build.json"].map((f) => join(ROOT, f));

/** Every `.ts` source (not `.d.ts`) under the compiled folders, with its mtime. */
function sources() {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) out.push({ path, mtimeMs: statSync(path).mtimeMs });
    }
  };
  for (const d of SOURCE_DIRS) if (existsSync(join(ROOT, d))) walk(join(ROOT, d));
  return out;
}

const outputOf = (source) => join(DIST, relative(ROOT, source).replace(/\.ts$/, ".js"));
const mtimeOf = (path) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
};

/** Sources whose output is missing or older than them (all of them when a tsconfig changed since). */
function staleSources(all = sources()) {
  const configChanged = Math.max(...CONFIGS.map(mtimeOf));
  return all.filter((s) => {
    const out = mtimeOf(outputOf(s.path));
    return out < s.mtimeMs || out < configChanged;
  });
}

/** Outputs whose source is gone (a deleted or renamed file must not stay importable). */
function orphans(all) {
  const expected = new Set(all.map((s) => outputOf(s.path)));
  const out = [];
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".js") && !expected.has(path)) out.push(path);
    }
  };
  for (const d of SOURCE_DIRS) walk(join(DIST, d));
  return out;
}

/** Transpiles TypeScript sources one by one to their dist/ files (throws listing the ones that fail). */
async function emit(paths) {
  const ts = (await import("typescript").catch(() => {
    throw new Error(`dist/ is older than ${relative(ROOT, paths[0])} and TypeScript is not installed: run \`npm install\` (with dev dependencies), or \`npm run build\` where it is.`);
  })).default;
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, "tsconfig.build.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!config) throw new Error("tsconfig.build.json could not be read");
  // Alone, transpileModule cannot see package.json, so under NodeNext it would emit CommonJS:
  // name the format package.json gives ("type": "module" here), as tsc does for the whole build.
  const esm = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).type === "module";
  const options = { ...config.options, module: esm ? ts.ModuleKind.ESNext : ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Bundler };
  const failures = [];
  for (const path of paths) {
    const result = ts.transpileModule(readFileSync(path, "utf8"), { compilerOptions: options, fileName: path, reportDiagnostics: true });
    const errors = (result.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
    if (errors.length > 0) {
      failures.push(...errors.map((d) => `${relative(ROOT, path)}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`));
      continue;
    }
    const out = outputOf(path);
    mkdirSync(dirname(out), { recursive: true });
    // Write then rename: a process starting at the same moment never reads half a file.
    const tmp = `${out}.${process.pid}.tmp`;
    writeFileSync(tmp, result.outputText);
    renameSync(tmp, out);
  }
  if (failures.length > 0) throw new Error(`TypeScript could not be compiled:\n${failures.join("\n")}`);
}

/**
 * The bundled entries (scripts/bundle.mjs) rebuilt when one of their sources
 * changed; without esbuild such an entry goes back to its plain transpiled
 * module, which imports the fresh files beside it. When only the installed
 * packages changed and esbuild is gone (an install without dev dependencies),
 * the bundle still matches the sources and is kept.
 */
async function refreshBundles(all) {
  const bundling = join(ROOT, "scripts/bundle.mjs");
  if (!existsSync(bundling)) return;
  const { BUNDLED, bundleStaleness, bundle, forgetBundle } = await import(pathToFileURL(bundling).href);
  const mtimes = new Map(all.map((s) => [s.path, s.mtimeMs]));
  for (const source of BUNDLED) {
    const why = existsSync(join(ROOT, source)) && bundleStaleness(source, mtimes, ROOT);
    if (!why) continue;
    try {
      await bundle(source, ROOT);
    } catch {
      if (why === "install") continue;
      forgetBundle(source, ROOT);
      await emit([join(ROOT, source)]);
    }
  }
}

/** Re-emit what is stale; returns the number of files written. */
async function refreshDist() {
  const all = sources();
  const stale = staleSources(all);
  for (const path of orphans(all)) unlinkSync(path);
  if (stale.length > 0) await emit(stale.map((s) => s.path));
  await refreshBundles(all);
  return stale.length;
}

try {
  await refreshDist();
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
