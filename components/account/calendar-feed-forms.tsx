"use client";

import { useActionState } from "react";
import { createCalendarFeedAction, revokeCalendarFeedAction } from "@/app/_actions/calendar-feed";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import type { ActionResult } from "@/lib/server/action";

type Texts = {
  status: string;
  create: string;
  creating: string;
  created: string;
  urlLabel: string;
  urlHint: string;
  webcal: string;
  revoke: string;
  revoking: string;
  revokeHint: string;
  revoked: string;
  errorHeading: string;
};

type State =
  | { intent: "create"; result: ActionResult<{ url: string; webcalUrl: string }> }
  | { intent: "revoke"; result: ActionResult<{ revoked: number }> }
  | null;

/**
 * Making a link shows it this once, in a read-only field that selects itself for copying, with a
 * webcal:// link for calendar apps; "Sluta dela" stops it. The outcome is said in a status region
 * that stays mounted, so screen readers hear it.
 */
export function CalendarFeedForms({ live, texts }: { live: boolean; texts: Texts }) {
  const [state, dispatch] = useActionState<State, FormData>(async (_previous, form) => {
    if (form.get("intent") === "revoke") return { intent: "revoke", result: await revokeCalendarFeedAction({}) };
    return { intent: "create", result: await createCalendarFeedAction({}) };
  }, null);
  const created = state?.intent === "create" && state.result.ok ? state.result.data : null;
  const revoked = state?.intent === "revoke" && state.result.ok;

  return (
    <div className="mt-4">
      <div role="status" className="empty:hidden">
        {created && <p className="rounded border-l-4 border-gathering bg-gathering-soft p-4 font-semibold">{texts.created}</p>}
        {revoked && <p className="rounded border-l-4 border-gathering bg-gathering-soft p-4 font-semibold">{texts.revoked}</p>}
      </div>
      {state && !state.result.ok && <FormMessage state={state.result} heading={texts.errorHeading} />}
      {created ? (
        <div className="mt-4">
          <label htmlFor="calendar-feed-url" className="block font-semibold">
            {texts.urlLabel}
          </label>
          <p id="calendar-feed-url-hint" className="text-base text-muted">
            {texts.urlHint}
          </p>
          <input
            id="calendar-feed-url"
            type="text"
            readOnly
            value={created.url}
            aria-describedby="calendar-feed-url-hint"
            onFocus={(event) => event.currentTarget.select()}
            className="mt-2 w-full rounded border border-line bg-surface p-2 font-mono text-base"
          />
          <p className="mt-2">
            <a href={created.webcalUrl}>{texts.webcal}</a>
          </p>
        </div>
      ) : (
        !revoked && <p className="mt-2">{texts.status}</p>
      )}
      <div className="mt-4 flex flex-wrap items-start gap-4">
        <form action={dispatch}>
          <input type="hidden" name="intent" value="create" />
          <SubmitButton pendingText={texts.creating}>{texts.create}</SubmitButton>
        </form>
        {(live || created) && !revoked && (
          <form action={dispatch}>
            <input type="hidden" name="intent" value="revoke" />
            <button type="submit" className="button-secondary" aria-describedby="calendar-feed-revoke-hint">
              {texts.revoke}
            </button>
            <p id="calendar-feed-revoke-hint" className="mt-1 text-base text-muted">
              {texts.revokeHint}
            </p>
          </form>
        )}
      </div>
    </div>
  );
}
