/**
 * The call's state machine, as pure functions: what the room shows (lobby, in the call, left),
 * who is connected and how each link stands (connecting, connected, reconnecting), and the two
 * decisions a mesh call must get right — which peers to offer to and which to close when the
 * roster changes, and when a dropped link is given up and offered again (an ICE restart by a new
 * connection). `call-session.ts` runs WebRTC around these; the page only draws them.
 */
/** Who someone is in the room: an interview's people, a permit commission's members (and an admin). */
export type Role = "citizen" | "official" | "interpreter" | "member" | "admin";
export type RosterEntry = { peerId: string; userId: string; role: Role; name: string | null; admitted: boolean; joinedAt: string };

/** check: camera and microphone being tried; waiting: in the lobby (rooms with a host); inCall: admitted; left: hung up. */
export type RoomPhase = "check" | "waiting" | "inCall" | "left";
export type Link = "connecting" | "connected" | "reconnecting";
export type MediaProblem = null | "denied" | "noDevice";
export type Notice = null | "reconnecting" | "weakLink" | "weakLinkPaused" | "linkRecovered";
export type RemoteView = { peerId: string; userId: string; role: Role; name: string | null; audioOnly: boolean; link: Link };
export type ChatLine = { id: number; from: { role: Role; name: string | null } | "me"; text: string };

export type CallState = {
  phase: RoomPhase;
  problem: MediaProblem;
  audioOnly: boolean;
  muted: boolean;
  /** People in the lobby (the official admits them). */
  waiting: RosterEntry[];
  remotes: RemoteView[];
  notice: Notice;
  chat: ChatLine[];
  /** The room refused us (the interview ended, or it is not ours). */
  closed: boolean;
  /** Bumped when the local camera or microphone changes, so the page attaches it again. */
  localVersion: number;
};

export const initialCallState: CallState = { phase: "check", problem: null, audioOnly: false, muted: false, waiting: [], remotes: [], notice: null, chat: [], closed: false, localVersion: 0 };

export type CallEvent =
  | { type: "media"; problem: MediaProblem }
  | { type: "roster"; list: readonly RosterEntry[]; me: string; userId: string }
  | { type: "remotes"; remotes: RemoteView[] }
  | { type: "notice"; notice: Notice }
  | { type: "chat"; line: ChatLine }
  | { type: "audioOnly"; on: boolean }
  | { type: "muted"; on: boolean }
  | { type: "localChanged" }
  | { type: "streamLost" }
  | { type: "streamBack" }
  | { type: "closed" }
  | { type: "hungUp" }
  | { type: "rejoin" };

const CHAT_KEPT = 200;

export function reduceCall(state: CallState, event: CallEvent): CallState {
  switch (event.type) {
    case "media":
      return { ...state, problem: event.problem };
    case "roster": {
      const waiting = event.list.filter((p) => !p.admitted && p.userId !== event.userId);
      const me = event.list.find((p) => p.peerId === event.me);
      // Hung up stays hung up, whatever the room says; not in the roster yet: as before.
      if (state.phase === "left" || !me) return { ...state, waiting };
      return { ...state, waiting, phase: me.admitted ? "inCall" : "waiting" };
    }
    case "remotes":
      return { ...state, remotes: event.remotes };
    case "notice":
      return { ...state, notice: event.notice };
    case "chat":
      return { ...state, chat: [...state.chat, event.line].slice(-CHAT_KEPT) };
    case "audioOnly":
      return { ...state, audioOnly: event.on };
    case "muted":
      return { ...state, muted: event.on };
    case "localChanged":
      return { ...state, localVersion: state.localVersion + 1 };
    case "streamLost":
      return { ...state, notice: "reconnecting" };
    case "streamBack":
      return { ...state, notice: state.notice === "reconnecting" ? null : state.notice };
    case "closed":
      return { ...state, closed: true };
    case "hungUp":
      return { ...state, phase: "left", remotes: [], waiting: [], notice: null };
    case "rejoin":
      return { ...state, phase: "check", problem: null, closed: false };
  }
}

/**
 * What to do with the peer connections when the roster changes. Each other participant counts by
 * their newest admitted page (a reload replaces the old one). A connection to a page that left the
 * roster is kept for `graceMs` (a short drop of their event stream is not a departure), one to a
 * page replaced by a newer one of the same person is closed at once. Between two pages exactly one
 * offers: the one whose peer id sorts first, so both never offer to each other.
 */
export function planRoster(opts: {
  list: readonly RosterEntry[];
  me: string;
  userId: string;
  connected: readonly { peerId: string; userId: string }[];
  absentSince: ReadonlyMap<string, number>;
  now: number;
  graceMs: number;
}): { close: string[]; offerTo: RosterEntry[]; absentSince: Map<string, number> } {
  const self = opts.list.find((p) => p.peerId === opts.me);
  if (!self?.admitted) return { close: [], offerTo: [], absentSince: new Map(opts.absentSince) };
  const newest = new Map<string, RosterEntry>();
  for (const p of opts.list) {
    if (p.userId === opts.userId || !p.admitted) continue;
    const seen = newest.get(p.userId);
    if (!seen || seen.joinedAt < p.joinedAt) newest.set(p.userId, p);
  }
  const keep = new Set([...newest.values()].map((p) => p.peerId));
  const absentSince = new Map<string, number>();
  const close: string[] = [];
  for (const r of opts.connected) {
    if (keep.has(r.peerId)) continue;
    const since = opts.absentSince.get(r.peerId) ?? opts.now;
    if (newest.has(r.userId) || opts.now - since > opts.graceMs) close.push(r.peerId);
    else absentSince.set(r.peerId, since);
  }
  const open = new Set(opts.connected.map((r) => r.peerId));
  const offerTo = [...newest.values()].filter((p) => !open.has(p.peerId) && opts.me < p.peerId);
  return { close, offerTo, absentSince };
}

/** How a link stands, from the browser's `connectionState`. */
export function linkOf(state: RTCPeerConnectionState): Link | "closed" {
  if (state === "connected") return "connected";
  if (state === "disconnected" || state === "failed") return "reconnecting";
  if (state === "closed") return "closed";
  return "connecting";
}

/**
 * When a dropped link is given up: a failed one at once (half a second), a disconnected one after
 * 6 s — it often comes back by itself. Both sides then close it; the side that offered starts a
 * new connection (an ICE restart from scratch), the other waits for its offer.
 */
export function giveUpAfterMs(state: RTCPeerConnectionState): number | null {
  return state === "failed" ? 500 : state === "disconnected" ? 6000 : null;
}
