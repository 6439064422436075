// `npm run build` (after tsc) and scripts/fresh-dist.mjs: the `ask` entry as
// one file. A one-message `ask` spends about a third of its CPU resolving and
// loading ~190 ES modules (95 of them zod's); bundled with esbuild it loads
// one, about 150 ms less. The bundle replaces tsc's dist/src/cli/ask.js; beside
// it, ask.js.bundle.json lists the sources it was built from, so the freshness
// check rebuilds it when one of them (or node_modules) changed. Native and
// optional packages stay outside; bundled CommonJS gets a real `require`.
//
// Only `ask` is bundled: it is the entry people start for a single answer.
// main.js finds its worker and adapters next to its own file (import.meta.url),
// which a bundle would move.
import { readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** Entry sources bundled over their tsc output. */
export const BUNDLED = ["src/cli/ask.ts"];
/** Changes on every npm install: a bundle older than it may hold an old package. */
const INSTALL_STAMP = "node_modules/.package-lock.json";
/** Native, optional or lazily loaded packages ask never needs at start. */
const EXTERNAL = ["better-sqlite3", "ioredis", "prom-client", "satori", "@resvg/resvg-js", "discord.js", "@slack/bolt", "pino-pretty"];

export const outputOf = (source, root = ROOT) => join(root, "dist", relative(root, join(root, source)).replace(/\.ts$/, ".js"));
export const manifestOf = (source, root = ROOT) => `${outputOf(source, root)}.bundle.json`;
const mtimeOf = (path) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
};

/**
 * Why the bundle of `source` must be rebuilt: "code" when it is missing, was
 * overwritten, or is older than a source it was built from or a tsconfig (it
 * would run old code); "install" when only package.json or node_modules
 * changed since (it may hold an old package); false when it is fresh.
 * `mtimes` maps absolute source paths to their mtime (the freshness check has them).
 */
export function bundleStaleness(source, mtimes, root = ROOT) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestOf(source, root), "utf8"));
  } catch {
    return "code";
  }
  const built = mtimeOf(outputOf(source, root));
  if (built < 0 || built !== manifest.builtMtimeMs) return "code"; // re-emitted on its own since, or gone
  const code = Math.max(
    ...manifest.inputs.map((f) => mtimes.get(join(root, f)) ?? mtimeOf(join(root, f))),
    ...["tsconfig.json", "tsconfig.build.json"].map((f) => mtimeOf(join(root, f))),
  );
  if (code > built) return "code";
  return Math.max(mtimeOf(join(root, "package.json")), mtimeOf(join(root, INSTALL_STAMP))) > built ? "install" : false;
}

/** Bundles `source` over its tsc output; throws when esbuild is missing or the build fails. */
export async function bundle(source, root = ROOT) {
  const esbuild = await import(pathToFileURL(join(root, "node_modules/esbuild/lib/main.js")).href).catch(() => import("esbuild"));
  const out = outputOf(source, root);
  const tmp = `${out}.${process.pid}.tmp`;
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [join(root, source)],
    outfile: tmp,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    external: EXTERNAL,
    metafile: true,
    logLevel: "error",
    banner: { js: 'import { createRequire as __bundleRequire } from "node:module"; const require = __bundleRequire(import.meta.url);' },
  });
  // Only our own sources: the packages are covered by the install stamp.
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.includes("node_modules/")).sort();
  renameSync(tmp, out);
  writeFileSync(manifestOf(source, root), `${JSON.stringify({ builtMtimeMs: statSync(out).mtimeMs, inputs }, null, 1)}\n`);
  return inputs.length;
}

/** Drops a bundle's manifest (its output is then an ordinary tsc file, or gone). */
export function forgetBundle(source, root = ROOT) {
  try {
    unlinkSync(manifestOf(source, root));
  } catch {
    // none
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const source of BUNDLED) await bundle(source);
}