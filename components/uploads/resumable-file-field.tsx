"use client";
import { useState, type ComponentProps, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { FileField } from "@/components/ui/field";
import { UserText } from "@/components/ui/user-text";
import { useHoldSubmit, useResumableUpload, type UploadTarget } from "./use-resumable-upload";

/**
 * The kit's file field when its form takes files in pieces (components/forms/fields.tsx): the
 * plain file input (what goes without JavaScript), and with it each chosen file is sent at once
 * with the one upload hook, then taken out of the input so the form's post does not send it a
 * second time. A send of the form waits for the files still on their way.
 */
export function ResumableFileField({
  target,
  slot,
  ...field
}: { target: UploadTarget; slot?: string; id: string; name: string; label: ReactNode; hint?: ReactNode; error?: string; errorPrefix: string } & Pick<ComponentProps<"input">, "accept" | "multiple">) {
  const r = useTranslations("ResumableUpload");
  const statusId = `${field.id}-status`;
  const upload = useResumableUpload({ target, slot, statusId });
  const [chosen, setChosen] = useState(false);
  useHoldSubmit(field.id, () => upload.inFlight.current, () => upload.say(r("wait")));

  const onChange = (input: HTMLInputElement) => {
    const files = Array.from(input.files ?? []);
    if (files.length === 0) return;
    // The files are the hook's now: the form's own post must not carry them too.
    input.value = "";
    setChosen(true);
    void upload.send(files);
  };

  return (
    <>
      <FileField {...field} onChange={(e) => onChange(e.currentTarget)} />
      <div className={chosen ? "-mt-4 mb-6 flex flex-col gap-1" : "-mt-4 mb-6"}>
      {upload.view}
      {upload.sent.length ? (
        <ul aria-label={r("sentList")} className="list-disc ps-6">
          {upload.sent.map((f) => (
            <li key={f.id} data-upload-id={f.id}>
              <UserText>{f.name}</UserText>
            </li>
          ))}
        </ul>
      ) : null}
      </div>
    </>
  );
}
