import type { BrowserContext, Page } from "@playwright/test";

/**
 * What the journeys and the bench read of a call, measured from outside the app: an init script
 * wraps the browser's RTCPeerConnection before the page's own scripts run, keeps each connection
 * the call room makes, and times the first one from its creation to "connected". The production
 * bundle carries no test hook; nothing here is made up (getStats is the browser's).
 */
type Probe = { pcs: RTCPeerConnection[]; firstAt: number | null; connectMs: number | null; last: WeakMap<RTCPeerConnection, { bytes: number; at: number }> };
declare global {
  interface Window {
    __callProbe?: Probe;
  }
}

function installProbe() {
  const Native = window.RTCPeerConnection;
  if (!Native || window.__callProbe) return;
  const probe: Probe = { pcs: [], firstAt: null, connectMs: null, last: new WeakMap() };
  window.__callProbe = probe;
  window.RTCPeerConnection = class extends Native {
    constructor(config?: RTCConfiguration) {
      super(config);
      probe.pcs.push(this);
      probe.firstAt ??= performance.now();
      this.addEventListener("connectionstatechange", () => {
        if (this.connectionState === "connected" && probe.connectMs === null && probe.firstAt !== null) probe.connectMs = Math.round(performance.now() - probe.firstAt);
      });
    }
  } as typeof RTCPeerConnection;
}

export async function installCallProbe(target: BrowserContext | Page): Promise<void> {
  await target.addInitScript(installProbe);
}

/** Milliseconds from the page's first connection attempt to its first connected peer (null until then). */
export function connectMs(page: Page): Promise<number | null> {
  return page.evaluate(() => window.__callProbe?.connectMs ?? null);
}

/** The state of each open connection, for a failure's message. */
export function peers(page: Page): Promise<string> {
  return page
    .evaluate(() => JSON.stringify((window.__callProbe?.pcs ?? []).filter((pc) => pc.connectionState !== "closed").map((pc) => ({ connection: pc.connectionState, ice: pc.iceConnectionState, signaling: pc.signalingState }))))
    .catch(() => "?");
}

/** The incoming video of each open connection as the browser measures it (kbps needs two calls). */
export function inboundVideo(page: Page): Promise<{ width: number; height: number; fps: number; kbps: number | null; framesDecoded: number }[]> {
  return page.evaluate(async () => {
    const probe = window.__callProbe;
    const out: { width: number; height: number; fps: number; kbps: number | null; framesDecoded: number }[] = [];
    for (const pc of probe?.pcs ?? []) {
      if (pc.connectionState === "closed") continue;
      const report = await pc.getStats();
      report.forEach((raw) => {
        const s = raw as Record<string, unknown> & { type: string };
        if (s.type !== "inbound-rtp" || s.kind !== "video") return;
        const bytes = Number(s.bytesReceived ?? 0);
        const at = Number(s.timestamp ?? performance.now());
        const before = probe!.last.get(pc);
        probe!.last.set(pc, { bytes, at });
        out.push({
          width: Number(s.frameWidth ?? 0),
          height: Number(s.frameHeight ?? 0),
          fps: Number(s.framesPerSecond ?? 0),
          framesDecoded: Number(s.framesDecoded ?? 0),
          kbps: before && at > before.at ? Math.round(((bytes - before.bytes) * 8) / (at - before.at)) : null,
        });
      });
    }
    return out;
  });
}

/** How many of the page's connections are "connected" now (the browser's own RTCPeerConnection state). */
export function connectedPeers(page: Page): Promise<number> {
  return page.evaluate(() => (window.__callProbe?.pcs ?? []).filter((pc) => pc.connectionState === "connected").length);
}
