"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { buttonClass } from "@/components/ui/button";
import { CallSession } from "@/lib/calls/client/call-session";
import type { ChatLine, Role } from "@/lib/calls/client/call-state";
import { UserText } from "@/components/ui/user-text";
import type { CallLabels } from "./call-labels";

/**
 * A call room's view, for every room (an interview, a permit commission's meeting). The call
 * itself (WebRTC, signaling, the state machine) is lib/calls/client/call-session.ts; this draws
 * its state and hands it the person's clicks.
 */

type Props = {
  /** The room's API address: "/api/interviews/<booking>", "/api/permits/commissions/<session>". */
  api: string;
  role: Role;
  userId: string;
  hasInterpreter: boolean;
  labels: CallLabels;
};

export function CallRoom(props: Props) {
  const { api, role, userId, hasInterpreter } = props;
  const [session, setSession] = useState<CallSession | null>(null);
  useEffect(() => {
    const s = new CallSession({ api, role, userId, hasInterpreter });
    setSession(s);
    void s.start();
    const onLeave = () => s.pageHidden();
    window.addEventListener("pagehide", onLeave);
    return () => {
      window.removeEventListener("pagehide", onLeave);
      s.dispose();
    };
  }, [api, role, userId, hasInterpreter]);
  if (!session) return <p role="status" className="min-h-6 font-semibold">{props.labels.connecting}</p>;
  return <CallView session={session} {...props} />;
}

function CallView({ session, role, hasInterpreter, labels }: Props & { session: CallSession }) {
  const state = useSyncExternalStore(session.subscribe, session.getSnapshot, session.getSnapshot);
  const { phase, problem, audioOnly, muted, waiting, remotes, chat } = state;
  const selfVideo = useRef<HTMLVideoElement | null>(null);
  const meter = useRef<HTMLMeterElement | null>(null);
  const metered = useRef<MediaStream | null>(null);

  // The local picture, attached again whenever the camera or microphone changes; the lobby's
  // microphone level from each new stream.
  useEffect(() => {
    const stream = session.localStream();
    if (selfVideo.current && stream) selfVideo.current.srcObject = stream;
    if (stream && metered.current !== stream) {
      metered.current = stream;
      startMeter(stream, meter);
    }
  }, [session, state.localVersion]);

  const notice = state.notice ? labels[state.notice] : "";

  if (state.closed) return <p className="border-s-4 border-danger ps-3 font-semibold">{labels.roomError}</p>;

  if (phase === "left") {
    return (
      <section aria-labelledby="left-title" className="flex flex-col gap-4">
        <h2 id="left-title" className="text-2xl font-bold">{labels.leftTitle}</h2>
        <p>{labels.leftBody}</p>
        <div>
          <button type="button" onClick={() => void session.rejoin()} className={buttonClass("secondary")}>{labels.rejoin}</button>
        </div>
      </section>
    );
  }

  const pinnedRole = (r: Role) => hasInterpreter && (r === "interpreter" || r === "citizen");

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
            <button type="button" className={buttonClass("primary")} onClick={() => void session.continueWith(true)}>{labels.retry}</button>
            <button type="button" className={buttonClass("secondary")} onClick={() => void session.continueWith(false)}>{labels.continueAudio}</button>
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
                <span>{w.name ? <UserText>{w.name}</UserText> : roleLabel(w.role, labels)} — {roleLabel(w.role, labels)}</span>
                <button type="button" className={buttonClass("primary")} onClick={() => void session.admit(w.userId)}>
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
        {phase === "inCall" && remotes.length === 0 ? <p>{labels.nobodyYet}</p> : null}
        {remotes.map((r) => (
          <RemoteTile
            key={r.peerId}
            stream={session.remoteStream(r.peerId)}
            name={r.name ?? roleLabel(r.role, labels)}
            roleText={roleLabel(r.role, labels)}
            role={r.role}
            pinned={pinnedRole(r.role)}
            pinnedLabel={labels.pinned}
            audioOnly={r.audioOnly}
            cameraOffLabel={labels.cameraOff}
            connected={r.link === "connected"}
            connectingLabel={labels.connecting}
          />
        ))}
      </div>

      <div className="flex flex-wrap gap-3" role="group" aria-label={labels.inCall}>
        <button type="button" className={buttonClass("secondary")} aria-pressed={audioOnly} onClick={() => void session.toggleAudioOnly()}>
          {audioOnly ? labels.videoOn : labels.audioOnly}
        </button>
        <button type="button" className={buttonClass("secondary")} aria-pressed={muted} onClick={() => session.toggleMute()}>
          {muted ? labels.unmute : labels.mute}
        </button>
        <button type="button" className={buttonClass("warning")} onClick={() => void session.hangUp()}>
          {labels.hangUp}
        </button>
      </div>

      {phase === "inCall" ? <Chat lines={chat} onSend={(text) => session.sendChat(text)} labels={labels} /> : null}
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
          <li key={l.id} className={l.from === "me" ? "text-muted" : ""}>
            <span className="font-semibold">{l.from === "me" ? labels.you : l.from.name ? <UserText>{l.from.name}</UserText> : roleLabel(l.from.role, labels)}:</span> <UserText>{l.text}</UserText>
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
  const key = ({ citizen: "roleCitizen", official: "roleOfficial", interpreter: "roleInterpreter", member: "roleMember", admin: "roleAdmin" } as const)[role];
  return labels[key];
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
