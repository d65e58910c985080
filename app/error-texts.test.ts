import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import ar from "@/messages/ar.json";

// app/[locale]/error.tsx cannot load messages, so it carries its words; they must stay the ones in messages/.
describe("the error page's own texts", () => {
  const source = readFileSync("app/[locale]/error.tsx", "utf8");
  for (const [lang, m] of Object.entries({ en, fr, ar })) {
    it(`match messages/${lang}.json`, () => {
      expect(source).toContain(JSON.stringify(m.Errors.errorTitle));
      expect(source).toContain(JSON.stringify(m.Errors.errorBody));
      expect(source).toContain(JSON.stringify(m.Errors.tryAgain));
    });
  }
});
