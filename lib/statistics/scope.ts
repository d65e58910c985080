import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/roles";

/**
 * Whose figures: the whole country, one body (a municipality is a body of its own), or one
 * service house. Administrators choose any; an official sees their body; an agent their house
 * (or their body when they have no house, as a municipal agent).
 */
export type Scope = { level: "national" } | { level: "body"; id: string } | { level: "house"; id: string };

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** "national", "body:steg", "house:haidra" — the scope as one GET parameter. */
export function parseScope(value: string | undefined | null): Scope | null {
  if (!value || value === "national") return value ? { level: "national" } : null;
  const m = /^(body|house):(.+)$/.exec(value);
  if (!m || !SLUG.test(m[2]!)) return null;
  return { level: m[1] as "body" | "house", id: m[2]! };
}

export function scopeKey(s: Scope): string {
  return s.level === "national" ? "national" : `${s.level}:${s.id}`;
}

/** The scope an actor may see, given what they asked for; refuses what is not theirs. */
export function scopeFor(actor: Pick<Actor, "role" | "bodyId" | "houseId">, asked: Scope | null): Scope {
  if (actor.role === "admin") return asked ?? { level: "national" };
  const own: Scope | null =
    actor.role === "official" && actor.bodyId
      ? { level: "body", id: actor.bodyId }
      : actor.role === "agent"
        ? actor.houseId
          ? { level: "house", id: actor.houseId }
          : actor.bodyId
            ? { level: "body", id: actor.bodyId }
            : null
        : null;
  if (!own) throw new AppError("forbidden");
  if (asked && scopeKey(asked) !== scopeKey(own)) throw new AppError("forbidden");
  return own;
}
