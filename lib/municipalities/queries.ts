import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { listUnplaced } from "@/lib/cases/engine";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/** The admin's placement page: what is still on "the municipality" in general (admins only). */
export async function loadUnplaced(actor: Actor) {
  if (actor.role !== "admin") throw new AppError("forbidden");
  const { db } = await getDb();
  return listUnplaced(db);
}
