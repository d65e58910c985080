/** /enhance/read-aloud.js: "read the lesson aloud" on a lean lesson page (lib/learning/client/read-aloud.ts). */
import { enhanceAll } from "@/lib/shell/enhance";
import { enhanceReadAloud } from "@/lib/learning/client/read-aloud";

enhanceAll("read-aloud", (el) => enhanceReadAloud(el as HTMLButtonElement));
