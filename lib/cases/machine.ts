import type { z } from "zod";
import type { Role } from "@/lib/auth/roles";
import type { TagTone } from "./tones";

/**
 * A kind's status machine: its states, the transitions allowed between them and who may make
 * each. Pure data plus two pure functions, so the engine, the staff screens (which buttons to
 * show) and the tests all read the same rules.
 */
export type Clock = "running" | "paused" | "stopped";

export type StateDefinition = {
  /** Message key of the state's name, e.g. "Cases.status.received". */
  label: string;
  tone: TagTone;
  /** Whether the deadline clock runs, waits (e.g. for the citizen) or has stopped (decided). */
  clock: Clock;
  /** A final state: the case is closed; only transitions that explicitly leave it are allowed. */
  final?: boolean;
};

/**
 * "staff" means an agent or official of the body the case is routed to (and admins);
 * "citizen" means the citizen the case belongs to.
 */
export type Party = "citizen" | "staff";

/** What a transition's guard may look at: the case as stored, its history and the time. */
export type GuardContext = {
  payload: Record<string, unknown>;
  status: string;
  submittedAt: Date;
  dueAt: Date | null;
  closedAt: Date | null;
  clock: string;
  now: Date;
  /** Status changes, deadline adjustments and redirections, oldest first. */
  history: readonly { type: string; at: Date; fromStatus: string | null; toStatus: string | null; data: Record<string, unknown> | null }[];
};

export type TransitionDefinition<S extends string> = {
  from: readonly S[];
  to: S;
  by: readonly Party[];
  /** Message key of the action's name as staff see it on a button, e.g. "Cases.actions.close". */
  label: string;
  /** The transition needs a public message (e.g. an answer, or the reason for a refusal). */
  requiresMessage?: boolean;
  /** A deadline adjustment (by name, from the kind's deadline rule) applied with this transition. */
  adjustment?: string;
  /**
   * A rule of time or history the machine alone cannot say ("within 30 days of the resolution",
   * "only once the deadline has passed"): null when allowed, else the message key of the reason.
   */
  guard?: (ctx: GuardContext) => string | null;
  /** Facts the transition must carry (a refusal reason from a list, an e-people reference), kept on its event. */
  data?: z.ZodType<Record<string, unknown>>;
};

export type Machine<S extends string = string> = {
  initial: S;
  states: Record<S, StateDefinition>;
  transitions: readonly TransitionDefinition<S>[];
};

export function defineMachine<const S extends string>(machine: Machine<S>): Machine<S> {
  const names = new Set(Object.keys(machine.states));
  if (!names.has(machine.initial)) throw new Error(`initial state ${machine.initial} is not a state`);
  for (const t of machine.transitions) {
    for (const s of [...t.from, t.to]) if (!names.has(s)) throw new Error(`transition uses unknown state ${s}`);
    if (t.from.includes(t.to)) throw new Error(`transition to ${t.to} from itself`);
    if (t.by.length === 0) throw new Error(`nobody may make the transition to ${t.to}`);
  }
  return machine;
}

export function partyOf(role: Role): Party | null {
  if (role === "citizen") return "citizen";
  if (role === "agent" || role === "official" || role === "admin") return "staff";
  return null; // volunteers never act on a case by themselves
}

/** The transition from `from` to `to` that `party` may make, or null when it is not allowed. */
export function findTransition<S extends string>(machine: Machine<S>, from: string, to: string, party: Party): TransitionDefinition<S> | null {
  return machine.transitions.find((t) => t.to === to && (t.from as readonly string[]).includes(from) && t.by.includes(party)) ?? null;
}

/** Transitions `party` may make from `from`, in declaration order (for the staff buttons). */
export function allowedTransitions<S extends string>(machine: Machine<S>, from: string, party: Party): TransitionDefinition<S>[] {
  return machine.transitions.filter((t) => (t.from as readonly string[]).includes(from) && t.by.includes(party));
}

export function stateOf<S extends string>(machine: Machine<S>, state: string): StateDefinition | null {
  return (machine.states as Record<string, StateDefinition>)[state] ?? null;
}
