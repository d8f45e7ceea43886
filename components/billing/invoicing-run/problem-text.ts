/**
 * A run problem's code (lib/server/billing/invoicing-run.ts) in words, from the invoicingRun
 * namespace; a code without its own text reads "could not be created (CODE)".
 */
export function problemText(t: (key: string, values?: Record<string, string>) => string, has: (key: string) => boolean) {
  return (code: string): string => (has(`problems.${code}`) ? t(`problems.${code}`) : t("problems.other", { code }));
}
