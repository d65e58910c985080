/** /enhance/offline-save.js: lib/catalogue/client/offline-save.ts on a lean page (docs/adr/0021). */
import { enhanceAll } from "@/lib/shell/enhance";
import { enhanceOfflineSave } from "@/lib/catalogue/client/offline-save";

enhanceAll("offline-save", enhanceOfflineSave);
