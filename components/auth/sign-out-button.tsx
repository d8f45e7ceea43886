"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

/** Signs out through next-auth (its CSRF-protected POST) and lands on the calendar in the page's language. */
export function SignOutButton({ label, pendingLabel, callbackUrl }: { label: string; pendingLabel: string; callbackUrl: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className="link-button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl });
      }}
    >
      {pending ? pendingLabel : label}
    </button>
  );
}
