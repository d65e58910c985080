import { FormMessages } from "./form-messages";
import { FormRoot, StepFormRoot, type FormRootProps } from "./form-root";
import type { ComponentProps } from "react";

/**
 * The one form of the app (ADR 0018): put it in a server page, give it the server action, the
 * name of the schema that action parses, and the kit's fields (components/forms/fields.tsx) with
 * their words. `errors`: the namespaces whose `errors` the schema's messages come from.
 */
export const OUTBOX_WORDS = ["refused", "queuedTitle", "queuedBody", "queuedKioskTitle", "queuedKioskBody", "unsentLink", "sentTitle", "sentBody", "openCase", "refusedTitle"].map((k) => `Outbox.${k}`);

/** The words of files sent in pieces (components/uploads/use-resumable-upload.tsx). */
export const UPLOAD_WORDS = ["ResumableUpload", "Uploads"];

export function Form({ errors = [], ...props }: FormRootProps & { errors?: readonly string[] }) {
  return (
    <FormMessages errors={[...errors, ...(props.outbox ? ["Outbox"] : [])]} namespaces={[...(props.outbox ? OUTBOX_WORDS : []), ...(props.uploads ? UPLOAD_WORDS : [])]}>
      <FormRoot {...props} />
    </FormMessages>
  );
}

/** A wizard's step that only chooses where to go next: a GET form (see StepFormRoot). */
export function StepForm(props: ComponentProps<typeof StepFormRoot>) {
  return (
    <FormMessages>
      <StepFormRoot {...props} />
    </FormMessages>
  );
}
