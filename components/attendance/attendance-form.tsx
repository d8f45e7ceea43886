"use client";

import { useActionState, useEffect, useRef, type ReactNode } from "react";
import { recordAttendanceBatchAction } from "@/app/_actions/attendance";
import { FormMessage } from "@/components/forms/form-message";
import type { FormState } from "@/components/forms/form-state";

export type AttendanceFormRow = {
  participantId: string;
  name: string;
  /** The row's other cells (organisation, booking, needs, what is saved), rendered by the page. */
  cells: ReactNode;
  state: "present" | "absent" | "notRecorded";
};

export type AttendanceFormTexts = {
  caption: string;
  nameColumn: string;
  headers: string[];
  markColumn: string;
  /** Per row: "Närvaro för {name}". */
  legends: Record<string, string>;
  present: string;
  absent: string;
  save: string;
  saving: string;
  saved: string;
  hint: string;
  errorHeading: string;
};

type Result = { saved: number; unchanged: number };

/**
 * The attendance list of one session as ONE form: a Present/Absent radio group per person (a
 * fieldset whose legend names them) and a single save button. It is a plain form posting to a
 * server action, so it works before JavaScript has loaded (or without it). Nobody chosen means
 * "leave as it is", so a partial list (after a search) never overwrites the others.
 */
export function AttendanceForm({ sessionRef, rows, texts }: { sessionRef: string; rows: AttendanceFormRow[]; texts: AttendanceFormTexts }) {
  const [state, formAction, pending] = useActionState<FormState<Result>, FormData>(recordAttendanceBatchAction, null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state?.ok) statusRef.current?.focus();
  }, [state]);
  const fieldMessages = state && !state.ok ? Object.values(state.fieldErrors ?? {}).flat() : [];
  const th = "border-b-2 border-line bg-surface px-3 py-2 text-left align-bottom font-semibold";
  const td = "border-b border-line px-3 py-2 align-top";

  return (
    <form action={formAction} className="mt-6 grid gap-4">
      <FormMessage state={state} heading={texts.errorHeading} />
      {fieldMessages.length > 0 && (
        <ul className="font-semibold text-danger">
          {fieldMessages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      <p ref={statusRef} tabIndex={-1} role="status" className={state?.ok ? "rounded border-l-4 border-gathering bg-gathering-soft p-4 font-semibold" : "sr-only"}>
        {state?.ok ? texts.saved : ""}
      </p>
      <p id="attendance-hint" className="max-w-prose">
        {texts.hint}
      </p>
      <input type="hidden" name="sessionRef" value={sessionRef} />
      <div role="region" aria-labelledby="attendance-caption" tabIndex={0} className="overflow-x-auto rounded-lg border border-line">
        <table className="w-full min-w-[56rem] border-collapse text-base">
          <caption id="attendance-caption" className="px-3 py-2 text-left font-semibold">
            {texts.caption}
          </caption>
          <thead>
            <tr>
              <th scope="col" className={th}>
                {texts.nameColumn}
              </th>
              {texts.headers.map((h) => (
                <th key={h} scope="col" className={th}>
                  {h}
                </th>
              ))}
              <th scope="col" className={th}>
                {texts.markColumn}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.participantId}>
                <th scope="row" className={`${td} text-left`}>
                  {r.name}
                </th>
                {r.cells}
                <td className={td}>
                  <fieldset aria-describedby="attendance-hint">
                    <legend className="sr-only">{texts.legends[r.participantId]}</legend>
                    <div className="flex flex-wrap gap-x-4 gap-y-1">
                      {(["present", "absent"] as const).map((value) => (
                        <label key={value} className="inline-flex items-center gap-2">
                          <input
                            type="radio"
                            name={`mark.${r.participantId}`}
                            value={value}
                            defaultChecked={r.state === value}
                            className="size-5"
                          />
                          {texts[value]}
                        </label>
                      ))}
                    </div>
                  </fieldset>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div>
        <button
          type="submit"
          aria-disabled={pending}
          onClick={(event) => {
            if (pending) event.preventDefault();
          }}
          className="button-primary"
        >
          {pending ? texts.saving : texts.save}
        </button>
      </div>
    </form>
  );
}
