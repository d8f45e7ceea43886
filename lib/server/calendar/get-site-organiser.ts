import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";

export type SiteOrganiser = {
  name: string;
  orgNumber: string;
  email: string;
  phone: string | null;
  streetAddress: string;
  postalCode: string;
  city: string;
};

/**
 * The FoU unit behind this installation, named in the header and in the accessibility and
 * privacy texts. One deployment serves one organiser; the first one registered is it.
 * Cached per request because the layout and the page both ask.
 */
export const getSiteOrganiser = cache(async (): Promise<SiteOrganiser | null> => {
  return db.organiser.findFirst({
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { name: true, orgNumber: true, email: true, phone: true, streetAddress: true, postalCode: true, city: true },
  });
});
