"use client";

import { useActionState, useId } from "react";
import { changeRoleAction } from "@/app/_actions/admin";
import type { FormState } from "@/components/forms/form-state";
import type { RoleName } from "@/lib/domain/roles";

type Props = {
  userId: string;
  role: RoleName;
  /** Whether the person holds the role now; the button grants it if not, removes it if so. */
  held: boolean;
  /** Visible text, e.g. "Ge rollen Samordnare". */
  label: string;
  /** Read out after the label, e.g. "till Anna Andersson", so every button has its own name. */
  labelSuffix: string;
  pendingLabel: string;
  /** Said after a change, chosen by the state the page shows afterwards. */
  nowHeldMessage: string;
  nowNotHeldMessage: string;
  unchangedMessage: string;
};

/**
 * One role of one person, granted or removed with one button (a real form: it works before the
 * page's JavaScript has loaded). The server checks everything again (admin only, never the last
 * admin) and answers with a translated message, shown beside the button.
 */
export function RoleToggle({ userId, role, held, label, labelSuffix, pendingLabel, nowHeldMessage, nowNotHeldMessage, unchangedMessage }: Props) {
  const [state, formAction, pending] = useActionState<FormState<{ changed: boolean }>, FormData>(changeRoleAction, null);
  const errorId = useId();
  const error = state && !state.ok ? state.message : null;
  const done = state && state.ok ? (state.data.changed ? (held ? nowHeldMessage : nowNotHeldMessage) : unchangedMessage) : "";

  return (
    <form action={formAction}>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="role" value={role} />
      <input type="hidden" name="grant" value={held ? "false" : "true"} />
      {/* aria-disabled rather than disabled: a disabled button would drop the keyboard focus. */}
      <button
        type="submit"
        aria-disabled={pending}
        aria-describedby={error ? errorId : undefined}
        onClick={(event) => {
          if (pending) event.preventDefault();
        }}
        className={`inline-flex min-h-10 items-center rounded border-2 px-3 py-1 text-left text-base font-semibold aria-disabled:cursor-progress aria-disabled:opacity-75 ${
          held ? "border-danger bg-white text-danger hover:bg-danger-soft" : "border-brand bg-white text-brand hover:bg-brand-soft"
        }`}
      >
        {pending ? (
          pendingLabel
        ) : (
          <>
            {label}
            <span className="sr-only"> {labelSuffix}</span>
          </>
        )}
      </button>
      <span role="status" className="sr-only">
        {done}
      </span>
      {error && (
        <p id={errorId} role="alert" className="mt-1 text-base font-semibold text-danger">
          {error}
        </p>
      )}
    </form>
  );
}
