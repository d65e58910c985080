import { z } from "zod";
import { normalisePhone } from "@/lib/auth/phone";
import { resetSignInLimitsForTests } from "@/lib/auth/otp";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { edge, readJson } from "@/lib/http/edge";

export const dynamic = "force-dynamic";

const body = z.object({ phone: z.string().max(40) });

/** Forgets one number's sign-in counters in tests. Exists only when TEST_CLOCK=true; 404 otherwise. */
export const POST = edge({ origin: "any" }, async (req: Request) => {
  if (!env().TEST_CLOCK) throw new AppError("notFound");
  const { phone } = await readJson(req, body);
  const parsed = normalisePhone(phone);
  if (!parsed.ok) throw new AppError("validation", { fields: { phone: "Auth.phone.errors.invalid" } });
  await resetSignInLimitsForTests({ phone: parsed.e164 });
  return Response.json({ ok: true });
});
