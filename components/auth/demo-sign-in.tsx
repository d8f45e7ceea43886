"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

type Person = { email: string; name: string; roleNames: string };

/** Demo and test mode only: sign in as a seeded person without e-mail (next-auth's "demo" provider). */
export function DemoSignIn({ people, callbackUrl, buttonLabel, failedText }: { people: Person[]; callbackUrl: string; buttonLabel: string; failedText: string }) {
  const [pending, setPending] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  return (
    <>
      {failed && (
        <p role="alert" className="mt-3 font-semibold text-danger">
          {failedText}
        </p>
      )}
      <ul className="mt-4 grid gap-2 sm:grid-cols-2">
        {people.map((person) => (
          <li key={person.email}>
            <button
              type="button"
              className="button-secondary w-full justify-start text-left"
              disabled={pending !== null}
              onClick={async () => {
                setPending(person.email);
                setFailed(false);
                const result = await signIn("demo", { email: person.email, callbackUrl, redirect: false });
                if (result?.ok && !result.error) {
                  window.location.assign(result.url ?? callbackUrl);
                } else {
                  setFailed(true);
                  setPending(null);
                }
              }}
            >
              <span>
                <span className="block">
                  <span className="sr-only">{buttonLabel.replace("{name}", "")}</span>
                  {person.name}
                </span>
                <span className="block text-sm font-normal text-muted">{person.roleNames}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
