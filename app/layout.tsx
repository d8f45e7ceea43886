import type { ReactNode } from "react";

/**
 * The <html> element lives in app/[locale]/layout.tsx, where the language is known. This root
 * layout exists only because app/not-found.tsx needs one.
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
