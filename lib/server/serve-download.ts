import "server-only";
import { assertCan, type Permission } from "@/lib/domain/roles";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import type { AppLocale } from "@/lib/domain/money";
import { AppError, isAppError } from "@/lib/errors";
import { requestLocale, translateError, translateFieldErrors, zodFieldErrors } from "@/lib/server/action-errors";
import { HTTP_STATUS } from "@/lib/server/http-status";
import { firstValues } from "@/lib/server/parse-search-params";
import { localeField } from "@/lib/validation/fields";

/** A generated file (CSV, Excel) to send as a download. */
export type DownloadFile = { fileName: string; contentType: string; body: Uint8Array<ArrayBuffer> };

type DownloadDefinition<S extends z.ZodType> = {
  /** "GET /api/…", for the log line of an unexpected failure. */
  route: string;
  /** The query parameter that picks the answer's language (sv|en); it is not part of the input. */
  localeParam: string;
  /** Signed in with this permission (lib/domain/roles.ts); without it any signed-in person (the use case checks more). */
  permission?: Permission;
  input: S;
  run: (user: SessionUser, input: z.output<S>, ctx: { now: Date; locale: AppLocale; requestId: string }) => Promise<DownloadFile>;
};

/**
 * An export route, the way an action reads (lib/server/action.ts): authenticate (401) → check the
 * permission (403) → complete profile (403) → parse the query with zod (400 with translated field
 * messages) → run one use case → the file. Anything else answers with its AppError's status and a
 * translated message in the asked language (else the person's own); a bug is logged with the id
 * the answer carries.
 */
export async function serveDownload<S extends z.ZodType>(request: Request, definition: DownloadDefinition<S>): Promise<Response> {
  const requestId = randomUUID();
  const { [definition.localeParam]: asked, ...query } = firstValues(Object.fromEntries(new URL(request.url).searchParams));
  const askedLocale = localeField.safeParse(asked);
  let locale: AppLocale = askedLocale.success ? askedLocale.data : await requestLocale();
  try {
    const user = await getSessionUser();
    if (!user) throw new AppError("UNAUTHENTICATED");
    if (!askedLocale.success) locale = user.locale;
    if (definition.permission) assertCan(user, definition.permission);
    if (!user.profileComplete) throw new AppError("PROFILE_INCOMPLETE");

    const parsed = definition.input.safeParse(query);
    if (!parsed.success) throw new AppError("INVALID_INPUT", undefined, zodFieldErrors(parsed.error));
    return downloadResponse(await definition.run(user, parsed.data, { now: new Date(), locale, requestId }));
  } catch (error) {
    if (!isAppError(error)) console.error(`[${definition.route}] request ${requestId} failed`, error);
    const code = isAppError(error) ? error.code : "INTERNAL";
    const fieldErrors = isAppError(error) && error.fieldErrors ? await translateFieldErrors(error.fieldErrors, locale) : undefined;
    const message = await translateError(code, locale, { ...(isAppError(error) ? error.params : {}), requestId });
    return Response.json({ ok: false, code, message, fieldErrors, requestId }, { status: HTTP_STATUS[code], headers: { "Cache-Control": "no-store" } });
  }
}

/** The file as an attachment, never cached on the way and never sniffed as another type. */
export function downloadResponse(file: DownloadFile): Response {
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      // The export file names are ASCII only (participantExport.fileNames, billingAdmin.fileNames), so no RFC 6266 filename* is needed.
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Content-Length": String(file.body.byteLength),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
