/** The demo's fixed content. The README's sign-in table is this list. */
import type { Role } from "@/lib/generated/prisma/enums";

export const DEMO_WORKSHOP_SLUG = "forbattringsverkstad-2026-27";
export const DRAFT_WORKSHOP_SLUG = "forbattringsverkstad-2027-28";

export type DemoUser = { email: string; name: string; title: string; roles: Role[]; organisation: string | null; locale?: "sv" | "en" };

export const MEMBER_MUNICIPALITIES = [
  "Borås stad",
  "Bollebygds kommun",
  "Herrljunga kommun",
  "Marks kommun",
  "Svenljunga kommun",
  "Tranemo kommun",
  "Ulricehamns kommun",
  "Vårgårda kommun",
  "Alingsås kommun",
  "Gislaveds kommun",
] as const;

export const INTEREST_ORGANISATIONS = ["Brukarrådet Sjuhärad (demo)", "Anhörigföreningen Sjuhärad (demo)"] as const;

export const DEMO_USERS: DemoUser[] = [
  { email: "admin@verkstad.test", name: "Maria Lind", title: "Administratör", roles: ["ADMIN"], organisation: null },
  { email: "samordnare@verkstad.test", name: "Angela Berg", title: "Samordnare", roles: ["COORDINATOR"], organisation: null },
  { email: "handledare@verkstad.test", name: "Per Holm", title: "Handledare, FoU", roles: ["SUPERVISOR"], organisation: null },
  { email: "chef.boras@verkstad.test", name: "Karin Sjöberg", title: "Enhetschef", roles: ["ORDERER", "PARTICIPANT"], organisation: "Borås stad" },
  { email: "deltagare1@verkstad.test", name: "Sara Nyström", title: "Processledare", roles: ["PARTICIPANT"], organisation: "Borås stad" },
  { email: "deltagare2@verkstad.test", name: "Johan Ek", title: "Verksamhetsutvecklare", roles: ["PARTICIPANT"], organisation: "Marks kommun" },
  { email: "deltagare3@verkstad.test", name: "Leila Haddad", title: "Förbättringsledare", roles: ["PARTICIPANT"], organisation: "Ulricehamns kommun" },
  { email: "deltagare4@verkstad.test", name: "Emma Karlsson", title: "Metodutvecklare", roles: ["PARTICIPANT"], organisation: "Tranemo kommun" },
  { email: "deltagare5@verkstad.test", name: "Ahmed Ali", title: "Socialsekreterare", roles: ["PARTICIPANT"], organisation: "Borås stad" },
  { email: "deltagare6@verkstad.test", name: "Lena Björk", title: "Samordnare brukarinflytande", roles: ["PARTICIPANT"], organisation: "Brukarrådet Sjuhärad (demo)" },
  { email: "deltagare7@verkstad.test", name: "Oskar Lund", title: "Kvalitetsutvecklare", roles: ["PARTICIPANT"], organisation: "Bollebygds kommun" },
  { email: "participant.en@verkstad.test", name: "Nora Quinn", title: "Quality developer", roles: ["PARTICIPANT"], organisation: "Vårgårda kommun", locale: "en" },
];
