/**
 * Renders queued e-mails (OutboxMessage.template + payload) to subject, text and HTML in the
 * recipient's language. Texts live in messages/emails.{sv,en}.json. No server-only imports: the
 * delivery worker runs outside Next.js.
 */
import type { AbstractIntlMessages } from "next-intl";
import { formatSek } from "@/lib/domain/money";
import { formatStockholmDate, formatStockholmTime } from "@/lib/domain/time";
import { looseTranslator } from "@/lib/i18n/loose-translator";
import en from "@/messages/emails.en.json";
import sv from "@/messages/emails.sv.json";

export type EmailTemplates = {
  "magic-link": { url: string; expiresMinutes: number };
  "role-granted": { role: string; grantedBy: string; url?: string };
  "booking-received": { reference: string; workshop: string; sessions: string; people: string; totalInclVatOre: number; holdExpiresAt: string };
  "booked-by-colleague": { bookedBy: string; workshop: string; sessions: string; invited: "yes" | "no" };
};
export type TemplateName = keyof EmailTemplates;
export type RenderedEmail = { subject: string; text: string; html: string };

const MESSAGES: Record<"sv" | "en", AbstractIntlMessages> = { sv, en };

const escapeHtml = (s: string) =>
  s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

export function isTemplateName(name: string): name is TemplateName {
  return name === "magic-link" || name === "role-granted" || name === "booking-received" || name === "booked-by-colleague";
}

export function renderEmail(template: string, payload: unknown, locale: "sv" | "en", appUrl: string): RenderedEmail {
  if (!isTemplateName(template)) throw new Error(`Unknown e-mail template ${template}`);
  const t = looseTranslator(locale, MESSAGES[locale]);
  const params = (payload ?? {}) as Record<string, string | number>;
  const values: Record<string, string | number> = { ...params };
  if (template === "role-granted" && typeof params.role === "string" && t.has(`roles.${params.role}`)) {
    values.role = t(`roles.${params.role}`);
  }
  if (template === "booking-received") {
    values.total = formatSek(Number(params.totalInclVatOre ?? 0), locale);
    const holdExpires = new Date(String(params.holdExpiresAt));
    values.holdExpires = `${formatStockholmDate(holdExpires, locale)} ${formatStockholmTime(holdExpires, locale)}`;
  }
  const link = String(params.url ?? appUrl);
  const subject = t(`${template}.subject`, values);
  const paragraphs = [t(`${template}.greeting`, values), t(`${template}.body`, values)];
  const after = [t(`${template}.ignore`, values), t("signature")];
  const text = [...paragraphs, `${t(`${template}.action`, values)}: ${link}`, ...after].join("\n\n");
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a">
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
<p><a href="${escapeHtml(link)}" style="color:#0b4f8a">${escapeHtml(t(`${template}.action`, values))}</a></p>
${after.map((p) => `<p>${escapeHtml(p).replaceAll("\n", "<br>")}</p>`).join("\n")}
</body></html>`;
  return { subject, text, html };
}
