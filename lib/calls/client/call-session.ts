import { AUDIO_MAX_BITRATE, LEVELS, LOW_BANDWIDTH_CONSTRAINTS, nextQuality, type Quality, type Sample } from "@/lib/calls/call-quality";
import { giveUpAfterMs, initialCallState, linkOf, planRoster, reduceCall, type CallEvent, type CallState, type MediaProblem, type Role, type RosterEntry } from "./call-state";

/**
 * The call, in the browser: WebRTC between a room's participants (a mesh: each page connects to
 * each other one — an interview's two or three people, a commission's members, up to six or so),
 * signaling through the app (an EventSource for what arrives, POST for what leaves).
 * Media goes peer to peer (or through the configured TURN server); nothing is recorded.
 *
 * A plain object, not a React component: the page subscribes to its state (useSyncExternalStore)
 * and calls its verbs. Everything it touches of the browser comes through `CallEnv`, so the unit
 * tests drive it with stand-ins. The decisions themselves are the pure functions of call-state.
 */
export type CallEnv = {
  fetch: (url: string, init: RequestInit) => Promise<unknown>;
  events: (url: string) => EventSource;
  peer: (config: RTCConfiguration) => RTCPeerConnection;
  getUserMedia: (constraints: MediaStreamConstraints) => Promise<MediaStream>;
  stream: () => MediaStream;
  uuid: () => string;
  now: () => number;
};

export function browserEnv(): CallEnv {
  return {
    fetch: (url, init) => fetch(url, init),
    events: (url) => new EventSource(url),
    peer: (config) => new RTCPeerConnection(config),
    getUserMedia: (c) => navigator.mediaDevices.getUserMedia(c),
    stream: () => new MediaStream(),
    uuid: () => crypto.randomUUID(),
    now: () => Date.now(),
  };
}

type Remote = {
  peerId: string;
  userId: string;
  role: Role;
  name: string | null;
  sid: string;
  pc: RTCPeerConnection;
  stream: MediaStream;
  chat: RTCDataChannel | null;
  audioOnly: boolean;
  connected: boolean;
  offerer: boolean;
  drop?: ReturnType<typeof setTimeout>;
};
type Entry = Pick<RosterEntry, "peerId" | "userId" | "role" | "name">;
type SignalPayload = { sid?: string; sdp?: RTCSessionDescriptionInit; candidate?: RTCIceCandidateInit; audioOnly?: boolean };

const GRACE_MS = 10_000;
const SAMPLE_EVERY_MS = 2000;

export class CallSession {
  private state: CallState = initialCallState;
  private listeners = new Set<() => void>();
  private peerId = "";
  private local: MediaStream | null = null;
  private remotes = new Map<string, Remote>();
  private ice: RTCIceServer[] = [];
  private source: EventSource | null = null;
  private roster: RosterEntry[] = [];
  private absentSince = new Map<string, number>();
  /** Candidates that arrive before their connection exists wait here, by connection id. */
  private early = new Map<string, RTCIceCandidateInit[]>();
  /** Messages leave in the order they were made (an offer before its candidates). */
  private outbox: Promise<unknown> = Promise.resolve();
  private quality: Quality = { level: 0, videoPaused: false };
  private samples: Sample[] = [];
  private sampled = new Map<string, { lost: number; received: number }>();
  private watch: ReturnType<typeof setInterval> | null = null;
  private chatId = 0;
  private disposed = false;
  private readonly signer: boolean;

  constructor(
    /** `api`: the room's address ("/api/interviews/<booking>", "/api/permits/commissions/<session>"): its `events`, `signal` (and `admit` where there is a lobby). */
    private readonly opts: { api: string; role: Role; userId: string; hasInterpreter: boolean },
    private readonly env: CallEnv = browserEnv(),
  ) {
    this.signer = opts.role === "interpreter" || (opts.role === "citizen" && opts.hasInterpreter);
  }

  // ---- what the page reads ----
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  getSnapshot = (): CallState => this.state;
  /** The local camera and microphone (the page shows them and measures the microphone). */
  localStream(): MediaStream | null {
    return this.local;
  }
  remoteStream(peerId: string): MediaStream | null {
    return this.remotes.get(peerId)?.stream ?? null;
  }

  private dispatch(event: CallEvent) {
    const next = reduceCall(this.state, event);
    if (next === this.state) return;
    this.state = next;
    for (const l of this.listeners) l();
  }

  private refresh() {
    this.dispatch({
      type: "remotes",
      remotes: [...this.remotes.values()].map((r) => ({
        peerId: r.peerId,
        userId: r.userId,
        role: r.role,
        name: r.name,
        audioOnly: r.audioOnly,
        link: r.connected ? "connected" : linkOf(r.pc.connectionState) === "reconnecting" ? "reconnecting" : "connecting",
      })),
    });
  }

  // ---- the verbs of the page ----

  /** Camera and microphone, then the room (the lobby for citizens and interpreters). */
  async start(): Promise<void> {
    if (await this.getMedia(true)) this.connect();
  }

  /** After a media problem: try the camera again, or go on with sound only (or nothing at all). */
  async continueWith(video: boolean): Promise<void> {
    if (!video) this.dispatch({ type: "audioOnly", on: true });
    if (await this.getMedia(video)) return this.connect();
    if (!video) {
      // Neither camera nor microphone: still join, to see, hear and write.
      this.local = this.env.stream();
      this.dispatch({ type: "media", problem: null });
      this.dispatch({ type: "localChanged" });
      this.connect();
    }
  }

  async admit(userId: string): Promise<void> {
    await this.env.fetch(`${this.opts.api}/admit`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ userId }) });
  }

  async toggleAudioOnly(): Promise<void> {
    const next = !this.state.audioOnly;
    this.dispatch({ type: "audioOnly", on: next });
    await this.setVideoSending(!next);
    await this.post(null, "state", { audioOnly: next });
  }

  toggleMute(): void {
    const next = !this.state.muted;
    this.local?.getAudioTracks().forEach((t) => (t.enabled = !next));
    this.dispatch({ type: "muted", on: next });
  }

  sendChat(text: string): void {
    const clean = text.trim().slice(0, 1000);
    if (!clean) return;
    for (const r of this.remotes.values()) if (r.chat?.readyState === "open") r.chat.send(clean);
    this.dispatch({ type: "chat", line: { id: ++this.chatId, from: "me", text: clean } });
  }

  async hangUp(): Promise<void> {
    await this.post(null, "bye", {});
    this.leave();
    this.dispatch({ type: "hungUp" });
  }

  async rejoin(): Promise<void> {
    this.dispatch({ type: "rejoin" });
    this.peerId = this.env.uuid();
    if (await this.getMedia(!this.state.audioOnly)) this.connect();
  }

  /** The page goes away (pagehide): the stream closes so the room sees us leave at once. */
  pageHidden(): void {
    this.source?.close();
  }

  dispose(): void {
    this.disposed = true;
    this.leave();
    this.listeners.clear();
  }

  private leave() {
    this.source?.close();
    this.stopWatching();
    for (const id of [...this.remotes.keys()]) this.closeRemote(id);
    this.local?.getTracks().forEach((t) => t.stop());
  }

  // ---- local media ----
  private async getMedia(withVideo: boolean): Promise<boolean> {
    this.local?.getTracks().forEach((t) => t.stop());
    try {
      const stream = await this.env.getUserMedia({
        audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
        video: withVideo ? LOW_BANDWIDTH_CONSTRAINTS : false,
      });
      if (this.disposed) {
        stream.getTracks().forEach((t) => t.stop());
        return false;
      }
      this.local = stream;
      this.dispatch({ type: "media", problem: null });
      this.dispatch({ type: "localChanged" });
      return true;
    } catch (error) {
      const name = (error as DOMException)?.name;
      const problem: MediaProblem = name === "NotFoundError" || name === "OverconstrainedError" ? "noDevice" : "denied";
      this.dispatch({ type: "media", problem });
      return false;
    }
  }

  private videoTrack(): MediaStreamTrack | null {
    return this.state.audioOnly ? null : (this.local?.getVideoTracks()[0] ?? null);
  }

  private async setVideoSending(on: boolean): Promise<void> {
    let track: MediaStreamTrack | null = null;
    if (on) {
      track = this.local?.getVideoTracks().find((t) => t.readyState === "live") ?? null;
      if (!track) {
        try {
          const cam = await this.env.getUserMedia({ video: LOW_BANDWIDTH_CONSTRAINTS });
          track = cam.getVideoTracks()[0] ?? null;
          if (track) this.local?.addTrack(track);
        } catch {
          track = null;
        }
      }
    } else {
      this.local?.getVideoTracks().forEach((t) => {
        t.stop();
        this.local?.removeTrack(t);
      });
    }
    for (const r of this.remotes.values()) {
      const t = r.pc.getTransceivers().find((x) => x.receiver.track.kind === "video");
      if (t) await t.sender.replaceTrack(track).catch(() => undefined);
      await this.applyEncoding(r);
    }
    this.dispatch({ type: "localChanged" });
  }

  // ---- signaling ----
  private post(to: string | null, kind: string, payload: unknown): Promise<void> {
    const body = JSON.stringify({ peer: this.peerId, to, kind, payload });
    const sent = this.outbox.then(() =>
      this.env.fetch(`${this.opts.api}/signal`, { method: "POST", headers: { "content-type": "application/json" }, body }).catch(() => undefined),
    );
    this.outbox = sent;
    return sent.then(() => undefined);
  }

  private connect() {
    this.source?.close();
    this.peerId ||= this.env.uuid();
    const es = this.env.events(`${this.opts.api}/events?peer=${this.peerId}`);
    this.source = es;
    es.addEventListener("hello", (ev) => {
      const hello = JSON.parse((ev as MessageEvent).data) as { iceServers: RTCIceServer[] };
      this.ice = hello.iceServers;
      this.dispatch({ type: "streamBack" });
    });
    es.addEventListener("roster", (ev) => this.onRoster(JSON.parse((ev as MessageEvent).data) as RosterEntry[]));
    es.addEventListener("signal", (ev) => this.onSignal(JSON.parse((ev as MessageEvent).data) as { from: string; kind: string; payload: unknown }));
    es.onerror = () => {
      // The browser retries by itself; a closed stream means the room refused us (ended, not ours).
      if (es.readyState === 2 /* CLOSED */) this.dispatch({ type: "closed" });
      else this.dispatch({ type: "streamLost" });
    };
    es.onopen = () => this.dispatch({ type: "streamBack" });
  }

  private onRoster(list: RosterEntry[]) {
    this.roster = list;
    const wasInCall = this.state.phase === "inCall";
    this.dispatch({ type: "roster", list, me: this.peerId, userId: this.opts.userId });
    if (this.state.phase === "inCall" && !wasInCall) this.startWatching();
    const plan = planRoster({
      list,
      me: this.peerId,
      userId: this.opts.userId,
      connected: [...this.remotes.values()],
      absentSince: this.absentSince,
      now: this.env.now(),
      graceMs: GRACE_MS,
    });
    if (!list.find((p) => p.peerId === this.peerId)?.admitted) return;
    this.absentSince = plan.absentSince;
    for (const id of plan.close) this.closeRemote(id);
    for (const p of plan.offerTo) void this.startOffer(p);
    this.refresh();
  }

  private onSignal(msg: { from: string; kind: string; payload: unknown }) {
    const from = this.roster.find((p) => p.peerId === msg.from);
    const r = this.remotes.get(msg.from);
    const payload = (msg.payload ?? {}) as SignalPayload;
    switch (msg.kind) {
      case "offer":
        if (from && payload.sid && payload.sdp) this.onOffer(from, { sid: payload.sid, sdp: payload.sdp, audioOnly: payload.audioOnly });
        break;
      case "answer":
        if (r && r.sid === payload.sid && payload.sdp) {
          r.audioOnly = Boolean(payload.audioOnly);
          void r.pc
            .setRemoteDescription(payload.sdp)
            .then(() => this.applyEncoding(r))
            .catch((e: unknown) => console.warn("answer", e));
        }
        break;
      case "candidate":
        if (!payload.sid || !payload.candidate) break;
        if (r && r.sid === payload.sid) void r.pc.addIceCandidate(payload.candidate).catch(() => undefined);
        else this.early.set(payload.sid, [...(this.early.get(payload.sid) ?? []), payload.candidate].slice(-50));
        break;
      case "state":
        if (r) {
          r.audioOnly = Boolean(payload.audioOnly);
          this.refresh();
        }
        break;
      case "bye":
        this.closeRemote(msg.from);
        break;
    }
  }

  // ---- peer connections ----
  private createPc(entry: Entry, sid: string, offerer: boolean): Remote {
    const pc = this.env.peer({ iceServers: this.ice, bundlePolicy: "max-bundle" });
    const r: Remote = { ...entry, sid, pc, stream: this.env.stream(), chat: null, audioOnly: false, connected: false, offerer };
    this.remotes.set(entry.peerId, r);
    pc.ontrack = (ev) => {
      r.stream.addTrack(ev.track);
      this.refresh();
    };
    pc.onicecandidate = (ev) => {
      if (ev.candidate) void this.post(entry.peerId, "candidate", { sid, candidate: ev.candidate.toJSON() });
    };
    pc.onconnectionstatechange = () => {
      const state = pc.connectionState;
      const link = linkOf(state);
      if (link === "connected") {
        clearTimeout(r.drop);
        r.connected = true;
        void this.applyEncoding(r);
        this.dispatch({ type: "notice", notice: null });
      } else if (link === "reconnecting") {
        r.connected = false;
        this.dispatch({ type: "notice", notice: "reconnecting" });
        clearTimeout(r.drop);
        // A network drop: given up after a while; the offerer then starts a fresh connection.
        r.drop = setTimeout(() => {
          if (this.remotes.get(entry.peerId)?.pc !== pc || pc.connectionState === "connected") return;
          this.closeRemote(entry.peerId);
          if (offerer) void this.startOffer(entry);
        }, giveUpAfterMs(state) ?? 0);
      }
      this.refresh();
    };
    const wire = (dc: RTCDataChannel) => {
      r.chat = dc;
      dc.onmessage = (ev) => {
        const text = String(ev.data).slice(0, 1000);
        this.dispatch({ type: "chat", line: { id: ++this.chatId, from: { role: entry.role, name: entry.name }, text } });
      };
    };
    if (offerer) wire(pc.createDataChannel("chat"));
    else pc.ondatachannel = (ev) => wire(ev.channel);
    return r;
  }

  private closeRemote(id: string) {
    const r = this.remotes.get(id);
    if (!r) return;
    clearTimeout(r.drop);
    r.pc.close();
    this.remotes.delete(id);
    this.absentSince.delete(id);
    this.refresh();
  }

  private async startOffer(entry: Entry): Promise<void> {
    const sid = this.env.uuid();
    const r = this.createPc(entry, sid, true);
    const stream = this.local ?? this.env.stream();
    const audio = stream.getAudioTracks()[0];
    r.pc.addTransceiver(audio ?? "audio", { direction: "sendrecv", streams: [stream], sendEncodings: [{ maxBitrate: AUDIO_MAX_BITRATE }] });
    const video = this.videoTrack();
    r.pc.addTransceiver(video ?? "video", { direction: "sendrecv", streams: [stream], sendEncodings: [{ ...LEVELS[this.quality.level]! }] });
    const offer = await r.pc.createOffer();
    await r.pc.setLocalDescription(offer);
    await this.post(entry.peerId, "offer", { sid, sdp: r.pc.localDescription, audioOnly: this.state.audioOnly });
  }

  private onOffer(from: RosterEntry, payload: { sid: string; sdp: RTCSessionDescriptionInit; audioOnly?: boolean }) {
    const existing = this.remotes.get(from.peerId);
    if (existing && existing.sid !== payload.sid) this.closeRemote(from.peerId);
    // Created synchronously, before any await: early ICE candidates then find their connection.
    const r = this.remotes.get(from.peerId) ?? this.createPc(from, payload.sid, false);
    r.audioOnly = Boolean(payload.audioOnly);
    const pc = r.pc;
    void (async () => {
      await pc.setRemoteDescription(payload.sdp);
      for (const c of this.early.get(payload.sid) ?? []) await pc.addIceCandidate(c).catch(() => undefined);
      this.early.delete(payload.sid);
      const stream = this.local ?? this.env.stream();
      for (const t of pc.getTransceivers()) {
        const kind = t.receiver.track.kind;
        const track = kind === "audio" ? (stream.getAudioTracks()[0] ?? null) : this.videoTrack();
        await t.sender.replaceTrack(track);
        t.sender.setStreams?.(stream);
        t.direction = "sendrecv";
      }
      await pc.setLocalDescription(await pc.createAnswer());
      await this.post(from.peerId, "answer", { sid: payload.sid, sdp: pc.localDescription, audioOnly: this.state.audioOnly });
      await this.applyEncoding(r);
      this.refresh();
    })().catch((error: unknown) => console.warn("offer", error));
  }

  // ---- the link's quality ----
  private async applyEncoding(r: Remote): Promise<void> {
    for (const sender of r.pc.getSenders()) {
      const kind = sender.track?.kind ?? null;
      const params = sender.getParameters();
      if (!params.encodings || params.encodings.length === 0) continue;
      const isVideo = kind === "video" || (kind === null && r.pc.getTransceivers().find((t) => t.sender === sender)?.receiver.track.kind === "video");
      if (!isVideo) {
        params.encodings[0]!.maxBitrate = AUDIO_MAX_BITRATE;
      } else {
        const e = LEVELS[this.quality.level]!;
        Object.assign(params.encodings[0]!, e, this.signer ? { priority: "high", networkPriority: "high" } : { priority: "low", networkPriority: "low" });
        if (this.signer) (params as RTCRtpSendParameters & { degradationPreference?: string }).degradationPreference = "maintain-framerate";
      }
      await sender.setParameters(params).catch(() => undefined);
    }
  }

  /** Samples getStats every 2 s while in the call, adapts the encodings, and says so. */
  private startWatching() {
    this.stopWatching();
    this.sampled = new Map();
    this.watch = setInterval(() => void this.watchLink(), SAMPLE_EVERY_MS);
  }

  private stopWatching() {
    if (this.watch) clearInterval(this.watch);
    this.watch = null;
  }

  private async watchLink(): Promise<void> {
    const r = [...this.remotes.values()].find((x) => x.connected);
    if (!r) return;
    const sample = await sampleOf(r.pc, this.sampled, r.peerId);
    this.samples = [...this.samples.slice(-9), sample];
    const next = nextQuality(this.quality, this.samples, this.signer);
    if (next.level === this.quality.level && next.videoPaused === this.quality.videoPaused) return;
    const wasPaused = this.quality.videoPaused;
    this.quality = next;
    this.samples = [];
    for (const x of this.remotes.values()) await this.applyEncoding(x);
    if (next.videoPaused !== wasPaused && !this.state.audioOnly) await this.setVideoSending(!next.videoPaused);
    this.dispatch({ type: "notice", notice: next.videoPaused ? "weakLinkPaused" : next.level > 0 ? "weakLink" : "linkRecovered" });
  }
}

type Stat = Record<string, unknown> & { type: string; id: string };

async function sampleOf(pc: RTCPeerConnection, prev: Map<string, { lost: number; received: number }>, key: string): Promise<Sample> {
  const report = await pc.getStats();
  let lost = 0;
  let received = 0;
  let rtt: number | null = null;
  let available: number | null = null;
  let limited = false;
  report.forEach((raw) => {
    const s = raw as Stat;
    if (s.type === "remote-inbound-rtp") {
      lost += Number(s.packetsLost ?? 0);
      received += Number(s.packetsReceived ?? 0);
      if (typeof s.roundTripTime === "number") rtt = Math.max(rtt ?? 0, s.roundTripTime * 1000);
    }
    if (s.type === "outbound-rtp" && s.kind === "video" && s.qualityLimitationReason === "bandwidth") limited = true;
    if (s.type === "candidate-pair" && s.nominated && typeof s.availableOutgoingBitrate === "number") available = s.availableOutgoingBitrate / 1000;
  });
  const before = prev.get(key) ?? { lost: 0, received: 0 };
  prev.set(key, { lost, received });
  const dLost = Math.max(0, lost - before.lost);
  const dAll = dLost + Math.max(0, received - before.received);
  return { lossRatio: dAll > 0 ? dLost / dAll : 0, rttMs: rtt, availableKbps: available, limitedByBandwidth: limited };
}
