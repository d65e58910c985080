import { addRequestHook } from "./request-hooks";
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
  const shared = globalThis as typeof globalThis & { [INSTALLED]?: Gate };
  if (shared[INSTALLED]) return shared[INSTALLED];
  if (opts.limit <= 0) return null;
  const gate = new Gate(opts.limit);
  shared[INSTALLED] = gate;
  addRequestHook("shedding", (req, res) => {
    const weight = weigh(req);
    if (weight === "free") return false;
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
    return false;
  });
  return gate;
}
