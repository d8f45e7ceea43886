import { exportParticipants, exportParticipantsInput } from "@/lib/server/exports/export-participants";
import { serveDownload } from "@/lib/server/serve-download";

/**
 * GET /api/exports/participants?scope=session|workshop|organisation&id=<sessionRef|workshopId|organisationId>
 * &format=csv|xlsx[&workshopId=<id> for an organisation][&lang=sv|en]: participants as a file to
 * download. Coordinators and admins any scope; an orderer their own organisation only (another
 * organisation answers 404, another scope 403); 401 when signed out; 400 with translated field
 * messages for a bad query; a draft workshop or session is 404. Each export is audited.
 */
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return serveDownload(request, {
    route: "GET /api/exports/participants",
    localeParam: "lang",
    input: exportParticipantsInput,
    run: (user, input, { now, locale, requestId }) => exportParticipants(user, input, now, { locale, requestId }),
  });
}
