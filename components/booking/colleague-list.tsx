"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { inputClass } from "@/components/forms/field";

export type ColleagueRow = { key: number; email: string };

type Props = {
  rows: ColleagueRow[];
  onChange: (rows: ColleagueRow[]) => void;
  /** Errors per row (by the row's key) and for the list as a whole, already translated. */
  rowErrors: Map<number, string[]>;
  listErrors: string[];
  organisationName: string | null;
  includeSelf: boolean;
  onIncludeSelfChange: (value: boolean) => void;
};

/**
 * "Boka åt kollegor": one e-mail address per row, rows added and removed with buttons. Adding a row
 * moves focus into it; removing one moves focus to the row before it (or to the add button), so
 * keyboard and screen reader users never lose their place.
 */
export function ColleagueList({ rows, onChange, rowErrors, listErrors, organisationName, includeSelf, onIncludeSelfChange }: Props) {
  const t = useTranslations("booking");
  const inputs = useRef(new Map<number, HTMLInputElement>());
  const addButton = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<number | "add" | null>(null);
  // Row keys only need to differ from each other; the form's first row has key 0.
  const lastKey = useRef(0);

  useEffect(() => {
    const target = focusNext.current;
    if (target === null) return;
    focusNext.current = null;
    if (target === "add") addButton.current?.focus();
    else inputs.current.get(target)?.focus();
  }, [rows]);

  function add() {
    lastKey.current = Math.max(lastKey.current, ...rows.map((r) => r.key)) + 1;
    const key = lastKey.current;
    focusNext.current = key;
    onChange([...rows, { key, email: "" }]);
  }

  function remove(index: number) {
    const before = rows[index - 1] ?? rows[index + 1];
    focusNext.current = before ? before.key : "add";
    onChange(rows.filter((_, i) => i !== index));
  }

  const hintId = "colleagues-hint";
  const listErrorId = listErrors.length ? "colleagues-error" : undefined;

  return (
    <fieldset className="grid gap-4 rounded-lg border border-line p-5 sm:p-6" aria-describedby={[hintId, listErrorId].filter(Boolean).join(" ")}>
      <legend className="px-1 text-xl font-bold">{t("colleaguesLegend")}</legend>
      <p id={hintId} className="max-w-prose text-base text-muted">
        {organisationName ? t("colleaguesHint", { organisation: organisationName }) : t("colleaguesHintNoOrganisation")}
      </p>
      {listErrorId && (
        <ul id={listErrorId} className="text-base font-semibold text-danger">
          {listErrors.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      {rows.length > 0 && (
        <ol className="grid gap-4">
          {rows.map((row, index) => {
            const id = `colleague-${row.key}`;
            const errors = rowErrors.get(row.key) ?? [];
            const errorId = errors.length ? `${id}-error` : undefined;
            return (
              <li key={row.key} className="grid gap-1.5">
                <label htmlFor={id} className="font-semibold">
                  {t("colleagueLabel", { number: index + 1 })}
                </label>
                {errorId && (
                  <ul id={errorId} className="text-base font-semibold text-danger">
                    {errors.map((m) => (
                      <li key={m}>{m}</li>
                    ))}
                  </ul>
                )}
                <div className="flex max-w-xl flex-wrap items-center gap-3">
                  <input
                    ref={(el) => {
                      if (el) inputs.current.set(row.key, el);
                      else inputs.current.delete(row.key);
                    }}
                    id={id}
                    name="participantEmails"
                    type="email"
                    // Someone else's address: not the reader's own, so no autofill of their e-mail (WCAG 1.3.5 is about one's own data).
                    autoComplete="off"
                    spellCheck={false}
                    maxLength={254}
                    value={row.email}
                    onChange={(e) => onChange(rows.map((r) => (r.key === row.key ? { ...r, email: e.target.value } : r)))}
                    aria-describedby={errorId}
                    aria-invalid={errors.length > 0}
                    className={`${inputClass} min-w-0 flex-1`}
                  />
                  <button type="button" className="button-secondary" onClick={() => remove(index)}>
                    {t.rich("removeColleague", {
                      number: index + 1,
                      hidden: (chunks) => <span className="sr-only">{chunks}</span>,
                    })}
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <div>
        <button ref={addButton} type="button" className="button-secondary" onClick={add}>
          {t("addColleague")}
        </button>
      </div>
      <div className="grid gap-1">
        <label className="flex items-start gap-3">
          <input
            type="checkbox"
            name="includeSelf"
            value="true"
            checked={includeSelf}
            onChange={(e) => onIncludeSelfChange(e.target.checked)}
            aria-describedby="include-self-hint"
            className="mt-1 size-5 shrink-0 accent-brand"
          />
          <span className="font-semibold">{t("includeSelf")}</span>
        </label>
        <p id="include-self-hint" className="ml-8 text-base text-muted">
          {t("includeSelfHint")}
        </p>
        {/* An unticked box sends nothing, and the booking would then take the default (yes). */}
        {!includeSelf && <input type="hidden" name="includeSelf" value="false" />}
      </div>
    </fieldset>
  );
}
