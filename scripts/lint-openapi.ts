// `npm run lint:openapi`: writes the partner API's OpenAPI document (generated from the zod
// schemas of lib/partner-api/contract.ts, the same the routes parse) and lints it with Redocly
// (redocly.yaml). Offline: the generator and the linter are local.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openApiDocument } from "../lib/partner-api/openapi";

const file = path.join(mkdtempSync(path.join(os.tmpdir(), "idarti-openapi-")), "openapi.json");
writeFileSync(file, JSON.stringify(openApiDocument(), null, 2));
const result = spawnSync(process.execPath, ["node_modules/@redocly/cli/bin/cli.js", "lint", "--config", "redocly.yaml", file], {
  stdio: "inherit",
  env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
});
process.exit(result.status ?? 1);
