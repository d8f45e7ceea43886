import { TableRegion, td, th } from "@/components/admin/table-region";
import type { MeetingForm } from "@/lib/domain/supervision";
import { formatLocalDate } from "@/lib/domain/time";
import type { AppLocale } from "@/lib/i18n/routing";

type Meeting = { id: string; heldOn: string; form: MeetingForm; note: string };

/** Logged supervision meetings as a table: day, form, note (the note keeps its line breaks). */
export function MeetingTable({
  meetings,
  locale,
  captionId,
  texts,
}: {
  meetings: Meeting[];
  locale: AppLocale;
  captionId: string;
  texts: { caption: string; date: string; form: string; note: string; forms: Record<MeetingForm, string> };
}) {
  return (
    <TableRegion captionId={captionId}>
      <table className="w-full min-w-[36rem] border-collapse text-base">
        <caption id={captionId} className="px-3 py-2 text-left font-semibold">
          {texts.caption}
        </caption>
        <thead>
          <tr>
            <th scope="col" className={th}>
              {texts.date}
            </th>
            <th scope="col" className={th}>
              {texts.form}
            </th>
            <th scope="col" className={th}>
              {texts.note}
            </th>
          </tr>
        </thead>
        <tbody>
          {meetings.map((m) => (
            <tr key={m.id}>
              <th scope="row" className={`${td} whitespace-nowrap text-left font-normal`}>
                {formatLocalDate(m.heldOn, locale)}
              </th>
              <td className={td}>{texts.forms[m.form]}</td>
              <td className={`${td} whitespace-pre-line`}>{m.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
