import { requireUser } from "@/lib/auth/guards";
import { isAppError } from "@/lib/errors";
import { getPmAttachment } from "@/lib/server/pm/get-pm-attachment";

/**
 * GET /api/pm-attachments/<attachmentId>: a project PM's file, for the PM's participant, coordinators
 * and admins, and the supervisor assigned to the project; 404 for anyone else (as for an id that
 * does not exist), 401 when signed out. Always a download with the type detected at upload, never
 * sniffed and never cached on the way.
 */
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(_request: Request, context: { params: Promise<{ attachmentId: string }> }): Promise<Response> {
  try {
    const user = await requireUser();
    const { attachmentId } = await context.params;
    const file = await getPmAttachment(user, attachmentId);
    return new Response(file.body, {
      headers: {
        "Content-Type": file.mimeType,
        "Content-Disposition": contentDisposition(file.fileName),
        "Content-Length": String(file.body.byteLength),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (isAppError(error)) {
      const status = error.code === "UNAUTHENTICATED" ? 401 : 404;
      return new Response(null, { status, headers: { "Cache-Control": "no-store" } });
    }
    throw error;
  }
}

/** RFC 6266: an ASCII fallback name and the real one in UTF-8 (RFC 8187), e.g. "Projekt-PM å.pdf". */
function contentDisposition(fileName: string): string {
  const ascii = fileName.normalize("NFKD").replace(/[^\x20-\x7e]/g, "").replace(/["\\%]/g, "_") || "file";
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
