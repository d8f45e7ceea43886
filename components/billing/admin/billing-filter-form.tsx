import { Field, inputClass } from "@/components/forms/field";

type Option = { value: string; label: string };
type Control = { id: string; describedBy: string | undefined; invalid: boolean };

type Props = {
  action: string;
  /** The list being filtered ("orders" …), sent again with the form. */
  kind: string;
  /** The form's accessible name, e.g. "Filtrera fakturor". */
  label: string;
  values: Record<string, string>;
  fieldErrors: Record<string, string[]>;
  labels: {
    status: string;
    allStatuses: string;
    workshop: string;
    allWorkshops: string;
    organisation: string;
    allOrganisations: string;
    q: string;
    qHint: string;
    from: string;
    to: string;
    dateHint: string;
    submit: string;
    clear: string;
  };
  /** No status filter for a list without statuses (credit notes). */
  statuses: Option[] | null;
  workshops: Option[];
  organisations: Option[];
  /** Where "clear the filter" goes; absent when nothing is filtered. */
  clearHref: string | null;
};

/**
 * The billing filter: a plain GET form (works without JavaScript, the address can be shared),
 * every control with a real label, its hint and its error message beside it.
 */
export function BillingFilterForm({ action, kind, label, values, fieldErrors, labels, statuses, workshops, organisations, clearHref }: Props) {
  const select = (name: string, all: string, options: Option[]) =>
    function SelectControl(c: Control) {
      // A value that is not among the options (a stale link) is still shown, so the form says what is filtered.
      const current = values[name] ?? "";
      const known = current === "" || options.some((o) => o.value === current);
      return (
        <select id={c.id} name={name} defaultValue={known ? current : ""} aria-describedby={c.describedBy} aria-invalid={c.invalid || undefined} className={inputClass}>
          <option value="">{all}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      );
    };
  const dateInput = (name: "from" | "to") =>
    function DateControl(c: Control) {
      return (
        <input
          id={c.id}
          name={name}
          type="text"
          inputMode="numeric"
          defaultValue={values[name] ?? ""}
          maxLength={10}
          autoComplete="off"
          aria-describedby={c.describedBy}
          aria-invalid={c.invalid || undefined}
          className={inputClass}
        />
      );
    };

  return (
    <form
      method="get"
      action={action}
      role="search"
      aria-label={label}
      className="mt-6 grid gap-4 rounded-lg border border-line bg-surface p-4 sm:grid-cols-2 sm:items-end sm:p-5 lg:grid-cols-3"
    >
      <input type="hidden" name="kind" value={kind} />
      {statuses && (
        <Field id="billing-status" label={labels.status} errors={fieldErrors.status}>
          {select("status", labels.allStatuses, statuses)}
        </Field>
      )}
      <Field id="billing-workshop" label={labels.workshop} errors={fieldErrors.workshopId}>
        {select("workshopId", labels.allWorkshops, workshops)}
      </Field>
      <Field id="billing-organisation" label={labels.organisation} errors={fieldErrors.organisationId}>
        {select("organisationId", labels.allOrganisations, organisations)}
      </Field>
      <Field id="billing-q" label={labels.q} hint={labels.qHint} errors={fieldErrors.q}>
        {(c) => (
          <input
            id={c.id}
            name="q"
            type="search"
            defaultValue={values.q ?? ""}
            maxLength={100}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={c.describedBy}
            aria-invalid={c.invalid || undefined}
            className={inputClass}
          />
        )}
      </Field>
      <Field id="billing-from" label={labels.from} hint={labels.dateHint} errors={fieldErrors.from}>
        {dateInput("from")}
      </Field>
      <Field id="billing-to" label={labels.to} hint={labels.dateHint} errors={fieldErrors.to}>
        {dateInput("to")}
      </Field>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 sm:col-span-full">
        <button type="submit" className="button-primary">
          {labels.submit}
        </button>
        {clearHref && <a href={clearHref}>{labels.clear}</a>}
      </div>
    </form>
  );
}
