"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/lib/db/client";
import { now } from "@/lib/clock";
import { createFormAction } from "@/lib/safe-action";
import { ratingSchema } from "./forms";
import { rateService } from "./ratings";

/** A citizen rates an interview that is over or a payment that went through (one rating each). */
export const rateServiceAction = createFormAction({
  access: ["citizen"],
  schema: ratingSchema,
  audit: false, // a citizen's own opinion, not a staff action
  async run({ input, actor }) {
    const { db } = await getDb();
    await rateService({ db, subject: input.subject, subjectId: input.subjectId, userId: actor.userId, stars: input.stars, now: await now() });
    revalidatePath("/[locale]", "layout");
    return { ok: true };
  },
});
