// What the app's memory is made of, for the load bench (issue 19 asks RSS at idle and after the
// load, "halved where it is ours to halve"): the RSS of the Next server process as it is, then
// after a full garbage collection, with V8's own figures (heap used, external: PGlite's WASM
// memory is counted there at its reserved size) and the resident split between anonymous memory
// (heaps, WASM) and mapped files (node itself, native modules). Reached through the inspector,
// which SIGUSR1 opens on 127.0.0.1:9229: on the bench's throw-away server only, never in
// production code. One process at a time (one inspector port).
import { readFileSync } from "node:fs";
import WebSocket from "ws";

const mb = (kb) => Math.round(kb / 1024);

/** The Next server among `pid` and its descendants (`next-server` is its process title). */
export function nextServerPid(pid) {
  const walk = (p) => {
    try {
      if (readFileSync(`/proc/${p}/cmdline`, "utf8").startsWith("next-server")) return p;
      for (const c of readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim().split(/\s+/).filter(Boolean)) {
        const found = walk(Number(c));
        if (found) return found;
      }
    } catch {
      // gone, or not Linux
    }
    return null;
  };
  return walk(pid);
}

function rollup(pid) {
  const text = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
  const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+)`, "m").exec(text)?.[1] ?? 0);
  return { rssMb: mb(field("Rss")), anonymousMb: mb(field("Anonymous")), filesMb: mb(field("Rss") - field("Anonymous")) };
}

/** @param {number} pid the Next server's */
export async function memoryBreakdown(pid) {
  const before = rollup(pid);
  process.kill(pid, "SIGUSR1");
  let targets = null;
  for (let i = 0; i < 50 && !targets; i++) {
    targets = await fetch("http://127.0.0.1:9229/json").then((r) => r.json()).catch(() => null);
    if (!targets) await new Promise((r) => setTimeout(r, 100));
  }
  if (!targets?.[0]) return { before, error: "no inspector" };
  const ws = new WebSocket(targets[0].webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    ws.once("open", resolve);
    ws.once("error", reject);
  });
  let id = 0;
  // Each call answers, or gives null after 20 s (a GC of a big heap on a busy machine takes a while).
  const call = (method, params = {}) =>
    new Promise((resolve) => {
      const mine = ++id;
      setTimeout(() => resolve(null), 20_000).unref();
      const onMessage = (m) => {
        const d = JSON.parse(String(m));
        if (d.id === mine) {
          ws.off("message", onMessage);
          resolve(d.result);
        }
      };
      ws.on("message", onMessage);
      ws.send(JSON.stringify({ id: mine, method, params }));
    });
  await call("HeapProfiler.enable");
  await call("HeapProfiler.collectGarbage");
  const r = await call("Runtime.evaluate", {
    expression: "JSON.stringify(process.memoryUsage())",
    returnByValue: true,
  });
  // Close the inspector again (no answer comes: the session ends with it); the server goes on as it was.
  ws.send(JSON.stringify({ id: ++id, method: "Runtime.evaluate", params: { expression: "process._debugEnd && process._debugEnd()" } }));
  await new Promise((r) => setTimeout(r, 200));
  ws.close();
  const m = JSON.parse(r?.result?.value ?? "{}");
  const toMb = (b) => Math.round((b ?? 0) / 1048576);
  return {
    before,
    afterGc: rollup(pid),
    v8: { heapUsedMb: toMb(m.heapUsed), heapTotalMb: toMb(m.heapTotal), externalMb: toMb(m.external), arrayBuffersMb: toMb(m.arrayBuffers) },
  };
}
