/**
 * /enhance/lesson-quiz.js: a lean lesson page's questions (lib/learning/client/lesson-quiz.ts). A
 * lean page cannot call the server action that sends a finished quiz to a signed-in account, so
 * the score stays on the device and the next signed-in page merges it (markUnsynced).
 */
import { enhanceAll } from "@/lib/shell/enhance";
import { enhanceLessonQuiz } from "@/lib/learning/client/lesson-quiz";
import { markUnsynced } from "@/lib/learning/progress";

enhanceAll("lesson-quiz", (el) => enhanceLessonQuiz(el as HTMLFormElement, { onScore: markUnsynced }));
