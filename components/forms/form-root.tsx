"use client";
import { createContext, use, useActionState, useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useForm, type FieldErrors, type Resolver, type UseFormRegister } from "react-hook-form";
import { useLocale, useTranslations } from "next-intl";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { ActionResult } from "@/lib/safe-action";
import { validationError } from "@/lib/errors";
import { formDataToObject, type FormValues } from "@/lib/http/form-data";
import { outboxAvailable } from "@/lib/outbox/client/browser";
import { ErrorSummary, type SummaryError } from "@/components/ui/error-summary";
import { OutboxNotice } from "@/components/outbox/outbox-notice";
import { formSchemas, type FormSchemaName } from "./schemas";

// zod compiles a fast path with `new Function`, which the strict CSP (no 'unsafe-eval', ADR 0014)
// reports — and some schema modules parse their data as they load. So zod is told to interpret
// before any schema chunk loads: a form's few fields need no more. zod reads its settings from
// this global when it loads (zod/v4/core/core.js `globalConfig`); setting it here costs the page
// no zod at all until a schema is needed (importing zod's `config` brought 5 kB gz to every form
// page; a namespace import of the package, its forty locales). csp.spec fails if this stops working.
type ZodGlobal = { __zod_globalConfig?: { jitless?: boolean } };
if (typeof window !== "undefined") {
  const g = globalThis as ZodGlobal;
  g.__zod_globalConfig = { ...g.__zod_globalConfig, jitless: true };
}
import { useOutbox, type OutboxOptions } from "./use-outbox";
import type { UploadTarget } from "@/components/uploads/use-resumable-upload";

/**
 * The one form of the app (ADR 0018), on react-hook-form:
 * - without JavaScript it is a plain `<form action>` posting to its server action, which renders
 *   the errors and the values sent (useActionState);
 * - with it, the answers are checked on the phone first, by the zod schema the server action
 *   parses, on the very values the server would read (the form's FormData): the same messages, in
 *   the citizen's language, in the GOV.UK error summary (focused, announced) and on each field;
 *   nothing the citizen typed is ever cleared by an error;
 * - then the page calls the server action itself: its answer is shown, its redirect followed;
 * - a citizen submission goes through the outbox (`outbox`): offline, or without an answer, it
 *   waits on the phone under its idempotency key — and nothing invalid is ever queued.
 */
// Server actions of any result type: the form shows their errors, never their data.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FormAction = (prev: any, form: FormData) => Promise<ActionResult<any>>;
type Result = ActionResult<unknown>;

type FormContext = {
  idOf: (name: string) => string;
  errorOf: (name: string) => string | undefined;
  /** The answers were sent back (server errors, a change link): a box missing from them was unticked. */
  answered: boolean;
  valueOf: (name: string) => string | string[] | undefined;
  /** The props that bind a control: react-hook-form's registration, or just its name (a step form). */
  bind: (name: string) => ReturnType<UseFormRegister<FormValues>> | { name: string };
  busy: boolean;
  errorPrefix: string;
  /** Where the form's file fields send files in pieces (tus), when the form takes them so. */
  uploads: UploadTarget | null;
};

const Ctx = createContext<FormContext | null>(null);

export function useFormKit(): FormContext {
  const ctx = use(Ctx);
  if (!ctx) throw new Error("A form field outside <Form>");
  return ctx;
}

/** A redirect (or notFound) from the action: Next's router already follows it. */
function isNavigation(error: unknown): boolean {
  try {
    unstable_rethrow(error);
    return false;
  } catch {
    return true;
  }
}

const loaded = new Map<FormSchemaName, Promise<z.ZodType | null>>();
function loadSchema(name: FormSchemaName): Promise<z.ZodType | null> {
  let p = loaded.get(name);
  if (!p) {
    // Not loaded (an old cached page offline): the server checks the answers all the same.
    p = formSchemas[name]().catch(() => null) as Promise<z.ZodType | null>;
    loaded.set(name, p);
  }
  return p;
}

export type KitOptions = {
  action: FormAction;
  /** The schema its server action parses, by name (components/forms/schemas.ts). */
  schema?: FormSchemaName;
  /** Prefix of the fields' ids, when a page has several forms. */
  id?: string;
  hidden?: Record<string, string>;
  /** Answers to put back (a change link from a check page). */
  initialValues?: FormValues;
  /** The element an error names, when it is not the field's own id. */
  errorTargets?: Record<string, string>;
  outbox?: OutboxOptions;
  /** The schema's error paths as the form's field names (a nested payload, flat fields). */
  fieldOf?: (path: string) => string;
  /**
   * File fields send their files in pieces as soon as they are chosen (ADR 0020), as files of the
   * form's draft key (`draftKey`, or the outbox's idempotency key) that its server action lists.
   * Only for forms whose action reads the draft's uploads, not just the files posted.
   */
  uploads?: { userId: string; chunkBytes: number; draftKey?: string };
};

export type FormRootProps = KitOptions & {
  /** Shown when the action succeeds without leaving the page. */
  success?: ReactNode;
  className?: string;
  children: ReactNode;
};

/**
 * The kit as a hook, for a form whose page is more than fields (the municipal report's two
 * steps on one page): FormRoot is this hook and a <form>.
 */
export function useKitForm({ action, schema, id, hidden = {}, initialValues, errorTargets = {}, outbox, fieldOf = (p) => p, uploads }: KitOptions) {
  const t = useTranslations();
  const locale = useLocale();
  const formRef = useRef<HTMLFormElement>(null);
  const [actionState, formAction] = useActionState<Result | null, FormData>(action, null);
  // The answer of an action the page called itself, over the useActionState it was called beside
  // (the result of a post made before the page's JavaScript ran): a later one wins.
  const [direct, setDirect] = useState<{ result: Result | null; over: Result | null } | null>(null);
  const [failure, setFailure] = useState<"networkError" | "serverError" | null>(null);
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);
  const state = direct && direct.over === actionState ? direct.result : actionState;
  const failed = state && !state.ok ? state : null;

  const translate = useCallback(
    (key: string) => {
      const loose = t as unknown as ((k: string) => string) & { has: (k: string) => boolean };
      return loose.has(key) ? loose(key) : loose("Errors.codes.validation");
    },
    [t],
  );

  // The schema, run on what the form would send: the resolver react-hook-form calls.
  const resolver = useCallback<Resolver<FormValues>>(
    async () => {
      const form = formRef.current;
      const zod = schema ? await loadSchema(schema) : null;
      if (!form || !zod) return { values: {}, errors: {} };
      const raw = formDataToObject(new FormData(form));
      const parsed = zod.safeParse(raw);
      if (parsed.success) return { values: raw, errors: {} };
      const errors: FieldErrors<FormValues> = {};
      for (const [path, key] of Object.entries(validationError(parsed.error.issues).fields ?? {})) errors[fieldOf(path)] ??= { type: "schema", message: translate(key) };
      return { values: {}, errors };
    },
    // fieldOf is a plain function of the module that gives it
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [schema, translate],
  );
  const rhf = useForm<FormValues>({ resolver, mode: "onSubmit", reValidateMode: "onChange", shouldFocusError: false });
  const clientErrors = rhf.formState.errors;

  // The rules arrive with the page for a citizen's submission (ready before the phone loses the
  // network: nothing invalid is ever queued), and at the first touch for other forms (a page only
  // read costs no zod).
  const withRules = outbox !== undefined;
  useEffect(() => {
    if (schema && withRules) void loadSchema(schema);
  }, [schema, withRules]);
  const onFocus = useCallback(() => {
    if (schema) void loadSchema(schema);
  }, [schema]);

  const refused = t.has("Outbox.refused") ? t("Outbox.refused") : t("Errors.codes.validation");
  const box = useOutbox(outbox, locale, refused, { formRef, hasServerValues: failed !== null || initialValues !== undefined });

  const idOf = useCallback((name: string) => (id ? `${id}-${name}` : name), [id]);
  const uploadKey = uploads?.draftKey ?? box.key;
  const uploadTarget = useMemo<UploadTarget | null>(
    () => (uploads ? { userId: uploads.userId, chunkBytes: uploads.chunkBytes, draftKey: uploadKey } : null),
    [uploads?.userId, uploads?.chunkBytes, uploadKey], // eslint-disable-line react-hooks/exhaustive-deps
  );
  // The form's own id (an error that names no field links to it): unique on the page.
  const ownId = useId();
  const formDomId = id ? `${id}-form` : `form${ownId.replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const hiddenNames = useMemo(() => new Set([...Object.keys(hidden), "idempotencyKey", "kind", "formPath", "_form"]), [hidden]);

  // Field errors: the phone's check first, then the server's answer.
  const errors: Record<string, string> = {};
  for (const [name, message] of Object.entries(failed?.fieldErrors ?? {})) errors[name] = message;
  for (const [name, error] of Object.entries(clientErrors)) if (typeof error?.message === "string") errors[name] = error.message;
  const summary: SummaryError[] = Object.entries(errors).map(([name, message]) => ({ href: `#${errorTargets[name] ?? (hiddenNames.has(name) ? formDomId : idOf(name))}`, message }));
  if (failed && summary.length === 0) summary.push({ href: `#${formDomId}`, message: failed.message });
  if (failure) summary.push({ href: `#${formDomId}`, message: t(`Forms.${failure}`) });
  const values = failed?.values ?? initialValues ?? {};

  const send = useCallback(
    async (form: HTMLFormElement, data: FormData, viaOutbox: boolean) => {
      const withOutbox = viaOutbox && outbox !== undefined && outboxAvailable();
      const call = async (): Promise<"answered" | "navigating" | "noAnswer"> => {
        try {
          setDirect({ result: await action(state, data), over: actionState });
          return "answered";
        } catch (error) {
          // A redirect (done, or on to the next step): the router navigates.
          return isNavigation(error) ? "navigating" : "noAnswer";
        }
      };
      // Stored on this phone first; a refusal of the answers (422) is shown by the action itself.
      const queue = async () => {
        try {
          const sent = await box.viaOutbox(form);
          if (sent.outcome === "refused" && sent.status === 422 && (await call()) === "noAnswer") setFailure("serverError");
        } catch {
          setFailure("networkError"); // IndexedDB refused (private mode, a full disk)
        }
      };
      // Offline, a citizen's submission waits on this phone; anything else waits for the network.
      if (withOutbox && !navigator.onLine) return queue();
      if ((await call()) !== "noAnswer") return;
      // No answer about the submission (network error, 5xx, a proxy's page): the outbox keeps it
      // under the same key, so if the server did file it, the replay files nothing.
      if (withOutbox) return queue();
      setFailure(navigator.onLine ? "serverError" : "networkError");
    },
    [outbox, box, action, state, actionState],
  );

  /**
   * `outbox: false`: a step that only shows the answers back (it files nothing): it is sent
   * online or not at all, never kept for later.
   */
  const onSubmit = useCallback(
    (event: FormEvent<HTMLFormElement>, opts: { outbox?: boolean } = {}) => {
      event.preventDefault();
      if (sending.current) return; // a double click: the first one is on its way
      const form = event.currentTarget;
      // The button pressed says which step it is (a form with two buttons).
      const submitter = (event.nativeEvent as SubmitEvent).submitter;
      const data = new FormData(form, submitter instanceof HTMLButtonElement || submitter instanceof HTMLInputElement ? submitter : null);
      sending.current = true;
      setBusy(true);
      setFailure(null);
      setDirect({ result: null, over: actionState }); // the server's old errors go
      box.cancelDraftSave();
      box.resetStatus();
      // A button marked formNoValidate ("save for later", "remove") sends without the phone's check.
      if (submitter instanceof HTMLButtonElement && submitter.formNoValidate) {
        void send(form, data, opts.outbox !== false).finally(() => {
          sending.current = false;
          setBusy(false);
        });
        return;
      }
      void rhf
        .handleSubmit(
          () => send(form, data, opts.outbox !== false),
          () => undefined, // the summary shows what the phone found
        )()
        .finally(() => {
          sending.current = false;
          setBusy(false);
        });
    },
    [rhf, send, box, actionState],
  );

  const ctx = useMemo<FormContext>(
    () => ({
      idOf,
      errorOf: (name) => errors[name],
      valueOf: (name) => values[name],
      answered: failed !== null || initialValues !== undefined,
      bind: rhf.register,
      busy,
      errorPrefix: t("Forms.errorPrefix"),
      uploads: uploadTarget,
    }),
    // errors and values are rebuilt each render from the state above
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [idOf, JSON.stringify(errors), JSON.stringify(values), failed !== null || initialValues !== undefined, rhf.register, busy, t, uploadTarget],
  );

  /** Checks the answers on the phone (the schema), showing what it finds; true when they pass. */
  const validate = useCallback(async () => {
    setDirect({ result: null, over: actionState });
    return rhf.trigger();
  }, [rhf, actionState]);

  const hiddenInputs = (
    <>
      {outbox && !outbox.payload ? (
        <>
          <input type="hidden" name="idempotencyKey" value={box.key} />
          <input type="hidden" name="kind" value={outbox.kind} />
          <input type="hidden" name="formPath" value={outbox.formPath} />
        </>
      ) : null}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
  const summaryTitle = t("Errors.summaryTitle");
  return {
    ctx,
    state,
    values,
    busy,
    validate,
    /** The idempotency key of the submission being written (files uploaded under it). */
    key: box.key,
    outboxStatus: box.status,
    /** Spread on the <form>. */
    form: { id: formDomId, ref: formRef, action: formAction, onInput: box.onInput, onFocus, noValidate: true, tabIndex: -1 },
    onSubmit,
    hiddenInputs,
    summary: <ErrorSummary title={summaryTitle} errors={summary} />,
  };
}

export function KitProvider({ value, children }: { value: FormContext; children: ReactNode }) {
  return <Ctx value={value}>{children}</Ctx>;
}

export function FormRoot({ success, className, children, ...options }: FormRootProps) {
  const kit = useKitForm(options);
  return (
    <Ctx value={kit.ctx}>
      <form {...kit.form} onSubmit={(e) => kit.onSubmit(e)} className={className}>
        {kit.summary}
        {options.outbox ? <OutboxNotice status={kit.outboxStatus} /> : null}
        {kit.state?.ok && success ? (
          <p role="status" className="mb-4 border-s-4 border-success ps-3 font-semibold">
            {success}
          </p>
        ) : null}
        {kit.hiddenInputs}
        {children}
      </form>
    </Ctx>
  );
}

/**
 * A step of a wizard that only chooses where to go next (which body, which day): a plain GET
 * form, checked by the page it leads to, which renders it again with its errors. The same
 * fields, summary and words as every form.
 */
export function StepFormRoot({ action, id, errors = {}, values = {}, className, children }: { action: string; id?: string; errors?: Record<string, string>; values?: FormValues; className?: string; children: ReactNode }) {
  const t = useTranslations();
  const idOf = (name: string) => (id ? `${id}-${name}` : name);
  const ctx: FormContext = { idOf, errorOf: (name) => errors[name], valueOf: (name) => values[name], answered: Object.keys(values).length > 0, bind: (name) => ({ name }), busy: false, errorPrefix: t("Forms.errorPrefix"), uploads: null };
  return (
    <Ctx value={ctx}>
      <form method="get" action={action} className={className} noValidate>
        <ErrorSummary title={t("Errors.summaryTitle")} errors={Object.entries(errors).map(([name, message]) => ({ href: `#${idOf(name)}`, message }))} />
        {children}
      </form>
    </Ctx>
  );
}
