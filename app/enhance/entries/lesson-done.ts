/** /enhance/lesson-done.js: the "done" badges of the lean lessons list (lib/learning/client/lesson-done.ts). */
import { enhanceAll } from "@/lib/shell/enhance";
import { enhanceLessonDone } from "@/lib/learning/client/lesson-done";

enhanceAll("lesson-done", enhanceLessonDone);
