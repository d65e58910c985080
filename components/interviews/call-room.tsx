"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { AUDIO_MAX_BITRATE, LEVELS, LOW_BANDWIDTH_CONSTRAINTS, nextQuality, type Quality, type Sample } from "@/lib/interviews/call-quality";
import { UserText } from "@/components/ui/user-text";

/**
 * The call, in the browser: WebRTC between the booking's participants (a mesh: two or three
 * peers), signaling through the app (an EventSource for what arrives, POST for what leaves).
 * Media goes peer to peer (or through the configured TURN server); nothing is recorded.
 */
export type CallLabels = Record<
  | "checkTitle" | "checkHint" | "micLevel" | "you" | "waitingTitle" | "waitingBody" | "waitingList" | "admit" | "inCall"
  | "audioOnly" | "videoOn" | "mute" | "unmute" | "hangUp" | "rejoin" | "leftTitle" | "leftBody" | "chatTitle" | "chatLabel"
  | "chatSend" | "cameraOff" | "connecting" | "reconnecting" | "weakLink" | "weakLinkPaused" | "linkRecovered"
  | "permissionDenied" | "permissionHelp" | "noDevice" | "retry" | "continueAudio" | "continueWithout" | "roomError"
  | "pinned" | "roleCitizen" | "roleOfficial" | "roleInterpreter" | "nobodyYet" | "audioOnlyOn",
  string
>;

type Role = "citizen" | "official" | "interpreter";
type RosterEntry = { peerId: string; userId: string; role: Role; name: string | null; admitted: boolean; joinedAt: string };
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
};
type Phase = "check" | "waiting" | "inCall" | "left";
type MediaProblem = null | "denied" | "noDevice";
type ChatLine = { id: number; from: string; text: string; mine: boolean };

type Props = {
  bookingId: string;
  role: Role;
  userId: string;
  hasInterpreter: boolean;
  labels: CallLabels;
};

declare global {
  interface Window {
    __idartiCall?: { connectMs: number | null; stats: () => Promise<unknown[]>; quality: () => Quality; peers: () => unknown[] };
  }
}

const GRACE_MS = 10_000;

export function CallRoom({ bookingId, role, userId, hasInterpreter, labels }: Props) {
  const [phase, setPhase] = useState<Phase>("check");
  const [problem, setProblem] = useState<MediaProblem>(null);
  const [audioOnly, setAudioOnly] = useState(false);
  const [muted, setMuted] = useState(false);
  const [waiting, setWaiting] = useState<RosterEntry[]>([]);
  const [remotes, setRemotes] = useState<{ peerId: string; userId: string; role: Role; name: string | null; audioOnly: boolean; connected: boolean }[]>([]);
  const [notice, setNotice] = useState<string>("");
  const [chat, setChat] = useState<ChatLine[]>([]);
  const [roomError, setRoomError] = useState(false);

  const peerId = useRef<string>("");
  const local = useRef<MediaStream | null>(null);
  const remotesRef = useRef(new Map<string, Remote>());
  const ice = useRef<RTCIceServer[]>([]);
  const events = useRef<EventSource | null>(null);
  const admittedAt = useRef<number | null>(null);
  const connectMs = useRef<number | null>(null);
  const quality = useRef<Quality>({ level: 0, videoPaused: false });
  const samples = useRef<Sample[]>([]);
  const absentSince = useRef(new Map<string, number>());
  const audioOnlyRef = useRef(false);
  const selfVideo = useRef<HTMLVideoElement | null>(null);
  const meter = useRef<HTMLMeterElement | null>(null);
  const chatId = useRef(0);
  const signer = role === "interpreter" || (role === "citizen" && hasInterpreter);

  const refresh = useCallback(() => {
    setRemotes([...remotesRef.current.values()].map((r) => ({ peerId: r.peerId, userId: r.userId, role: r.role, name: r.name, audioOnly: r.audioOnly, connected: r.connected })));
  }, []);

  // Messages leave in the order they were made (an offer before its candidates).
  const outbox = useRef<Promise<unknown>>(Promise.resolve());
  const post = useCallback(
    (to: string | null, kind: string, payload: unknown) => {
      const body = JSON.stringify({ peer: peerId.current, to, kind, payload });
      const sent = outbox.current.then(() =>
        fetch(`/api/interviews/${bookingId}/signal`, { method: "POST", headers: { "content-type": "application/json" }, body }).catch(() => undefined),
      );
      outbox.current = sent;
      return sent.then(() => undefined);
    },
    [bookingId],
  );
  // Candidates that arrive before their connection exists wait here, by connection id.
  const early = useRef(new Map<string, RTCIceCandidateInit[]>());

  // ---- local media ----
  const getMedia = useCallback(async (withVideo: boolean) => {
    local.current?.getTracks().forEach((t) => t.stop());
    try {
      const stream = await navigator.mediaDevices.getUserMedia({
        audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
        video: withVideo ? LOW_BANDWIDTH_CONSTRAINTS : false,
      });
      local.current = stream;
      setProblem(null);
      if (selfVideo.current) selfVideo.current.srcObject = stream;
      startMeter(stream, meter);
      return true;
    } catch (error) {
      const name = (error as DOMException)?.name;
      setProblem(name === "NotFoundError" || name === "OverconstrainedError" ? "noDevice" : "denied");
      return false;
    }
  }, []);

  const videoTrack = () => (audioOnlyRef.current ? null : (local.current?.getVideoTracks()[0] ?? null));

  // ---- encodings ----
  const applyEncoding = useCallback(
    async (r: Remote) => {
      for (const sender of r.pc.getSenders()) {
        const kind = sender.track?.kind ?? null;
        const params = sender.getParameters();
        if (!params.encodings || params.encodings.length === 0) continue;
        const isVideo = kind === "video" || (kind === null && r.pc.getTransceivers().find((t) => t.sender === sender)?.receiver.track.kind === "video");
        if (!isVideo) {
          params.encodings[0]!.maxBitrate = AUDIO_MAX_BITRATE;
        } else {
          const e = LEVELS[quality.current.level]!;
          Object.assign(params.encodings[0]!, e, signer ? { priority: "high", networkPriority: "high" } : { priority: "low", networkPriority: "low" });
          if (signer) (params as RTCRtpSendParameters & { degradationPreference?: string }).degradationPreference = "maintain-framerate";
        }
        await sender.setParameters(params).catch(() => undefined);
      }
    },
    [signer],
  );

  // ---- peer connections ----
  const closeRemote = useCallback(
    (id: string) => {
      const r = remotesRef.current.get(id);
      if (!r) return;
      r.pc.close();
      remotesRef.current.delete(id);
      absentSince.current.delete(id);
      refresh();
    },
    [refresh],
  );

  const createPc = useCallback(
    (entry: { peerId: string; userId: string; role: Role; name: string | null }, sid: string, offerer: boolean): Remote => {
      const pc = new RTCPeerConnection({ iceServers: ice.current, bundlePolicy: "max-bundle" });
      const r: Remote = { ...entry, sid, pc, stream: new MediaStream(), chat: null, audioOnly: false, connected: false, offerer };
      remotesRef.current.set(entry.peerId, r);
      pc.ontrack = (ev) => {
        r.stream.addTrack(ev.track);
        refresh();
      };
      pc.onicecandidate = (ev) => {
        if (ev.candidate) void post(entry.peerId, "candidate", { sid, candidate: ev.candidate.toJSON() });
      };
      let drop: ReturnType<typeof setTimeout> | undefined;
      pc.onconnectionstatechange = () => {
        const state = pc.connectionState;
        if (state === "connected") {
          clearTimeout(drop);
          r.connected = true;
          if (connectMs.current === null && admittedAt.current !== null) connectMs.current = Math.round(performance.now() - admittedAt.current);
          void applyEncoding(r);
          setNotice("");
          refresh();
        } else if (state === "disconnected" || state === "failed") {
          r.connected = false;
          setNotice(labels.reconnecting);
          refresh();
          clearTimeout(drop);
          // A network drop: the offerer starts a fresh connection (the answerer waits for it).
          drop = setTimeout(() => {
            if (remotesRef.current.get(entry.peerId)?.pc !== pc || pc.connectionState === "connected") return;
            closeRemote(entry.peerId);
            if (offerer) void startOffer(entry);
          }, state === "failed" ? 500 : 6000);
        }
      };
      const wire = (dc: RTCDataChannel) => {
        r.chat = dc;
        dc.onmessage = (ev) => {
          const text = String(ev.data).slice(0, 1000);
          setChat((c) => [...c, { id: ++chatId.current, from: entry.name ?? roleLabel(entry.role, labels), text, mine: false }]);
        };
      };
      if (offerer) wire(pc.createDataChannel("chat"));
      else pc.ondatachannel = (ev) => wire(ev.channel);
      return r;
    },
    // startOffer is defined below (it needs createPc): referenced at call time only.
    [applyEncoding, closeRemote, labels, post, refresh],
  );

  const startOffer = useCallback(
    async (entry: { peerId: string; userId: string; role: Role; name: string | null }) => {
      const sid = crypto.randomUUID();
      const r = createPc(entry, sid, true);
      const stream = local.current ?? new MediaStream();
      const audio = stream.getAudioTracks()[0];
      r.pc.addTransceiver(audio ?? "audio", { direction: "sendrecv", streams: [stream], sendEncodings: [{ maxBitrate: AUDIO_MAX_BITRATE }] });
      const video = videoTrack();
      r.pc.addTransceiver(video ?? "video", { direction: "sendrecv", streams: [stream], sendEncodings: [{ ...LEVELS[quality.current.level]! }] });
      const offer = await r.pc.createOffer();
      await r.pc.setLocalDescription(offer);
      await post(entry.peerId, "offer", { sid, sdp: r.pc.localDescription, audioOnly: audioOnlyRef.current });
    },
    [createPc, post],
  );

  const onOffer = useCallback(
    (from: RosterEntry, payload: { sid: string; sdp: RTCSessionDescriptionInit; audioOnly?: boolean }) => {
      const existing = remotesRef.current.get(from.peerId);
      if (existing && existing.sid !== payload.sid) closeRemote(from.peerId);
      // Created synchronously, before any await: early ICE candidates then find their connection.
      const r = remotesRef.current.get(from.peerId) ?? createPc(from, payload.sid, false);
      r.audioOnly = Boolean(payload.audioOnly);
      const pc = r.pc;
      void (async () => {
        await pc.setRemoteDescription(payload.sdp);
        for (const c of early.current.get(payload.sid) ?? []) await pc.addIceCandidate(c).catch(() => undefined);
        early.current.delete(payload.sid);
        const stream = local.current ?? new MediaStream();
        for (const t of pc.getTransceivers()) {
          const kind = t.receiver.track.kind;
          const track = kind === "audio" ? (stream.getAudioTracks()[0] ?? null) : videoTrack();
          await t.sender.replaceTrack(track);
          t.sender.setStreams?.(stream);
          t.direction = "sendrecv";
        }
        await pc.setLocalDescription(await pc.createAnswer());
        await post(from.peerId, "answer", { sid: payload.sid, sdp: pc.localDescription, audioOnly: audioOnlyRef.current });
        await applyEncoding(r);
        refresh();
      })().catch((error: unknown) => console.warn("offer", error));
    },
    [applyEncoding, closeRemote, createPc, post, refresh],
  );

  // ---- the event stream ----
  const roster = useRef<RosterEntry[]>([]);

  const onRoster = useCallback(
    (list: RosterEntry[]) => {
      roster.current = list;
      const me = list.find((p) => p.peerId === peerId.current);
      setWaiting(list.filter((p) => !p.admitted && p.userId !== userId));
      if (!me) return;
      if (!me.admitted) {
        setPhase((p) => (p === "left" ? p : "waiting"));
        return;
      }
      if (admittedAt.current === null) admittedAt.current = performance.now();
      setPhase((p) => (p === "left" ? p : "inCall"));
      // The newest page of each other participant (a reload replaces the old one).
      const newest = new Map<string, RosterEntry>();
      for (const p of list) {
        if (p.userId === userId || !p.admitted) continue;
        const seen = newest.get(p.userId);
        if (!seen || seen.joinedAt < p.joinedAt) newest.set(p.userId, p);
      }
      const keep = new Set([...newest.values()].map((p) => p.peerId));
      for (const [id, r] of remotesRef.current) {
        if (keep.has(id)) {
          absentSince.current.delete(id);
          continue;
        }
        const superseded = newest.has(r.userId);
        const since = absentSince.current.get(id) ?? Date.now();
        absentSince.current.set(id, since);
        // Gone for good, or replaced by a newer page: close. A short stream drop is not a departure.
        if (superseded || Date.now() - since > GRACE_MS) closeRemote(id);
      }
      for (const p of newest.values()) {
        if (!remotesRef.current.has(p.peerId) && peerId.current < p.peerId) void startOffer(p);
      }
      refresh();
    },
    [closeRemote, refresh, startOffer, userId],
  );

  const onSignal = useCallback(
    (msg: { from: string; kind: string; payload: unknown }) => {
      const from = roster.current.find((p) => p.peerId === msg.from);
      const r = remotesRef.current.get(msg.from);
      const payload = (msg.payload ?? {}) as { sid?: string; sdp?: RTCSessionDescriptionInit; candidate?: RTCIceCandidateInit; audioOnly?: boolean };
      switch (msg.kind) {
        case "offer":
          if (from) onOffer(from, payload as { sid: string; sdp: RTCSessionDescriptionInit });
          break;
        case "answer":
          if (r && r.sid === payload.sid && payload.sdp) {
            r.audioOnly = Boolean(payload.audioOnly);
            void r.pc.setRemoteDescription(payload.sdp).then(() => applyEncoding(r)).catch((e: unknown) => console.warn("answer", e));
          }
          break;
        case "candidate":
          if (!payload.sid || !payload.candidate) break;
          if (r && r.sid === payload.sid) void r.pc.addIceCandidate(payload.candidate).catch(() => undefined);
          else early.current.set(payload.sid, [...(early.current.get(payload.sid) ?? []), payload.candidate].slice(-50));
          break;
        case "state":
          if (r) {
            r.audioOnly = Boolean(payload.audioOnly);
            refresh();
          }
          break;
        case "bye":
          closeRemote(msg.from);
          break;
      }
    },
    [applyEncoding, closeRemote, onOffer, refresh],
  );

  const connect = useCallback(() => {
    events.current?.close();
    peerId.current ||= crypto.randomUUID();
    const es = new EventSource(`/api/interviews/${bookingId}/events?peer=${peerId.current}`);
    events.current = es;
    es.addEventListener("hello", (ev) => {
      const hello = JSON.parse((ev as MessageEvent).data) as { iceServers: RTCIceServer[] };
      ice.current = hello.iceServers;
      setNotice("");
    });
    es.addEventListener("roster", (ev) => onRoster(JSON.parse((ev as MessageEvent).data) as RosterEntry[]));
    es.addEventListener("signal", (ev) => onSignal(JSON.parse((ev as MessageEvent).data) as { from: string; kind: string; payload: unknown }));
    es.onerror = () => {
      // The browser retries by itself; a closed stream means the room refused us (ended, not ours).
      if (es.readyState === EventSource.CLOSED) setRoomError(true);
      else setNotice(labels.reconnecting);
    };
    es.onopen = () => setNotice("");
  }, [bookingId, labels.reconnecting, onRoster, onSignal]);

  // Start: camera and microphone, then the room (the lobby for citizens and interpreters).
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const ok = await getMedia(true);
      if (!cancelled && ok) connect();
    })();
    const onLeave = () => events.current?.close();
    window.addEventListener("pagehide", onLeave);
    return () => {
      cancelled = true;
      window.removeEventListener("pagehide", onLeave);
      events.current?.close();
      for (const id of [...remotesRef.current.keys()]) closeRemote(id);
      local.current?.getTracks().forEach((t) => t.stop());
    };
    // Once per page.
  }, []);

  // Watch the link: sample getStats every 2 s (from 3 s after connecting), adapt, and say so.
  useEffect(() => {
    if (phase !== "inCall") return;
    const prev = new Map<string, { lost: number; received: number }>();
    const timer = setInterval(async () => {
      const r = [...remotesRef.current.values()].find((x) => x.connected);
      if (!r || connectMs.current === null) return;
      const sample = await sampleOf(r.pc, prev, r.peerId);
      samples.current = [...samples.current.slice(-9), sample];
      const next = nextQuality(quality.current, samples.current, signer);
      if (next.level === quality.current.level && next.videoPaused === quality.current.videoPaused) return;
      const wasPaused = quality.current.videoPaused;
      quality.current = next;
      samples.current = [];
      for (const x of remotesRef.current.values()) await applyEncoding(x);
      if (next.videoPaused !== wasPaused && !audioOnlyRef.current) await setVideoSending(!next.videoPaused);
      setNotice(next.videoPaused ? labels.weakLinkPaused : next.level > 0 ? labels.weakLink : labels.linkRecovered);
    }, 2000);
    return () => clearInterval(timer);
  }, [phase]);

  // Tests and the bench read what the browser measures; nothing here is made up.
  useEffect(() => {
    window.__idartiCall = {
      get connectMs() {
        return connectMs.current;
      },
      stats: async () => {
        const out: unknown[] = [];
        for (const r of remotesRef.current.values()) out.push({ peer: r.role, ...(await inboundVideo(r.pc)) });
        return out;
      },
      quality: () => quality.current,
      peers: () =>
        [...remotesRef.current.values()].map((r) => ({ role: r.role, offerer: r.offerer, connection: r.pc.connectionState, ice: r.pc.iceConnectionState, signaling: r.pc.signalingState })),
    };
  }, []);

  const setVideoSending = async (on: boolean) => {
    let track: MediaStreamTrack | null = null;
    if (on) {
      track = local.current?.getVideoTracks().find((t) => t.readyState === "live") ?? null;
      if (!track) {
        try {
          const cam = await navigator.mediaDevices.getUserMedia({ video: LOW_BANDWIDTH_CONSTRAINTS });
          track = cam.getVideoTracks()[0] ?? null;
          if (track) local.current?.addTrack(track);
        } catch {
          track = null;
        }
      }
    } else {
      local.current?.getVideoTracks().forEach((t) => {
        t.stop();
        local.current?.removeTrack(t);
      });
    }
    if (selfVideo.current && local.current) selfVideo.current.srcObject = local.current;
    for (const r of remotesRef.current.values()) {
      const t = r.pc.getTransceivers().find((x) => x.receiver.track.kind === "video");
      if (t) await t.sender.replaceTrack(track).catch(() => undefined);
      await applyEncoding(r);
    }
  };

  const toggleAudioOnly = async () => {
    const next = !audioOnlyRef.current;
    audioOnlyRef.current = next;
    setAudioOnly(next);
    await setVideoSending(!next);
    await post(null, "state", { audioOnly: next });
  };

  const toggleMute = () => {
    const next = !muted;
    local.current?.getAudioTracks().forEach((t) => (t.enabled = !next));
    setMuted(next);
  };

  const hangUp = async () => {
    await post(null, "bye", {});
    events.current?.close();
    for (const id of [...remotesRef.current.keys()]) closeRemote(id);
    local.current?.getTracks().forEach((t) => t.stop());
    setPhase("left");
  };

  const rejoin = async () => {
    setPhase("check");
    peerId.current = crypto.randomUUID();
    if (await getMedia(!audioOnlyRef.current)) connect();
  };

  const continueWith = async (video: boolean) => {
    if (!video) {
      audioOnlyRef.current = true;
      setAudioOnly(true);
    }
    const ok = await getMedia(video);
    if (ok) connect();
    else if (!video) {
      // Neither camera nor microphone: still join, to see, hear and write.
      local.current = new MediaStream();
      setProblem(null);
      connect();
    }
  };

  const admit = async (who: string) => {
    await fetch(`/api/interviews/${bookingId}/admit`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ userId: who }) });
  };

  const sendChat = (text: string) => {
    const clean = text.trim().slice(0, 1000);
    if (!clean) return;
    for (const r of remotesRef.current.values()) if (r.chat?.readyState === "open") r.chat.send(clean);
    setChat((c) => [...c, { id: ++chatId.current, from: labels.you, text: clean, mine: true }]);
  };

  // ---- rendering ----
  if (roomError) return <p className="border-s-4 border-danger ps-3 font-semibold">{labels.roomError}</p>;

  if (phase === "left") {
    return (
      <section aria-labelledby="left-title" className="flex flex-col gap-4">
        <h2 id="left-title" className="text-2xl font-bold">{labels.leftTitle}</h2>
        <p>{labels.leftBody}</p>
        <div>
          <button type="button" onClick={() => void rejoin()} className={buttonClass("secondary")}>{labels.rejoin}</button>
        </div>
      </section>
    );
  }

  const pinnedRole = (r: Role) => hasInterpreter && (r === "interpreter" || r === "citizen");
  const tiles = [
    ...remotes.map((r) => ({ key: r.peerId, role: r.role, name: r.name ?? roleLabel(r.role, labels), self: false, audioOnly: r.audioOnly, connected: r.connected })),
  ];

  return (
    <div className="flex flex-col gap-4">
      <p role="status" aria-live="polite" className="min-h-6 font-semibold">
        {notice || (phase === "check" && !problem ? labels.connecting : "")}
      </p>

      {problem ? (
        <div className="border-s-4 border-danger ps-3" role="alert">
          <p className="font-semibold">{problem === "denied" ? labels.permissionDenied : labels.noDevice}</p>
          {problem === "denied" ? <p>{labels.permissionHelp}</p> : null}
          <div className="mt-3 flex flex-wrap gap-3">
            <button type="button" className={buttonClass("primary")} onClick={() => void continueWith(true)}>{labels.retry}</button>
            <button type="button" className={buttonClass("secondary")} onClick={() => void continueWith(false)}>{labels.continueAudio}</button>
          </div>
        </div>
      ) : null}

      {phase !== "inCall" && !problem ? (
        <section aria-labelledby="lobby-title" className="flex flex-col gap-2 border-2 border-line p-4">
          <h2 id="lobby-title" className="text-xl font-bold">{phase === "waiting" ? labels.waitingTitle : labels.checkTitle}</h2>
          <p>{phase === "waiting" ? labels.waitingBody : labels.checkHint}</p>
        </section>
      ) : null}

      {role === "official" && waiting.length > 0 ? (
        <section aria-labelledby="waiting-title" className="border-s-4 border-warning bg-canvas p-3">
          <h2 id="waiting-title" className="font-bold">{labels.waitingList}</h2>
          <ul className="mt-2 flex flex-col gap-2">
            {waiting.map((w) => (
              <li key={w.peerId} className="flex flex-wrap items-center gap-3">
                <span>{w.name ?? roleLabel(w.role, labels)} — {roleLabel(w.role, labels)}</span>
                <button type="button" className={buttonClass("primary")} onClick={() => void admit(w.userId)}>
                  {labels.admit} <span className="sr-only">{w.name ?? roleLabel(w.role, labels)}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {/* With an interpreter the signers (interpreter, citizen) are pinned: two columns of a
          four-column grid each on wide screens and the full width on phones, while the others
          take one column, so the signing hands are the largest video on every screen. */}
      <div className={`grid gap-3 ${hasInterpreter ? "grid-cols-2 sm:grid-cols-4" : "grid-cols-1 sm:grid-cols-2"}`} data-testid="tiles">
        <figure
          className={`relative bg-ink ${pinnedRole(role) ? "order-first col-span-2" : ""}`}
          data-role={role}
          data-pinned={pinnedRole(role) ? "true" : "false"}
          aria-label={labels.you}
        >
          <video ref={selfVideo} autoPlay playsInline muted className="aspect-[4/3] w-full object-cover" data-self="true" />
          <figcaption className="absolute bottom-0 start-0 bg-ink/80 px-2 text-white">
            {labels.you}
            {audioOnly ? ` — ${labels.audioOnlyOn}` : ""}
          </figcaption>
          {phase !== "inCall" ? (
            <label className="absolute top-0 end-0 flex items-center gap-2 bg-ink/80 px-2 text-white">
              {labels.micLevel}
              <meter ref={meter} min={0} max={1} value={0} className="w-20" />
            </label>
          ) : null}
        </figure>
        {phase === "inCall" && tiles.length === 0 ? <p>{labels.nobodyYet}</p> : null}
        {tiles.map((t) => (
          <RemoteTile
            key={t.key}
            stream={remotesRef.current.get(t.key)?.stream ?? null}
            name={t.name}
            roleText={roleLabel(t.role, labels)}
            role={t.role}
            pinned={pinnedRole(t.role)}
            pinnedLabel={labels.pinned}
            audioOnly={t.audioOnly}
            cameraOffLabel={labels.cameraOff}
            connected={t.connected}
            connectingLabel={labels.connecting}
          />
        ))}
      </div>

      <div className="flex flex-wrap gap-3" role="group" aria-label={labels.inCall}>
        <button type="button" className={buttonClass("secondary")} aria-pressed={audioOnly} onClick={() => void toggleAudioOnly()}>
          {audioOnly ? labels.videoOn : labels.audioOnly}
        </button>
        <button type="button" className={buttonClass("secondary")} aria-pressed={muted} onClick={toggleMute}>
          {muted ? labels.unmute : labels.mute}
        </button>
        <button type="button" className={buttonClass("warning")} onClick={() => void hangUp()}>
          {labels.hangUp}
        </button>
      </div>

      {phase === "inCall" ? <Chat lines={chat} onSend={sendChat} labels={labels} /> : null}
    </div>
  );
}

function RemoteTile(props: {
  stream: MediaStream | null;
  name: string;
  roleText: string;
  role: Role;
  pinned: boolean;
  pinnedLabel: string;
  audioOnly: boolean;
  cameraOffLabel: string;
  connected: boolean;
  connectingLabel: string;
}) {
  const ref = useRef<HTMLVideoElement | null>(null);
  useEffect(() => {
    if (ref.current && props.stream && ref.current.srcObject !== props.stream) ref.current.srcObject = props.stream;
  });
  return (
    <figure
      className={`relative bg-ink ${props.pinned ? "order-first col-span-2 outline-4 outline-focus" : ""}`}
      data-role={props.role}
      data-pinned={props.pinned ? "true" : "false"}
      aria-label={`${props.name} — ${props.roleText}`}
    >
      <video ref={ref} autoPlay playsInline className="aspect-[4/3] w-full object-cover" data-remote="true" />
      {props.audioOnly ? (
        <p className="absolute inset-0 flex items-center justify-center bg-ink text-center text-white" data-camera-off="true">
          {props.cameraOffLabel}
        </p>
      ) : null}
      <figcaption className="absolute bottom-0 start-0 bg-ink/80 px-2 text-white">
        <UserText>{props.name}</UserText> — {props.roleText}
        {props.pinned ? ` (${props.pinnedLabel})` : ""}
        {props.connected ? "" : ` — ${props.connectingLabel}`}
      </figcaption>
    </figure>
  );
}

function Chat({ lines, onSend, labels }: { lines: ChatLine[]; onSend: (text: string) => void; labels: CallLabels }) {
  const [text, setText] = useState("");
  return (
    <section aria-labelledby="chat-title" className="border-2 border-line p-3">
      <h2 id="chat-title" className="font-bold">{labels.chatTitle}</h2>
      <ol role="log" aria-live="polite" className="my-2 flex max-h-48 flex-col gap-1 overflow-y-auto">
        {lines.map((l) => (
          <li key={l.id} className={l.mine ? "text-muted" : ""}>
            <span className="font-semibold">{l.from}:</span> <bdi>{l.text}</bdi>
          </li>
        ))}
      </ol>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          onSend(text);
          setText("");
        }}
      >
        <label htmlFor="chat-input" className="sr-only">{labels.chatLabel}</label>
        <input
          id="chat-input"
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={1000}
          placeholder={labels.chatLabel}
          className="min-h-11 flex-1 border-2 border-ink px-2"
        />
        <button type="submit" className={buttonClass("primary")}>{labels.chatSend}</button>
      </form>
    </section>
  );
}

function roleLabel(role: Role, labels: CallLabels): string {
  return role === "official" ? labels.roleOfficial : role === "interpreter" ? labels.roleInterpreter : labels.roleCitizen;
}

/** Microphone level for the lobby check, from an AnalyserNode. */
function startMeter(stream: MediaStream, meter: React.RefObject<HTMLMeterElement | null>) {
  if (stream.getAudioTracks().length === 0) return;
  try {
    const ctx = new AudioContext();
    const analyser = ctx.createAnalyser();
    analyser.fftSize = 256;
    ctx.createMediaStreamSource(stream).connect(analyser);
    const data = new Uint8Array(analyser.fftSize);
    const tick = () => {
      if (stream.getAudioTracks().every((t) => t.readyState === "ended")) return void ctx.close();
      analyser.getByteTimeDomainData(data);
      let peak = 0;
      for (const v of data) peak = Math.max(peak, Math.abs(v - 128) / 128);
      if (meter.current) meter.current.value = peak;
      requestAnimationFrame(tick);
    };
    tick();
  } catch {
    // No Web Audio: the check shows the picture only.
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

const lastInbound = new WeakMap<RTCPeerConnection, { bytes: number; at: number }>();

/** What arrives from one peer: picture size, frame rate and bitrate (for tests and the bench). */
async function inboundVideo(pc: RTCPeerConnection) {
  const report = await pc.getStats();
  let out: { width: number; height: number; fps: number; kbps: number | null; framesDecoded: number } | null = null;
  report.forEach((raw) => {
    const s = raw as Stat;
    if (s.type === "inbound-rtp" && s.kind === "video") {
      const bytes = Number(s.bytesReceived ?? 0);
      const at = Number(s.timestamp ?? performance.now());
      const before = lastInbound.get(pc);
      lastInbound.set(pc, { bytes, at });
      out = {
        width: Number(s.frameWidth ?? 0),
        height: Number(s.frameHeight ?? 0),
        fps: Number(s.framesPerSecond ?? 0),
        framesDecoded: Number(s.framesDecoded ?? 0),
        kbps: before && at > before.at ? Math.round(((bytes - before.bytes) * 8) / (at - before.at)) : null,
      };
    }
  });
  return out ?? { width: 0, height: 0, fps: 0, kbps: null, framesDecoded: 0 };
}
