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
    /** PGlite's buffer pool, inside the app's memory (lib/db/open.ts pgliteStartParams). */
    PGLITE_SHARED_BUFFERS: z.string().regex(/^\d+(kB|MB|GB)$/, "PGLITE_SHARED_BUFFERS is a size like 16MB").default("16MB"),
    /** Public origin of the app, used for links in SMS, QR codes and origin checks. */
    APP_URL: z.url().default("http://localhost:3000"),
    /** The port `next start` listens on (scripts/start.mjs passes it); the CSP reads its own static pages there. */
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** Signs session tokens. At least 32 characters in production. */
    AUTH_SECRET: z.string().min(32).optional(),
    /** `outbox` stores SMS in the database and shows them at /dev/sms; `http` posts to a gateway. */
    SMS_DRIVER: z.enum(["outbox", "http"]).default("outbox"),
    SMS_HTTP_URL: z.url().optional(),
    SMS_HTTP_TOKEN: z.string().optional(),
    /** Sender name the gateway shows (if it lets us choose). */
    SMS_HTTP_SENDER: z.string().min(1).max(11).default("Idarti"),
    /** Per-language wrapper around every SMS text, `{text}` is replaced (operator-approved wording). */
    SMS_HTTP_TEMPLATE_AR: z.string().includes("{text}").default("{text}"),
    SMS_HTTP_TEMPLATE_FR: z.string().includes("{text}").default("{text}"),
    SMS_HTTP_TEMPLATE_EN: z.string().includes("{text}").default("{text}"),
    SMS_HTTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    /** Reverse proxies in front of the app that append to X-Forwarded-For (for per-IP limits). */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(1),
    /**
     * Load shedding (lib/http/shedding.ts): writes and signed-in page renders one instance works
     * on at once; beyond it they are answered at once with 503 and Retry-After. 0 turns it off.
     */
    SHED_MAX_IN_FLIGHT: z.coerce.number().int().min(0).max(10_000).default(16),
    SHED_RETRY_AFTER_SECONDS: z.coerce.number().int().min(1).max(600).default(5),
    /** Cases filed per hour from one address (a service house's counter and Wi-Fi share one). */
    FILING_PER_IP_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(120),
    /** Sign-in codes one IP address may ask for per 15 minutes (many people share a carrier's or a service house's address). */
    OTP_PER_IP_SENDS: z.coerce.number().int().min(1).default(60),
    /** Wrong codes one IP address may enter per hour. */
    OTP_PER_IP_FAILURES: z.coerce.number().int().min(1).default(120),
    /** Enables the demo helpers: /dev/sms, seeded accounts, the controllable clock. Never in production. */
    DEMO_MODE: bool.default(false),
    /** Lets tests move the clock (header x-test-now). Only honoured together with DEMO_MODE. */
    TEST_CLOCK: bool.default(false),
    /** Where attachments are stored by the filesystem adapter (lib/documents/uploads/storage.ts). */
    FILES_DIR: z.string().min(1).default("./data/files"),
    /** Where files live: this machine's disk (one instance), or an S3-compatible store several instances share. */
    STORAGE_DRIVER: z.enum(["filesystem", "s3"]).default("filesystem"),
    S3_ENDPOINT: z.url().optional(),
    S3_REGION: z.string().min(1).default("us-east-1"),
    S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "S3_BUCKET must be a valid bucket name").optional(),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    /** Path-style addresses (endpoint/bucket/key), which MinIO, Ceph and most local stores need. */
    S3_FORCE_PATH_STYLE: bool.default(true),
    /**
     * Map tiles for placing a report's pin ({z}/{x}/{y}, e.g. a national or self-hosted tile
     * server). Empty: no map choice (GPS and a described place still work).
     */
    MAP_TILE_URL: z
      .string()
      .regex(/^https?:\/\/\S+\{z\}\S*\{x\}\S*\{y\}/, "MAP_TILE_URL must be an http(s) URL with {z}, {x} and {y}")
      .optional(),
    /** Attribution the tile provider requires, shown under the map. */
    MAP_ATTRIBUTION: z.string().max(200).default("© OpenStreetMap contributors"),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
    /** Web push (VAPID). Without the keys, push is off and the inbox and SMS still work. */
    VAPID_PUBLIC_KEY: z.string().regex(/^[A-Za-z0-9_-]{80,100}$/, "VAPID_PUBLIC_KEY must be a base64url P-256 public key").optional(),
    VAPID_PRIVATE_KEY: z.string().regex(/^[A-Za-z0-9_-]{40,50}$/, "VAPID_PRIVATE_KEY must be a base64url P-256 private key").optional(),
    /** Who push services may contact about this sender: mailto: or https: URL. */
    VAPID_SUBJECT: z.string().regex(/^(mailto:|https:\/\/)/, "VAPID_SUBJECT must start with mailto: or https://").default("mailto:contact@idarti.tn"),
    /**
     * Hosts of the push services the server may send to (comma-separated; `*.suffix` for any name
     * under it). Anything else a browser hands over as an endpoint is refused (SSRF, issue 12).
     */
    PUSH_SERVICE_HOSTS: z
      .string()
      .default("fcm.googleapis.com,updates.push.services.mozilla.com,*.notify.windows.com,web.push.apple.com")
      .transform((v) => v.split(",").map((h) => h.trim().toLowerCase()).filter(Boolean))
      .pipe(z.array(z.string().regex(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/, "PUSH_SERVICE_HOSTS: host names (or *.suffix), comma-separated")).min(1)),
    /** Seconds between two runs of the notification dispatcher in the app process; 0 turns it off. */
    NOTIFY_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(3600).default(15),
    /** Seconds between two checks of this instance for content published by another (lib/content/sync.ts); 0 turns it off. */
    CONTENT_SYNC_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(3600).default(5),
    /** Seconds between two housekeeping runs (forms never sent, expired codes and limits); 0 turns it off. */
    HOUSEKEEPING_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(3600),
    /** Days a form never sent keeps its uploaded files and its saved answers (interview subject step). */
    DRAFT_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    /** Hours an attachment sent in pieces (tus, lib/documents/uploads/resumable.ts) waits for its next piece before its partial bytes are deleted. */
    RESUMABLE_RETENTION_HOURS: z.coerce.number().int().min(1).max(720).default(24),
    /** Bytes per piece the phone sends of a resumable upload (smaller in tests to cut one mid-way). */
    UPLOAD_CHUNK_BYTES: z.coerce.number().int().min(16 * 1024).max(4 * 1024 * 1024).default(1024 * 1024),
    /** Hours a walk-in session whose code was never given is kept (for the agent's "expired" screen). */
    WALK_IN_RETENTION_HOURS: z.coerce.number().int().min(1).max(720).default(24),

    /** Ed25519 seed (32 bytes, base64url) that signs receipts. Without it (development, demo) one is derived from AUTH_SECRET. */
    DOCUMENT_SIGNING_KEY: z
      .string()
      .regex(/^[A-Za-z0-9_-]{43}$/, "DOCUMENT_SIGNING_KEY is 32 bytes in base64url (43 characters)")
      .optional(),
    /** Public keys (32 bytes base64url, comma-separated) of former DOCUMENT_SIGNING_KEYs: what they signed still verifies (ADR 0017). */
    DOCUMENT_RETIRED_PUBLIC_KEYS: z
      .string()
      .regex(/^\s*([A-Za-z0-9_-]{43}\s*(,\s*[A-Za-z0-9_-]{43}\s*)*)?$/, "DOCUMENT_RETIRED_PUBLIC_KEYS is a comma-separated list of 32-byte base64url public keys")
      .optional(),
    /** AES-256 key (32 bytes, base64url) that seals secrets the server must read back, e.g. webhook signing secrets (ADR 0027). Without it (development, demo) one is derived from AUTH_SECRET. */
    SEALING_KEY: z
      .string()
      .regex(/^[A-Za-z0-9_-]{43}$/, "SEALING_KEY is 32 bytes in base64url (43 characters)")
      .optional(),
    /** Former SEALING_KEYs (comma-separated), kept until every instance has restarted once on the new key: they still open what they sealed. */
    SEALING_RETIRED_KEYS: z
      .string()
      .regex(/^\s*([A-Za-z0-9_-]{43}\s*(,\s*[A-Za-z0-9_-]{43}\s*)*)?$/, "SEALING_RETIRED_KEYS is a comma-separated list of 32-byte base64url keys")
      .optional(),
    /** The certificate that signs issued PDFs (PAdES): a PKCS#12 as base64 or as a file path, with its passphrase… */
    DOCUMENT_PDF_P12: z.string().min(1).optional(),
    DOCUMENT_PDF_P12_PASSPHRASE: z.string().default(""),
    /** …or a PEM certificate (chain) and its PEM private key. Without either (development, demo) one is made in DOCUMENT_KEYS_DIR. */
    DOCUMENT_PDF_CERT_PEM: z.string().min(1).optional(),
    DOCUMENT_PDF_KEY_PEM: z.string().min(1).optional(),
    /** Where the demo PDF certificate is kept (under the data directory, never in git). */
    DOCUMENT_KEYS_DIR: z.string().min(1).default("./data/keys"),

    /** The D17 merchant API (docs/contracts/d17-request-to-pay.md); the simulator's in demo mode. */
    D17_API_URL: z.url().default("http://127.0.0.1:3301"),
    /** Port of the local D17 simulator (scripts/d17-simulator.ts). */
    D17_SIMULATOR_PORT: z.coerce.number().int().min(1).max(65535).default(3301),
    D17_MERCHANT_ID: z.string().min(1).default("idarti-demo"),
    /** Bearer key of the merchant API. Required outside demo mode. */
    D17_API_KEY: z.string().min(16).optional(),
    /** HMAC-SHA256 secret of D17's callbacks. Required outside demo mode. */
    D17_WEBHOOK_SECRET: z.string().min(16).optional(),
    /** Where D17 sends callbacks; default APP_URL + /api/payments/d17/callback. */
    D17_CALLBACK_URL: z.url().optional(),
    /** Time limit of one call to D17, in milliseconds. */
    D17_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(8000),
    /** How long the payer has to approve in the D17 app. */
    PAYMENT_EXPIRY_SECONDS: z.coerce.number().int().min(60).max(3600).default(600),
    /** Fee added to a payment, in millimes (0: none). */
    PAYMENT_FEE_MILLIMES: z.coerce.number().int().min(0).max(100_000).default(0),
    /** How often the app settles pending payments with D17 in the background (0: never). */
    PAYMENT_SETTLE_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(3600).default(15),

    /** The billers' API (docs/contracts/billers.md); the biller simulator's in demo mode. */
    BILLER_API_URL: z.url().default("http://127.0.0.1:3302"),
    /** Port of the local biller simulator (scripts/biller-simulator.ts). */
    BILLER_SIMULATOR_PORT: z.coerce.number().int().min(1).max(65535).default(3302),
    /** Bearer token for the billers' API. Required outside demo mode. */
    BILLER_API_TOKEN: z.string().min(16).optional(),
    /** Remote interviews: a citizen may reschedule or cancel until this many minutes before the start. */
    INTERVIEW_CHANGE_CUTOFF_MINUTES: z.coerce.number().int().min(0).max(10080).default(120),
    /** The call room opens this many minutes before the start and closes as long after the end. */
    INTERVIEW_ROOM_MARGIN_MINUTES: z.coerce.number().int().min(0).max(120).default(15),
    /** An official may record a no-show this many minutes after the start. */
    INTERVIEW_NO_SHOW_AFTER_MINUTES: z.coerce.number().int().min(0).max(120).default(10),
    /**
     * STUN/TURN servers for every call room (interviews, permit commissions: lib/calls), as the JSON of RTCIceServer[]
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
    if (Boolean(env.VAPID_PUBLIC_KEY) !== Boolean(env.VAPID_PRIVATE_KEY)) {
      ctx.addIssue({ code: "custom", path: ["VAPID_PRIVATE_KEY"], message: "VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY go together" });
    }
    if (env.NODE_ENV === "production" && !env.DEMO_MODE) {
      if (!env.DOCUMENT_PDF_P12 && !(env.DOCUMENT_PDF_CERT_PEM && env.DOCUMENT_PDF_KEY_PEM)) {
        ctx.addIssue({ code: "custom", path: ["DOCUMENT_PDF_P12"], message: "DOCUMENT_PDF_P12 (or DOCUMENT_PDF_CERT_PEM and DOCUMENT_PDF_KEY_PEM) is required in production" });
      }
      for (const key of ["DOCUMENT_SIGNING_KEY", "SEALING_KEY", "D17_API_KEY", "D17_WEBHOOK_SECRET", "BILLER_API_TOKEN"] as const) {
        if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: `${key} is required in production` });
      }
    }
    if (env.STORAGE_DRIVER === "s3") {
      for (const key of ["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const) {
        if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: `${key} is required when STORAGE_DRIVER=s3` });
      }
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

/**
 * APP_URL alone, for pages prerendered at build time (the printed checklist's QR), where the
 * rest of the configuration (secrets) is not there and must not be required. Set APP_URL when
 * building for production, or those QR codes point at the default origin.
 */
export function publicAppUrl(): string {
  return z.url().default("http://localhost:3000").parse(process.env.APP_URL || undefined);
}
