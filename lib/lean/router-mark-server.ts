import { addRequestHook } from "@/lib/http/request-hooks";
import { isRouterRequest, ROUTER_MARK_HEADER } from "./routes";

/**
 * Next strips the router's own headers (RSC, Next-Router-*) from the requests proxy.ts sees, and
 * proxy.ts must tell a visit (served lean, docs/adr/0021) from the router asking for its payload
 * (a client navigation from a signed-in page, a prefetch). So the HTTP server marks router
 * requests with a header of ours before Next reads them; a marker sent by a browser is dropped
 * first (it could only ask for the full page, but the decision stays the server's).
 * Installed once per process (instrumentation.ts), like the shedding gate.
 */
export function installRouterMark(): void {
  addRequestHook("router-mark", (req) => {
    delete req.headers[ROUTER_MARK_HEADER];
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const search = new URLSearchParams((req.url ?? "").split("?")[1] ?? "");
    if (isRouterRequest(headers, search)) req.headers[ROUTER_MARK_HEADER] = "1";
    return false;
  });
}
