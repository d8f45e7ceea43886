/**
 * Gap-free document numbers (mervärdesskattelagen: a serial number that identifies the invoice;
 * bokföringslagen: unbroken series). The number is taken inside the transaction that writes the
 * document: the series row is created if missing and incremented in one UPDATE, which holds its
 * row lock until the transaction ends. A concurrent issue waits for it; a rolled-back issue gives
 * its number back, as if it had never been taken. So numbers are never skipped and never shared.
 *
 * Take the number late in the transaction (after the document's data is loaded and checked): the
 * lock serialises every issue of the series until commit.
 *
 * No `server-only` here: scripts (benchmarks, sample files) issue documents with their own client.
 */
import { formatDocumentNumber, seriesFor, type DocumentKind } from "@/lib/domain/invoicing/numbering";
import type { LocalDate } from "@/lib/domain/time";
import type { Prisma } from "@/lib/generated/prisma/client";

export type TakenNumber = { series: string; number: number; displayNumber: string };

export async function takeDocumentNumber(tx: Prisma.TransactionClient, kind: DocumentKind, issueDate: LocalDate): Promise<TakenNumber> {
  const { code, prefix } = seriesFor(kind, issueDate);
  await tx.$executeRaw`
    insert into "NumberSeries" ("code", "prefix", "nextValue") values (${code}, ${prefix}, 1)
    on conflict ("code") do nothing`;
  const [row] = await tx.$queryRaw<{ taken: number; prefix: string }[]>`
    update "NumberSeries" set "nextValue" = "nextValue" + 1 where "code" = ${code}
    returning "nextValue" - 1 as "taken", "prefix"`;
  if (!row) throw new Error(`Number series ${code} could not be taken`);
  const number = Number(row.taken);
  return { series: code, number, displayNumber: formatDocumentNumber(row.prefix, number) };
}
