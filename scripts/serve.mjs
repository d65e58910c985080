// `npm run serve`: the built app (`npm run build`), served as `next start` serves it, on PORT
// (3000). Production runs it on each instance; `npm start` runs it after building, migrating and
// seeding. Two differences from a bare `next start`, each for the server's memory (issue 19 §3,
// docs/adr/0028):
//   1. Next is given the configuration its build resolved (.next/required-server-files.json, what
//      a standalone build's server.js is given) instead of compiling next.config.ts again: loading
//      the TypeScript config pulls the SWC compilers and the next-intl plugin's message extractor
//      into a server that never compiles anything (~80 MB of RSS right after start). The server
//      also cannot drift from what was built.
//   2. V8 collects its old generation when it has grown by 30 % over what survived the last full
//      collection, rather than by up to 4×: rendering pages makes much short-lived garbage, which a
//      4× limit left resident (~130 MB at idle, bench-load's "after a full GC" row).
// Extra arguments go to `next start` (for instance `-H 127.0.0.1`).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import v8 from "node:v8";

/** How far the old generation may grow past its live size before V8 collects it (V8's default: dynamic, up to 300 %). */
const HEAP_GROWING_PERCENT = 30;

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);

const resolved = path.join(root, ".next", "required-server-files.json");
if (!existsSync(resolved)) {
  console.error("✗ no build in .next: run `npm run build` (or `npm start`, which builds) first");
  process.exit(1);
}
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(JSON.parse(readFileSync(resolved, "utf8")).config);

// The flag is read at each full collection, so setting it before Next loads is enough; a command
// line flag would have to be repeated by every caller (NODE_OPTIONS does not accept it).
v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);

const next = path.join(root, "node_modules/next/dist/bin/next");
process.argv = [process.execPath, next, "start", "-p", process.env.PORT ?? "3000", ...process.argv.slice(2)];
await import(next);
