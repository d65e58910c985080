import path from "node:path";

/**
 * The lean pages' enhancement scripts (docs/adr/0021), bundled from lib/lean/client at build time
 * with the esbuild the service worker's route already uses, and served as static files. TypeScript
 * like the rest of the app, checked by the same typecheck and lint; no React, no Next runtime.
 */
export const dynamic = "force-static";
export const dynamicParams = false;
export const revalidate = false;

const SCRIPTS = {
  "base.js": "lib/lean/client/base.ts",
  "print.js": "lib/lean/client/print.ts",
  // A leaf's enhancement is a function in its domain (lib/<domain>/client/<leaf>.ts) that its React
  // leaf calls too; the entry (app/enhance/entries) runs it on every element of its name.
  "open-now.js": "app/enhance/entries/open-now.ts",
  "tour-table.js": "app/enhance/entries/tour-table.ts",
  "lesson-done.js": "app/enhance/entries/lesson-done.ts",
  "near-me.js": "app/enhance/entries/near-me.ts",
  "search-box.js": "app/enhance/entries/search-box.ts",
  "offline-save.js": "app/enhance/entries/offline-save.ts",
  "lesson-quiz.js": "app/enhance/entries/lesson-quiz.ts",
  "read-aloud.js": "app/enhance/entries/read-aloud.ts",
  "verifier.js": "app/enhance/entries/verifier.ts",
} as const;
type Name = keyof typeof SCRIPTS;

export function generateStaticParams() {
  return Object.keys(SCRIPTS).map((name) => ({ name }));
}

const built = new Map<Name, Promise<string>>();

async function bundle(name: Name): Promise<string> {
  const esbuild = await import(/* webpackIgnore: true */ "esbuild");
  const result = await esbuild.build({
    entryPoints: [path.join(/* turbopackIgnore: true */ process.cwd(), SCRIPTS[name])],
    bundle: true,
    minify: true,
    format: "iife",
    target: ["es2019"],
    platform: "browser",
    write: false,
    tsconfig: path.join(/* turbopackIgnore: true */ process.cwd(), "tsconfig.json"),
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

export async function GET(_: Request, { params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  if (!(name in SCRIPTS)) return new Response(null, { status: 404 });
  let text = built.get(name as Name);
  if (!text) {
    text = bundle(name as Name);
    built.set(name as Name, text);
  }
  return new Response(await text, { headers: { "content-type": "text/javascript; charset=utf-8" } });
}
