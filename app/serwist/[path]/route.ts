import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createSerwistRoute } from "@serwist/turbopack";
import { ENHANCE_SCRIPTS } from "@/lib/lean/routes";

// The precache holds the shell only: the offline page of each locale, the manifest's icons and
// the CSS. Page JavaScript is cached as it is used (runtime, cache-first), not downloaded up
// front: on a metered phone that would be money spent on pages never opened.
const revision = (() => {
  try {
    return createHash("sha256").update(readFileSync(".next/BUILD_ID")).digest("hex").slice(0, 16);
  } catch {
    return crypto.randomUUID();
  }
})();

export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "app/sw.ts",
  useNativeEsbuild: true,
  globPatterns: [".next/static/**/*.css", "public/icons/*.png"],
  // The lean pages' scripts (docs/adr/0021): tiny, on the public pages, versioned by the build.
  additionalPrecacheEntries: ["/ar/offline", "/fr/offline", "/en/offline", ...ENHANCE_SCRIPTS].map((url) => ({ url, revision })),
});
