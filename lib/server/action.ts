import "server-only";
import { assertCan, type Permission } from "@/lib/domain/roles";
import { randomUUID } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import type { AppLocale } from "@/lib/domain/money";
import { isAppError, type AppErrorCode } from "@/lib/errors";
import { requestLocale, translateError, translateFieldErrors, zodFieldErrors } from "@/lib/server/action-errors";

/**
 * Every server action goes through `defineAction`, so each one reads the same way:
 * authenticate → check the permission → parse the input with zod → run one use case → typed result.
 * Ownership ("is this my booking?") is checked inside the use case, after loading the row.
 *
 * The result never throws for what a user can cause: it carries a stable code and a message
 * (and field messages) already translated to the user's language.
 */
export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: AppErrorCode | "INTERNAL";
      message: string;
      fieldErrors?: Record<string, string[]>;
      requestId: string;
    };

export type ActionAccess =
  /** Anyone, also signed out (e.g. asking for a sign-in link). */
  | { kind: "public" }
  /** Any signed-in person; `allowIncompleteProfile` for the profile form itself. */
  | { kind: "user"; allowIncompleteProfile?: boolean }
  /** Signed in and holding this permission (the table in lib/domain/roles.ts). */
  | { kind: "permission"; permission: Permission };

type Context<I> = { input: I; requestId: string; now: Date };

export type ActionDefinition<S extends z.ZodType, T, U> = {
  /** Stable name: the authorization matrix test refers to it. */
  name: string;
  access: ActionAccess;
  input: S;
  run: (ctx: Context<z.output<S>> & { user: U }) => Promise<T>;
};

/**
 * Called directly with the input (`action(values)`), as a form's action (`action(formData)`), or
 * through React's useActionState (`action(previousState, formData)`): the last argument is the input.
 */
export type DefinedAction<T> = ((...args: [raw: unknown] | [previous: unknown, raw: unknown]) => Promise<ActionResult<T>>) & {
  actionName: string;
  access: ActionAccess;
};

type UserFor<A extends ActionAccess> = A extends { kind: "public" } ? SessionUser | null : SessionUser;

export function defineAction<S extends z.ZodType, T, A extends ActionAccess>(
  definition: { access: A } & ActionDefinition<S, T, UserFor<A>>,
): DefinedAction<T> {
  const action = async (...args: [unknown] | [unknown, unknown]): Promise<ActionResult<T>> => {
    const raw = args.length === 2 ? args[1] : args[0];
    const requestId = randomUUID();
    let locale: AppLocale = "sv";
    try {
      const user = await getSessionUser();
      locale = user?.locale ?? (await requestLocale());
      if (definition.access.kind !== "public") {
        if (!user) return failure("UNAUTHENTICATED", locale, requestId);
        if (definition.access.kind === "permission") assertCan(user, definition.access.permission);
        if (!user.profileComplete && !(definition.access.kind === "user" && definition.access.allowIncompleteProfile)) {
          return failure("PROFILE_INCOMPLETE", locale, requestId);
        }
      }
      const parsed = definition.input.safeParse(raw instanceof FormData ? formDataToObject(raw) : raw);
      if (!parsed.success) {
        return failure("INVALID_INPUT", locale, requestId, await translateFieldErrors(zodFieldErrors(parsed.error), locale));
      }
      const data = await definition.run({ input: parsed.data, user: user as UserFor<A>, requestId, now: new Date() });
      return { ok: true, data };
    } catch (error) {
      // redirect(), notFound() and forbidden() are Next.js control flow, not failures.
      unstable_rethrow(error);
      if (isAppError(error)) {
        const fields = error.fieldErrors ? await translateFieldErrors(error.fieldErrors, locale) : undefined;
        return failure(error.code, locale, requestId, fields, error.params);
      }
      // Not something the user did: a bug or an outage. Log it with the id the user sees.
      console.error(`[action ${definition.name}] request ${requestId} failed`, error);
      return failure("INTERNAL", locale, requestId);
    }
  };
  return Object.assign(action, { actionName: definition.name, access: definition.access });
}

async function failure(
  code: AppErrorCode | "INTERNAL",
  locale: AppLocale,
  requestId: string,
  fieldErrors?: Record<string, string[]>,
  params?: Record<string, string | number>,
): Promise<ActionResult<never>> {
  return { ok: false, code, message: await translateError(code, locale, { ...params, requestId }), fieldErrors, requestId };
}

/** Form fields to a plain object; repeated names become arrays, empty strings stay strings. */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue; // React's own fields for progressive enhancement
    const existing = out[key];
    out[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}
