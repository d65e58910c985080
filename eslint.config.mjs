import js from "@eslint/js";
import tseslint from "typescript-eslint";

/**
 * The house rules of docs/architecture.md, enforced so they cannot rot:
 * - app/ and components/ never touch the database: they call lib/.
 * - lib/ never imports from app/ or components/.
 * - a domain imports the engine and the kernel, never another domain.
 */
// The engine (cases, documents, notifications, outbox) and the kernel (db, auth, i18n, …) are open to all.
const domains = ["catalogue", "houses", "bills", "payments", "interviews", "learning", "kiosk", "assisted", "complaints", "requests"];

const domainRules = domains.map((domain) => ({
  files: [`lib/${domain}/**/*.{ts,tsx}`],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          {
            group: domains.filter((d) => d !== domain).flatMap((d) => [`@/lib/${d}`, `@/lib/${d}/*`]),
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
    files: ["scripts/**/*.{js,mjs,ts}", "e2e/**/*.ts", "*.config.*"],
    rules: { "no-console": "off" },
  },
  {
    files: ["scripts/**/*.mjs", "*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", setTimeout: "readonly", clearTimeout: "readonly", fetch: "readonly", Buffer: "readonly" } },
  },
);
