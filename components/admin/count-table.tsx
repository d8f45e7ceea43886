import type { ReactNode } from "react";
import { TableRegion, td, th } from "./table-region";

type Props = {
  captionId: string;
  caption: ReactNode;
  labelColumn: string;
  countColumn: string;
  rows: { key: string; label: ReactNode; count: number }[];
  /** A summing row at the foot, when the counts add up to something meaningful. */
  total?: { label: string; count: number };
  className?: string;
};

/** A two-column table of labelled counts (people per role, events per kind, PMs per status). */
export function CountTable({ captionId, caption, labelColumn, countColumn, rows, total, className }: Props) {
  return (
    <TableRegion captionId={captionId} className={className}>
      <table className="w-full border-collapse text-base">
        <caption id={captionId} className="px-3 py-2 text-left font-semibold">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col" className={th}>
              {labelColumn}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {countColumn}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, label, count }) => (
            <tr key={key}>
              <th scope="row" className={`${td} text-left font-normal`}>
                {label}
              </th>
              <td className={`${td} text-right tabular-nums`}>{count}</td>
            </tr>
          ))}
        </tbody>
        {total && (
          <tfoot>
            <tr>
              <th scope="row" className={`${td} text-left`}>
                {total.label}
              </th>
              <td className={`${td} text-right font-semibold tabular-nums`}>{total.count}</td>
            </tr>
          </tfoot>
        )}
      </table>
    </TableRegion>
  );
}
