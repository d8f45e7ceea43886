import { expect, test } from "@playwright/test";
import { countSignInLinks, demoSignIn, openSignInLinkFromCapturedMail, requestSignInLink, signOut } from "./support/auth";
import { expectNoAxeViolations } from "./support/axe";
import { query } from "./support/database";

test.describe.configure({ mode: "serial" });

const email = `ny.${Date.now()}@kommun.test`;
const name = "Nils Nyberg";

test("a new person signs in by e-mail link, completes the profile in Swedish, switches to English and signs out", async ({ page }) => {
  await page.goto("/logga-in");
  await expectNoAxeViolations(page);
  await requestSignInLink(page, email);
  await expectNoAxeViolations(page);

  await openSignInLinkFromCapturedMail(page, email);
  // A first sign-in goes to the profile form before anything else.
  await expect(page).toHaveURL(/\/mitt-konto\?next=/);
  await expect(page.getByRole("heading", { level: 1, name: "Välkommen till Verkstad" })).toBeVisible();
  await expectNoAxeViolations(page);
  // Other pages wait until the profile is complete.
  await page.goto("/personuppgifter");
  await expect(page).toHaveURL(/\/mitt-konto\?next=%2Fpersonuppgifter/);

  // Sending it empty gives the errors in Swedish by each field.
  await page.getByRole("button", { name: "Spara och fortsätt" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Det gick inte att skicka" })).toContainText("Något i formuläret behöver rättas");
  await expect(page.getByLabel("Namn", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Fyll i fältet.").first()).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel("Namn", { exact: true }).fill(name);
  await page.getByLabel("Yrkestitel").fill("Enhetschef");
  const employer = page.getByRole("combobox", { name: "Arbetsgivare" });
  await employer.fill("boras");
  await page.getByRole("option", { name: /Borås stad/ }).click();
  await expect(employer).toHaveValue("Borås stad");
  await page.getByRole("button", { name: "Spara och fortsätt" }).click();
  await expect(page).toHaveURL(/\/personuppgifter$/);
  await expect(page.getByText(`Inloggad som ${name}`)).toBeVisible();

  const [user] = await query<{ id: string; name: string; locale: string; organisation: string }>(
    `select u.id, u.name, u.locale, o.name as organisation from "User" u join "Organisation" o on o.id = u."organisationId" where u.email = $1`,
    [email],
  );
  expect(user).toMatchObject({ name, locale: "sv", organisation: "Borås stad" });

  // The session cookie is HttpOnly and SameSite=Lax (Secure when the site is https).
  const session = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });

  // Switching language is remembered on the profile.
  await page.getByRole("button", { name: "In English" }).click();
  await expect(page).toHaveURL(/\/en\/privacy$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByText(`Signed in as ${name}`)).toBeVisible();
  await page.getByRole("link", { name: "My account" }).click();
  await expect(page.getByRole("radio", { name: "English" })).toBeChecked();
  await expectNoAxeViolations(page);
  expect((await query<{ locale: string }>(`select locale from "User" where email = $1`, [email]))[0]?.locale).toBe("en");

  await signOut(page);
  await expect(page).toHaveURL(/\/en$/);
  await expect(page.getByRole("link", { name: "My account" })).toHaveCount(0);

  const actions = await query<{ action: string }>(`select action from "AuditEvent" where "entityId" = $1 order by "createdAt", id`, [user!.id]);
  expect(actions.map((a) => a.action)).toEqual(["user.created", "auth.signed_in", "user.profile_completed", "user.locale_changed", "auth.signed_out"]);
});

test("an admin grants the coordinator role and the person then has the coordinator area", async ({ page }) => {
  await demoSignIn(page, "Maria Lind");
  await page.goto("/admin/personer");
  await expectNoAxeViolations(page);
  await page.getByRole("searchbox").first().fill(email);
  await page.getByRole("searchbox").first().press("Enter");
  await page.getByRole("button", { name: `Ge rollen Samordnare till ${name}` }).click();
  await expect(page.getByRole("button", { name: `Ta bort rollen Samordnare från ${name}` })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto("/admin/handelselogg");
  await expect(page.getByRole("table")).toContainText(email);
  await expectNoAxeViolations(page);
  await signOut(page);

  // The person signs in again (the e-mail about the new role is in the capture too) and has the area.
  const seen = await countSignInLinks(page, email);
  await requestSignInLink(page, email);
  await openSignInLinkFromCapturedMail(page, email, seen);
  const nav = page.getByRole("navigation", { name: /Huvudmeny|Main menu/ });
  await nav.getByRole("link", { name: /Samordning|Coordination/ }).click();
  await expect(page).toHaveURL(/\/(samordning|en\/coordination)$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  await expect(page.getByRole("heading", { name: /behörighet|access/ })).toHaveCount(0);
});

test("a participant gets the 403 page at a coordinator address, not a crash", async ({ page }) => {
  await demoSignIn(page, "Johan Ek");
  await expect(page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Samordning" })).toHaveCount(0);
  const response = await page.goto("/samordning");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "Du har inte behörighet till sidan" })).toBeVisible();
  await expectNoAxeViolations(page);
  const admin = await page.goto("/en/admin/people");
  expect(admin?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "You do not have access to this page" })).toBeVisible();
});

test("a signed-out visitor at a coordinator address is asked to sign in and comes back afterwards", async ({ page }) => {
  await page.goto("/samordning");
  await expect(page).toHaveURL(/\/logga-in\?callbackUrl=%2Fsamordning/);
  await page.getByRole("button", { name: /Logga in som Angela Berg/ }).click();
  await expect(page).toHaveURL(/\/samordning$/);
});
