import { z } from "zod";

/**
 * The rating form after an interview or a payment (one schema for the phone and the server
 * action, components/forms/schemas.ts "rating"): 1 to 5 stars, chosen among five radios.
 */
export const RATING_SUBJECTS = ["interview", "payment"] as const;
export type RatingSubject = (typeof RATING_SUBJECTS)[number];

export const ratingSchema = z.object({
  subject: z.enum(RATING_SUBJECTS),
  subjectId: z.uuid(),
  stars: z.coerce.number({ error: "Ratings.errors.stars" }).int("Ratings.errors.stars").min(1, "Ratings.errors.stars").max(5, "Ratings.errors.stars"),
});
export type RatingInput = z.infer<typeof ratingSchema>;
