import { readdirSync } from "node:fs";
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import importX from "eslint-plugin-import-x";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";

/**
 * The house rules of docs/architecture.md, enforced so they cannot rot:
 * - app/ and components/ never touch the database: they call lib/.
 * - lib/ never imports from app/ or components/.
 * - a domain imports the engine and the kernel, never another domain.
 * The domains are read from lib/ itself: every folder that is not the engine or the kernel is a
 * domain, so a new one is fenced the day it is created. The fences are path zones too, so a
 * relative import (`../payments/x`) cannot pass them, and import cycles are refused.
 */
// municipalities: reference data like places (each town's municipality is a body), which the
// engine needs to route a case sent to "the municipality" (lib/cases/engine/place.ts).
// practice: the practice store (docs/adr/0022), used by payments, cases and interviews.
// calls: the call rooms (signaling, ICE, the browser's call), used by interviews and permits.
const engineAndKernel = ["cases", "documents", "notifications", "outbox", "db", "auth", "i18n", "clock", "rate-limit", "audit", "pwa", "testing", "places", "municipalities", "text", "security", "http", "shell", "practice", "calls"];
const domains = readdirSync("lib", { withFileTypes: true })
  .filter((e) => e.isDirectory() && !engineAndKernel.includes(e.name))
  .map((e) => e.name);
// The one crossing allowed between domains: content versions and publishes the catalogue and the
// houses and the lessons (docs/adr/0023): it reads their schemas and data files and replaces what they serve.
const allowed = { content: ["catalogue", "houses", "learning"] };
const othersOf = (domain) => domains.filter((d) => d !== domain && !(allowed[domain] ?? []).includes(d));

// The same fences as path zones: they see relative imports as well as `@/` ones.
const zones = [
  ...domains.map((domain) => ({
    target: `./lib/${domain}`,
    from: othersOf(domain).map((d) => `./lib/${d}`),
    message: "A domain never imports another domain: go through the engine (cases, documents, notifications, outbox).",
  })),
  {
    target: engineAndKernel.map((d) => `./lib/${d}`),
    from: domains.map((d) => `./lib/${d}`),
    message: "The engine and the kernel never import a domain: the domain plugs into them.",
  },
  { target: "./lib", from: ["./app", "./components"], message: "lib/ never imports from app/ or components/." },
];

const domainRules = domains.map((domain) => ({
  files: [`lib/${domain}/**/*.{ts,tsx}`],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          {
            group: othersOf(domain).flatMap((d) => [`@/lib/${d}`, `@/lib/${d}/*`]),
            message: "A domain never imports another domain: go through the engine (cases, documents, notifications, outbox).",
          },
          { group: ["@/app/*", "@/components/*"], message: "lib/ never imports from app/ or components/." },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "data/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "public/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": ["error", { allow: ["warn", "error", "info"] }],
    },
  },
  {
    // The server writes through its one logger (lib/log.ts: JSON lines, no personal data).
    files: ["lib/**/*.{ts,tsx}", "app/**/*.ts", "instrumentation.ts", "proxy.ts"],
    ignores: ["lib/**/client/**", "lib/log.ts", "**/*.test.ts", "**/*.test.tsx"],
    rules: { "no-console": "error" },
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/db", "@/lib/db/*", "drizzle-orm", "drizzle-orm/*", "pg", "@electric-sql/pglite"], message: "app/ and components/ never touch the database: call a function of lib/." },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/**/*.{ts,tsx}"],
    ignores: domains.map((d) => `lib/${d}/**`),
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/app/*", "@/components/*"], message: "lib/ never imports from app/ or components/." },
            {
              group: domains.flatMap((d) => [`@/lib/${d}`, `@/lib/${d}/*`]),
              message: "The engine and the kernel never import a domain: the domain plugs into them (background jobs are composed in instrumentation.ts).",
            },
          ],
        },
      ],
    },
  },
  ...domainRules,
  {
    files: ["**/*.{ts,tsx,mjs}"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })],
      // Without these, import-x reads only .js files when it follows imports (no cycle found in .ts).
      "import-x/extensions": [".ts", ".tsx", ".js", ".mjs"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
    },
    rules: {
      "import-x/no-restricted-paths": ["error", { zones }],
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    files: ["app/**/*.tsx", "components/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    files: ["scripts/**/*.{js,mjs,ts}", "e2e/**/*.ts", "*.config.*"],
    rules: { "no-console": "off" },
  },
  {
    files: ["scripts/**/*.mjs", "*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", setTimeout: "readonly", clearTimeout: "readonly", fetch: "readonly", Buffer: "readonly" } },
  },
);
