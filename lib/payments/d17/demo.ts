/**
 * Credentials shared by the app and the D17 simulator in demo mode and development. They are not
 * secrets: lib/env refuses to start in production without real ones.
 */
export const DEMO_D17_API_KEY = "demo-d17-api-key-not-a-secret";
export const DEMO_D17_WEBHOOK_SECRET = "demo-d17-webhook-secret-not-a-secret";
