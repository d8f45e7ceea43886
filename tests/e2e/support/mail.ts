import { expect, type Locator, type Page } from "@playwright/test";

/**
 * The e-mail the worker sent, as the dev mail page lists it (the worker's SMTP capture received
 * it over real SMTP). The page shows each message's subject, addresses and plain text, newest
 * first; attachments are not listed, but the text says when a calendar file (.ics) is attached.
 */
export function mailPagePath(email: string, locale: "sv" | "en" = "sv"): string {
  return `${locale === "sv" ? "/utveckling/e-post" : "/en/dev/mail"}?to=${encodeURIComponent(email)}`;
}

/**
 * Waits until a message to the address with this subject (and, when given, this text) has arrived,
 * and returns it (the newest such message) on the open mail page. The capture folder outlives the
 * test database (.data/e2e-mail is not emptied between runs), so `since` leaves out what an
 * earlier run received: the message must have been sent at that instant or later.
 */
export async function capturedMail(
  page: Page,
  email: string,
  mail: { subject: string | RegExp; containing?: string | RegExp; since?: Date },
  locale: "sv" | "en" = "sv",
): Promise<Locator> {
  const find = () => {
    const messages = page.getByRole("article", { name: mail.subject });
    return (mail.containing ? messages.filter({ hasText: mail.containing }) : messages).first();
  };
  // The Date header has whole seconds.
  const since = mail.since ? Math.floor(mail.since.getTime() / 1000) * 1000 : null;
  await expect(async () => {
    await page.goto(mailPagePath(email, locale));
    await expect(find()).toBeVisible({ timeout: 250 });
    if (since !== null) {
      const sent = await find().locator("time[datetime]").first().getAttribute("datetime");
      expect(Date.parse(sent ?? ""), "when the newest such message was sent").toBeGreaterThanOrEqual(since);
    }
  }).toPass({ timeout: 20_000, intervals: [250, 500, 1000] });
  return find();
}
