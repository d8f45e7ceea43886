import { expect, type Page } from "@playwright/test";

/**
 * Signing in the way people do: the e-mail link, fetched from the dev mail page that lists what
 * the worker's local SMTP capture received (the e-mail really travelled over SMTP).
 */
const LINK = /\/api\/auth\/callback\/email\?/;

function mailPage(email: string, locale: "sv" | "en"): string {
  return `${locale === "sv" ? "/utveckling/e-post" : "/en/dev/mail"}?to=${encodeURIComponent(email)}`;
}

/** How many sign-in links the capture holds for this address (to wait for the next one). */
export async function countSignInLinks(page: Page, email: string): Promise<number> {
  await page.goto(mailPage(email, "sv"));
  return page.getByRole("link", { name: LINK }).count();
}

/** Waits until more than `seenBefore` sign-in links have arrived for the address, then opens the newest. */
export async function openSignInLinkFromCapturedMail(page: Page, email: string, seenBefore = 0, locale: "sv" | "en" = "sv"): Promise<void> {
  await expect(async () => {
    await page.goto(mailPage(email, locale));
    expect(await page.getByRole("link", { name: LINK }).count()).toBeGreaterThan(seenBefore);
  }).toPass({ timeout: 20_000, intervals: [250, 500, 1000] });
  // The newest message is first.
  await page.getByRole("link", { name: LINK }).first().click();
}

export async function requestSignInLink(page: Page, email: string): Promise<void> {
  await page.goto("/logga-in");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByRole("button", { name: "Skicka inloggningslänk" }).click();
  await expect(page.getByRole("status")).toContainText("Titta i din e-post");
}

/** Demo and test mode: sign in as a seeded person by name (next-auth's demo provider). */
export async function demoSignIn(page: Page, name: string): Promise<void> {
  await page.goto("/logga-in");
  await page.getByRole("button", { name: new RegExp(`Logga in som ${name}`) }).click();
  await expect(page.getByRole("button", { name: /Logga ut|Sign out/ })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: /Logga ut|Sign out/ }).click();
  await expect(page.getByRole("link", { name: /Logga in|Sign in/ })).toBeVisible();
}
