/**
 * Attachments: content checks, re-encoding, storage, records, access. See the report of the
 * requests work (and the tests beside each file) for the contract.
 */
export { UPLOAD_LIMITS, acceptAttribute, acceptedMediaTypes, refusalReasons, type RefusalReason } from "./limits";
export { inspectUpload, safeLabel, UploadRefused, type InspectedUpload } from "./inspect";
export { uploadAccess, type ReadAccess } from "./access";
