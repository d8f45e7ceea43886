/**
 * Texts that become part of an issued invoice or credit note. They are document content, not
 * interface: the e-invoice goes to a Swedish buyer's system and is kept as issued, so they are
 * Swedish whatever language the person issuing it reads.
 */
export const documentTexts = {
  /** BT-20. */
  paymentTerms: (days: number) => `${days} dagar netto`,
  /** BT-127: who the line is for. */
  participant: (name: string) => `Deltagare: ${name}`,
  /** An invoice line for a booking cancelled late, charged at the share the seller keeps. */
  chargedShare: (description: string, percent: number) => `${description} (sen avbokning: ${percent} % av priset)`,
  /** BT-22 of a consolidated invoice. */
  consolidatedNote: (workshop: string) => `Samlingsfaktura: ${workshop}`,
  /** BT-22 of a credit note for a cancelled booking. */
  creditReason: (input: { description: string; participant: string; percent: number }) =>
    input.percent === 100
      ? `Avbokning: ${input.description}, ${input.participant}`
      : `Sen avbokning: ${input.description}, ${input.participant}. ${input.percent} % av priset krediteras.`,
  /** An upgrade credit line: a lecture already paid, deducted from the package. */
  upgradeCredit: (description: string) => `Avgår: ${description} (redan betald, uppgradering till hela verkstaden)`,
} as const;
