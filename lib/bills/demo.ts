/** The billers' API token in demo mode and development (not a secret; lib/env wants a real one in production). */
export const DEMO_BILLER_TOKEN = "demo-biller-token-not-a-secret";
