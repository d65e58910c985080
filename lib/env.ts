import { z } from "zod";

/**
 * The only reader of process.env. Every setting the app reads is declared, documented
 * (README, "Configuration") and validated here, so a typo fails at start, not at 3 a.m.
 */
const bool = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1");

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** A real PostgreSQL server; when absent, embedded PGlite is used. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://")
      .optional(),
    /** Where embedded PGlite keeps its files. */
    PGLITE_DIR: z.string().min(1).default("./data/pglite"),
    /** Public origin of the app, used for links in SMS, QR codes and origin checks. */
    APP_URL: z.url().default("http://localhost:3000"),
    /** Signs session tokens. At least 32 characters in production. */
    AUTH_SECRET: z.string().min(32).optional(),
    /** `outbox` stores SMS in the database and shows them at /dev/sms; `http` posts to a gateway. */
    SMS_DRIVER: z.enum(["outbox", "http"]).default("outbox"),
    SMS_HTTP_URL: z.url().optional(),
    SMS_HTTP_TOKEN: z.string().optional(),
    /** Enables the demo helpers: /dev/sms, seeded accounts, the controllable clock. Never in production. */
    DEMO_MODE: bool.default(false),
    /** Lets tests move the clock (header x-test-now). Only honoured together with DEMO_MODE. */
    TEST_CLOCK: bool.default(false),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
    /** Remote interviews: a citizen may reschedule or cancel until this many minutes before the start. */
    INTERVIEW_CHANGE_CUTOFF_MINUTES: z.coerce.number().int().min(0).max(10080).default(120),
    /** The call room opens this many minutes before the start and closes as long after the end. */
    INTERVIEW_ROOM_MARGIN_MINUTES: z.coerce.number().int().min(0).max(120).default(15),
    /** An official may record a no-show this many minutes after the start. */
    INTERVIEW_NO_SHOW_AFTER_MINUTES: z.coerce.number().int().min(0).max(120).default(10),
    /**
     * STUN/TURN servers for the calls, as the JSON of RTCIceServer[]
     * (e.g. [{"urls":"turn:turn.example.tn:3478","username":"u","credential":"p"}]). None on a local network.
     */
    INTERVIEW_ICE_SERVERS: z
      .string()
      .default("[]")
      .transform((value, ctx) => {
        const server = z.object({ urls: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]), username: z.string().optional(), credential: z.string().optional() });
        try {
          const parsed = z.array(server).safeParse(JSON.parse(value));
          if (parsed.success) return parsed.data;
        } catch {
          // reported below
        }
        ctx.addIssue({ code: "custom", message: "INTERVIEW_ICE_SERVERS must be a JSON array of RTCIceServer" });
        return z.NEVER;
      }),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.DEMO_MODE && !env.AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "AUTH_SECRET is required in production" });
    }
    if (env.SMS_DRIVER === "http" && !env.SMS_HTTP_URL) {
      ctx.addIssue({ code: "custom", path: ["SMS_HTTP_URL"], message: "SMS_HTTP_URL is required when SMS_DRIVER=http" });
    }
  });

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
