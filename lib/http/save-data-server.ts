import { addRequestHook } from "./request-hooks";
import { refusePrefetchOnSaveData } from "./save-data";

/**
 * Honours `Save-Data: on` in front of Next.js (lib/http/save-data.ts): a router prefetch from a
 * phone in data-saver mode gets an empty 204 before anything is rendered. Here and not in
 * proxy.ts because Next strips the router's headers (RSC, Next-Router-Prefetch) from the requests
 * the proxy sees. Installed once per process (instrumentation.ts), like the shedding gate.
 */
export function installSaveData(): void {
  addRequestHook("save-data", (req, res) => {
    const headers = new Headers();
    for (const name of ["save-data", "next-router-prefetch", "next-router-segment-prefetch"]) {
      const value = req.headers[name];
      if (typeof value === "string") headers.set(name, value);
    }
    const refused = refusePrefetchOnSaveData(headers);
    if (!refused) return false;
    res.writeHead(refused.status, Object.fromEntries(refused.headers));
    res.end();
    return true;
  });
}
