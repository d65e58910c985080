import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CallSession, type CallEnv } from "./call-session";
import type { RosterEntry } from "./call-state";

/**
 * The session driven through stand-ins of the browser: an event stream the test speaks into, peer
 * connections that record what is asked of them, and a fetch that records what leaves. What is
 * checked is what the other side would see (the signals posted) and what the page would show.
 */
class FakeTrack {
  enabled = true;
  readyState = "live";
  constructor(readonly kind: "audio" | "video") {}
  stop() {
    this.readyState = "ended";
  }
}
class FakeStream {
  tracks: FakeTrack[] = [];
  constructor(tracks: FakeTrack[] = []) {
    this.tracks = tracks;
  }
  getTracks() {
    return this.tracks;
  }
  getAudioTracks() {
    return this.tracks.filter((t) => t.kind === "audio");
  }
  getVideoTracks() {
    return this.tracks.filter((t) => t.kind === "video");
  }
  addTrack(t: FakeTrack) {
    this.tracks.push(t);
  }
  removeTrack(t: FakeTrack) {
    this.tracks = this.tracks.filter((x) => x !== t);
  }
}
class FakePc {
  connectionState: RTCPeerConnectionState = "new";
  localDescription: { type: string; sdp: string } | null = null;
  remote: unknown = null;
  candidates: unknown[] = [];
  closed = false;
  transceivers: { receiver: { track: { kind: string } }; sender: { replaceTrack: () => Promise<void>; setStreams: () => void; getParameters: () => { encodings: object[] }; setParameters: () => Promise<void>; track: null }; direction: string }[] = [];
  onconnectionstatechange: (() => void) | null = null;
  onicecandidate: ((ev: { candidate: { toJSON: () => unknown } | null }) => void) | null = null;
  ontrack: ((ev: { track: FakeTrack }) => void) | null = null;
  ondatachannel: ((ev: { channel: unknown }) => void) | null = null;
  addTransceiver(kind: unknown) {
    const k = typeof kind === "string" ? kind : (kind as FakeTrack).kind;
    this.transceivers.push({ receiver: { track: { kind: k } }, sender: { replaceTrack: async () => undefined, setStreams: () => undefined, getParameters: () => ({ encodings: [{}] }), setParameters: async () => undefined, track: null }, direction: "sendrecv" });
  }
  getTransceivers() {
    return this.transceivers;
  }
  getSenders() {
    return this.transceivers.map((t) => t.sender);
  }
  createDataChannel() {
    return { readyState: "connecting", send: () => undefined, onmessage: null };
  }
  async createOffer() {
    return { type: "offer", sdp: "offer-sdp" };
  }
  async createAnswer() {
    return { type: "answer", sdp: "answer-sdp" };
  }
  async setLocalDescription(d: { type: string; sdp: string }) {
    this.localDescription = d;
  }
  async setRemoteDescription(d: unknown) {
    this.remote = d;
    if (this.transceivers.length === 0) for (const k of ["audio", "video"]) this.addTransceiver(k);
  }
  async addIceCandidate(c: unknown) {
    if (!this.remote) throw new Error("no remote description yet");
    this.candidates.push(c);
  }
  async getStats() {
    return new Map();
  }
  close() {
    this.closed = true;
    this.connectionState = "closed";
  }
  become(state: RTCPeerConnectionState) {
    this.connectionState = state;
    this.onconnectionstatechange?.();
  }
}
class FakeEvents {
  readyState = 1;
  onerror: (() => void) | null = null;
  onopen: (() => void) | null = null;
  private handlers = new Map<string, ((ev: { data: string }) => void)[]>();
  addEventListener(name: string, fn: (ev: { data: string }) => void) {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), fn]);
  }
  emit(name: string, data: unknown) {
    for (const fn of this.handlers.get(name) ?? []) fn({ data: JSON.stringify(data) });
  }
  close() {
    this.readyState = 2;
  }
}

const flush = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

function harness(opts: { peerIds: string[]; userId?: string; media?: "ok" | "denied" }) {
  const posted: { to: string | null; kind: string; payload: { sid?: string } }[] = [];
  const pcs: FakePc[] = [];
  const sources: FakeEvents[] = [];
  const ids = [...opts.peerIds];
  let sid = 0;
  const env: CallEnv = {
    fetch: async (url, init) => {
      if (url.endsWith("/signal")) posted.push(JSON.parse(String(init.body)));
      return {};
    },
    events: () => {
      const s = new FakeEvents();
      sources.push(s);
      return s as unknown as EventSource;
    },
    peer: () => {
      const pc = new FakePc();
      pcs.push(pc);
      return pc as unknown as RTCPeerConnection;
    },
    getUserMedia: async () => {
      if (opts.media === "denied") throw Object.assign(new Error("no"), { name: "NotAllowedError" });
      return new FakeStream([new FakeTrack("audio"), new FakeTrack("video")]) as unknown as MediaStream;
    },
    stream: () => new FakeStream() as unknown as MediaStream,
    uuid: () => ids.shift() ?? `sid-${++sid}`,
    now: () => Date.now(),
  };
  const session = new CallSession({ api: "/api/interviews/b1", role: "citizen", userId: opts.userId ?? "u-me", hasInterpreter: false }, env);
  return { session, posted, pcs, sources, events: () => sources.at(-1)! };
}

const person = (peerId: string, userId: string, admitted = true): RosterEntry => ({ peerId, userId, role: "official", name: "Official", admitted, joinedAt: "2026-12-06T10:00:00Z" });

describe("a call session", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("waits in the lobby, then offers to the page that sorts after its own, and shows the link coming up", async () => {
    const h = harness({ peerIds: ["a-me"] });
    await h.session.start();
    h.events().emit("hello", { iceServers: [] });
    h.events().emit("roster", [{ ...person("a-me", "u-me"), admitted: false }, person("z-official", "u-off")]);
    expect(h.session.getSnapshot().phase).toBe("waiting");
    expect(h.posted).toEqual([]);

    h.events().emit("roster", [person("a-me", "u-me"), person("z-official", "u-off")]);
    await flush();
    expect(h.session.getSnapshot().phase).toBe("inCall");
    expect(h.posted.map((p) => [p.to, p.kind])).toEqual([["z-official", "offer"]]);
    expect(h.session.getSnapshot().remotes).toMatchObject([{ peerId: "z-official", link: "connecting" }]);
    h.pcs[0]!.become("connected");
    expect(h.session.getSnapshot().remotes).toMatchObject([{ peerId: "z-official", link: "connected" }]);
  });

  it("answers the offer of a page that sorts first, using candidates that arrived before it", async () => {
    const h = harness({ peerIds: ["z-me"] });
    await h.session.start();
    h.events().emit("roster", [person("z-me", "u-me"), person("a-official", "u-off")]);
    await flush();
    expect(h.posted).toEqual([]); // the other side offers
    h.events().emit("signal", { from: "a-official", kind: "candidate", payload: { sid: "s1", candidate: { candidate: "c-early" } } });
    h.events().emit("signal", { from: "a-official", kind: "offer", payload: { sid: "s1", sdp: { type: "offer", sdp: "x" } } });
    await flush();
    expect(h.pcs[0]!.candidates).toEqual([{ candidate: "c-early" }]);
    expect(h.posted.map((p) => [p.to, p.kind, p.payload.sid])).toEqual([["a-official", "answer", "s1"]]);
  });

  it("gives up a failed link after half a second and, as the offerer, offers again on a new connection", async () => {
    const h = harness({ peerIds: ["a-me"] });
    await h.session.start();
    h.events().emit("roster", [person("a-me", "u-me"), person("z-official", "u-off")]);
    await flush();
    h.pcs[0]!.become("connected");
    h.pcs[0]!.become("failed");
    expect(h.session.getSnapshot().notice).toBe("reconnecting");
    expect(h.session.getSnapshot().remotes[0]!.link).toBe("reconnecting");
    await vi.advanceTimersByTimeAsync(499);
    expect(h.pcs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await flush();
    expect(h.pcs[0]!.closed).toBe(true);
    expect(h.pcs).toHaveLength(2);
    const offers = h.posted.filter((p) => p.kind === "offer");
    expect(offers).toHaveLength(2);
    expect(offers[1]!.payload.sid).not.toBe(offers[0]!.payload.sid);
  });

  it("a link that comes back by itself is not torn down", async () => {
    const h = harness({ peerIds: ["a-me"] });
    await h.session.start();
    h.events().emit("roster", [person("a-me", "u-me"), person("z-official", "u-off")]);
    await flush();
    h.pcs[0]!.become("disconnected");
    await vi.advanceTimersByTimeAsync(3000);
    h.pcs[0]!.become("connected");
    await vi.advanceTimersByTimeAsync(10_000);
    expect(h.pcs).toHaveLength(1);
    expect(h.session.getSnapshot().notice).toBeNull();
  });

  it("hanging up says goodbye, closes every connection and the stream, and leaves the room", async () => {
    const h = harness({ peerIds: ["a-me"] });
    await h.session.start();
    h.events().emit("roster", [person("a-me", "u-me"), person("z-official", "u-off")]);
    await flush();
    await h.session.hangUp();
    expect(h.posted.at(-1)!.kind).toBe("bye");
    expect(h.pcs[0]!.closed).toBe(true);
    expect(h.events().readyState).toBe(2);
    expect(h.session.getSnapshot()).toMatchObject({ phase: "left", remotes: [] });
  });

  it("a refused camera is said, and the person can go on with sound only", async () => {
    const h = harness({ peerIds: ["a-me"], media: "denied" });
    await h.session.start();
    expect(h.session.getSnapshot().problem).toBe("denied");
    expect(h.sources).toHaveLength(0); // not in the room without a choice
    await h.session.continueWith(false);
    expect(h.session.getSnapshot()).toMatchObject({ problem: null, audioOnly: true });
    expect(h.sources).toHaveLength(1);
  });

  it("a room that refuses the stream says so", async () => {
    const h = harness({ peerIds: ["a-me"] });
    await h.session.start();
    h.events().readyState = 2;
    h.events().onerror?.();
    expect(h.session.getSnapshot().closed).toBe(true);
  });
});
