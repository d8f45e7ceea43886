"use client";

import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";

type Announce = (message: string) => void;

const AnnounceContext = createContext<Announce | null>(null);

/** The announcer of the surrounding ChangeStatus, if any. */
export function useAnnounceChange(): Announce | null {
  return useContext(AnnounceContext);
}

/**
 * Where the outcome of a change to a booking or a queue place is said. A change that goes through
 * takes its own form away (the booking moves to the cancelled ones, the offer becomes a booking),
 * so the form cannot say it: the message is shown here instead, above the bookings, and focus
 * moves to it (WCAG 4.1.3, 2.4.3) rather than being left on the page itself.
 */
export function ChangeStatus({ children }: { children: ReactNode }) {
  // A counter, so the same message twice in a row is still said (and focused) again.
  const [message, setMessage] = useState<{ text: string; n: number } | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const announce = useCallback<Announce>((text) => setMessage((m) => ({ text, n: (m?.n ?? 0) + 1 })), []);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  return (
    <AnnounceContext.Provider value={announce}>
      {/* Always there, so assistive technology already watches it when the text comes. */}
      <div
        ref={ref}
        role="status"
        tabIndex={-1}
        className={message ? "mt-8 max-w-prose rounded border-l-4 border-gathering bg-gathering-soft p-4 font-semibold" : "sr-only"}
      >
        {message?.text ?? ""}
      </div>
      {children}
    </AnnounceContext.Provider>
  );
}
