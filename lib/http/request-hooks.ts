import http from "node:http";

/**
 * Work done on each request this process's HTTP server receives, before Next.js routes, renders
 * or reads the body of anything: the shedding gate, data-saver prefetches, the router's marker for
 * proxy.ts. One patch of `http.Server`'s request event per process (instrumentation.ts installs
 * the hooks, in order); a hook that answers the request returns true and the rest never run.
 */
type Hook = (req: http.IncomingMessage, res: http.ServerResponse) => boolean;
type Registry = { names: Set<string>; hooks: Hook[] };
const REGISTRY = Symbol.for("idarti.request-hooks");

export function addRequestHook(name: string, hook: Hook): boolean {
  const proto = http.Server.prototype as http.Server & { [REGISTRY]?: Registry };
  let registry = proto[REGISTRY];
  if (!registry) {
    const hooks: Hook[] = [];
    registry = { names: new Set(), hooks };
    const emit = proto.emit;
    proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
      if (event === "request") {
        const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
        for (const hook of hooks) if (hook(req, res)) return true;
      }
      return (emit as (...a: unknown[]) => boolean).apply(this, [event, ...args]);
    } as typeof proto.emit;
    proto[REGISTRY] = registry;
  }
  if (registry.names.has(name)) return false;
  registry.names.add(name);
  registry.hooks.push(hook);
  return true;
}
