import { getTranslations } from "next-intl/server";
import { Form } from "@/components/forms/form";
import { Checkbox, GroupError, Select, Submit, TextArea, TextInput } from "@/components/forms/fields";
import { saveDraftAction } from "@/lib/content/actions";
import { formModel, removeName, type FormNode } from "@/lib/content/form-model";
import { choiceFields, listTemplates, lockedFields, type ContentKind } from "@/lib/content/kinds";
import { getBody } from "@/lib/catalogue/catalogue";
import { contentLocale, contentLocales } from "@/lib/i18n/content";
import type { Locale } from "@/lib/i18n/routing";
import { fieldLabeller } from "./labels";

const LANG_DIR = { ar: "rtl", fr: "ltr", en: "ltr" } as const;

/**
 * The editing form of any document (lib/content/form-model.ts): every text in three languages
 * side by side, each list item in its own group with "remove", each list with "add" (which saves
 * the draft and comes back to it). Works without JavaScript: a plain form of the kit.
 */
export async function DocumentForm({ locale, kind, keyName, from, data, fixed = [] }: { locale: Locale; kind: ContentKind; keyName: string; from: number; data: Record<string, unknown>; fixed?: string[] }) {
  const t = await getTranslations({ locale, namespace: "ContentEditing" });
  const label = await fieldLabeller(locale);
  const last = (path: (string | number)[]) => label(path.slice(-1));

  const render = (n: FormNode, depth: number): React.ReactNode => {
    switch (n.type) {
      case "localized":
        return (
          <fieldset key={n.name} className="mb-6 border-s-4 border-line ps-4">
            <legend className="mb-2 text-lg font-semibold">{label(n.path)}</legend>
            <div className="grid gap-x-4 sm:grid-cols-3">
              {contentLocales.map((l) => {
                const value = n.value[l] ?? "";
                const Field = n.long ? TextArea : TextInput;
                return (
                  <Field
                    key={l}
                    name={`${n.name}.${l}`}
                    label={<span lang={l}>{t(`languages.${l}`)}</span>}
                    hint={value.trim() ? undefined : <strong className="text-warning">{t("missingTranslation")}</strong>}
                    defaultValue={value}
                    lang={l}
                    dir={LANG_DIR[l]}
                    {...(n.long ? { rows: 4 } : {})}
                  />
                );
              })}
            </div>
          </fieldset>
        );
      case "text":
        return n.long ? (
          <TextArea key={n.name} name={n.name} label={label(n.path)} defaultValue={n.value} dir="auto" rows={3} />
        ) : (
          <TextInput key={n.name} name={n.name} label={label(n.path)} defaultValue={n.value} dir="auto" />
        );
      case "number":
        return <TextInput key={n.name} name={n.name} label={label(n.path)} defaultValue={String(n.value)} inputMode="numeric" dir="ltr" className="max-w-xs text-start" />;
      case "boolean":
        return (
          <Select
            key={n.name}
            name={n.name}
            label={label(n.path)}
            defaultValue={String(n.value)}
            options={[
              { value: "true", label: t("yes") },
              { value: "false", label: t("no") },
            ]}
          />
        );
      case "words":
        return <TextArea key={n.name} name={n.name} label={label(n.path)} hint={t("wordsHint")} defaultValue={n.value.join("\n")} dir="auto" rows={Math.min(8, n.value.length + 1)} />;
      case "group": {
        const index = n.path.at(-1);
        const heading = typeof index === "number" ? t("item", { n: index + 1 }) : label(n.path);
        const H = depth <= 1 ? "h3" : "h4";
        return (
          // The id is where the error summary links a rule of the whole item (one right answer per
          // question), and the rule's message is shown at its top.
          <section key={n.name} id={`content-${n.name}`} tabIndex={-1} aria-labelledby={`${n.name}-heading`} className="mb-6 border border-line p-4">
            <H id={`${n.name}-heading`} className="mb-3 text-lg font-bold">
              {typeof index === "number" ? `${label(n.path.slice(0, -1))} — ${heading}` : heading}
            </H>
            <GroupError name={n.name} />
            {n.children.map((c) => render(c, depth + 1))}
            {n.removable && typeof index === "number" ? <Checkbox name={removeName(n.name)} label={t("removeItem", { n: index + 1 })} /> : null}
          </section>
        );
      }
      case "choice":
        // A body's queue (routeTo): by its name, in the editor's language; "none" takes it out.
        return (
          <Select
            key={n.name}
            name={n.name}
            label={label(n.path)}
            defaultValue={n.value}
            options={[{ value: "", label: t("choiceNone") }, ...n.options.map((id) => ({ value: id, label: getBody(id)?.name[contentLocale(locale)] ?? id }))]}
          />
        );
      case "fixed":
        // A category's id once used: cases keep it (lib/content/kinds.ts fixedFields).
        return (
          <p key={n.name} className="mb-4">
            <span className="font-semibold">{label(n.path.slice(-1))}</span>{" "}
            <bdi dir="ltr" className="font-mono">
              {n.value}
            </bdi>{" "}
            <span className="text-muted">({t("fixedId")})</span>
          </p>
        );
      case "list":
        return (
          // A rule of the whole list (two categories with one id) is linked to and shown here.
          <section key={n.name} id={`content-${n.name}`} tabIndex={-1} aria-labelledby={`${n.name}-list`} className="mb-8">
            <h2 id={`${n.name}-list`} className="mb-3 text-2xl font-bold">
              {last(n.path)}
            </h2>
            <GroupError name={n.name} />
            {n.items.map((c) => render(c, depth + 1))}
            {n.addable ? (
              <Submit variant="secondary" name="_add" value={n.name}>
                {t("addItem", { list: label(n.path) })}
              </Submit>
            ) : null}
          </section>
        );
    }
  };

  return (
    // Keyed by the version it edits: after "add" or "remove" the page shows the new draft, and a
    // form kept by React would keep the old inputs (their default values are read only once).
    <Form key={from} action={saveDraftAction} id="content" hidden={{ kind, key: keyName, from: String(from) }} errors={["ContentEditing"]}>
      {/* First in the form: pressing Enter in a field saves, it does not add an item. */}
      <div className="mb-6">
        <Submit>{t("saveDraft")}</Submit>
      </div>
      {/* Only the lists' names matter here; the date in a new item is the action's. */}
      {formModel(data, lockedFields[kind], listTemplates(kind, ""), fixed, choiceFields(kind, data)).map((n) => render(n, 0))}
      <TextArea name="note" label={t("note")} rows={2} maxLength={500} />
      <Submit>{t("saveDraft")}</Submit>
    </Form>
  );
}
