import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Every `app/api` route through the one HTTP edge (lib/http/edge.ts): none written beside it. */
function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? routeFiles(full) : e.name === "route.ts" ? [full] : [];
  });
}

describe("the app's API routes", () => {
  const files = routeFiles("app/api");
  it("exist (the scan sees them)", () => {
    expect(files.length).toBeGreaterThan(10);
  });
  for (const file of files) {
    it(`${file}: every method goes through edge()`, () => {
      const source = readFileSync(file, "utf8");
      const methods = [...source.matchAll(/export\s+(?:async\s+)?(?:const|function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)].map((m) => m[1]);
      expect(methods.length, "a route exports at least one method").toBeGreaterThan(0);
      for (const method of methods) expect(source, method).toMatch(new RegExp(`export\\s+const\\s+${method}\\s*=\\s*edge\\(`));
    });
  }
});
