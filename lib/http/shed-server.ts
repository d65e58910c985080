import http from "node:http";
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { Gate, shedResponse, weigh } from "./shedding";

const texts = (prefix: string) => ({ ar, fr, en })[prefix as "ar" | "fr" | "en"]?.Shedding ?? ar.Shedding;
const INSTALLED = Symbol.for("idarti.shedding");

/**
 * Puts the gate of lib/http/shedding.ts in front of every request this process's HTTP server
 * receives — before Next.js routes, renders or reads the body of anything, which is what makes a
 * shed answer cost almost nothing. Installed once per process (instrumentation.ts).
 */
export function installShedding(opts: { limit: number; retryAfterSeconds: number }): Gate | null {
  const proto = http.Server.prototype as http.Server & { [INSTALLED]?: Gate };
  if (proto[INSTALLED]) return proto[INSTALLED];
  if (opts.limit <= 0) return null;
  const gate = new Gate(opts.limit);
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      const weight = weigh(req);
      if (weight !== "free") {
        if (!gate.tryEnter(weight)) {
          const answer = shedResponse({ url: req.url ?? "/", method: req.method ?? "GET", accept: String(req.headers.accept ?? ""), retryAfterSeconds: opts.retryAfterSeconds, texts });
          // The body of a refused post is not read: close the connection rather than drain it.
          res.writeHead(503, { ...answer.headers, ...(req.method !== "GET" && req.method !== "HEAD" ? { connection: "close" } : {}) });
          res.end(answer.body);
          return true;
        }
        let left = false;
        const leave = () => {
          if (left) return;
          left = true;
          gate.leave();
        };
        res.once("finish", leave);
        res.once("close", leave);
      }
    }
    return (emit as (...a: unknown[]) => boolean).apply(this, [event, ...args]);
  } as typeof proto.emit;
  proto[INSTALLED] = gate;
  return gate;
}
