/**
 * D17 callback signatures (docs/contracts/d17-request-to-pay.md): the timestamped HMAC of
 * lib/security/timestamped-hmac.ts, under the names the adapter and the simulator use. The
 * partner webhooks (lib/partner-api) are signed by the same code.
 */
export {
  SIGNATURE_TOLERANCE_SECONDS as CALLBACK_TOLERANCE_SECONDS,
  signTimestamped as signCallback,
  checkTimestampedSignature as checkCallbackSignature,
  type SignatureCheck as CallbackCheck,
} from "@/lib/security/timestamped-hmac";
