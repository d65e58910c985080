/** /enhance/tour-table.js: the next visits of a lean page's tour tables (lib/houses/client/tour-table.ts). */
import { enhanceAll } from "@/lib/shell/enhance";
import { enhanceTourTable } from "@/lib/houses/client/tour-table";

enhanceAll("tour-table", enhanceTourTable);
