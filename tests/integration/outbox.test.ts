import nodemailer from "nodemailer";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSmtpCapture, type SmtpCapture } from "@/lib/dev/smtp-capture";
import { db, getDb } from "@/lib/db";
import { deliverDueEmails } from "@/lib/mail/deliver";
import { enqueueEmail } from "@/lib/server/mail/enqueue-email";

let capture: SmtpCapture;
let rejectNext = 0;
const transport = () => nodemailer.createTransport({ host: "127.0.0.1", port: capture.port, secure: false, ignoreTLS: true });
const options = { from: "Verkstad <noreply@verkstad.test>", appUrl: "http://localhost:3000", backoffBaseSeconds: 0 };

beforeAll(async () => {
  capture = await startSmtpCapture({ reject: () => (rejectNext-- > 0 ? "Mailbox temporarily unavailable" : null) });
});
afterAll(() => capture.stop());
beforeEach(async () => {
  capture.messages.length = 0;
  rejectNext = 0;
  await db.outboxMessage.deleteMany();
});

const magic = (to: string, locale: "sv" | "en" = "sv") =>
  ({ to, locale, template: "magic-link", params: { url: "http://localhost:3000/api/auth/callback/email?token=abc", expiresMinutes: 30 } }) as const;

describe("the e-mail outbox", () => {
  it("writes nothing when the transaction that queued the e-mail rolls back", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await enqueueEmail(tx, magic("rollback@kommun.test"));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.outboxMessage.count()).toBe(0);
    expect((await deliverDueEmails(getDb(), transport(), options)).sent).toBe(0);
    expect(capture.messages).toHaveLength(0);
  });

  it("delivers a committed e-mail over SMTP in the recipient's language, once", async () => {
    await db.$transaction(async (tx) => {
      await enqueueEmail(tx, magic("anna@kommun.test", "sv"));
      await enqueueEmail(tx, magic("nora@kommun.test", "en"));
    });
    expect(await deliverDueEmails(getDb(), transport(), options)).toEqual({ sent: 2, failed: 0 });
    const sv = capture.messages.find((m) => m.to.includes("anna@kommun.test"));
    const en = capture.messages.find((m) => m.to.includes("nora@kommun.test"));
    expect(sv?.subject).toBe("Logga in på Verkstad");
    expect(sv?.text).toContain("Länken fungerar en gång och i 30 minuter.");
    expect(sv?.text).toContain("http://localhost:3000/api/auth/callback/email?token=abc");
    expect(en?.subject).toBe("Sign in to Verkstad");
    expect(sv?.messageId).toMatch(/@verkstad\.outbox>$/);
    expect(await db.outboxMessage.count({ where: { status: "SENT", sentAt: { not: null } } })).toBe(2);
    // A second run finds nothing due.
    expect((await deliverDueEmails(getDb(), transport(), options)).sent).toBe(0);
    expect(capture.messages).toHaveLength(2);
  });

  it("queues a message with a dedupe key only once, also when queued concurrently", async () => {
    await Promise.all(
      [1, 2, 3, 4].map(() => db.$transaction((tx) => enqueueEmail(tx, { ...magic("once@kommun.test"), dedupeKey: "reminder:7d:pm1" }))),
    );
    await db.$transaction((tx) => enqueueEmail(tx, { ...magic("once@kommun.test"), dedupeKey: "reminder:7d:pm1" }));
    expect(await db.outboxMessage.count({ where: { dedupeKey: "reminder:7d:pm1" } })).toBe(1);
    await deliverDueEmails(getDb(), transport(), options);
    expect(capture.messages.filter((m) => m.to.includes("once@kommun.test"))).toHaveLength(1);
  });

  it("retries with backoff when the SMTP server refuses, and delivers once it accepts", async () => {
    await db.$transaction((tx) => enqueueEmail(tx, magic("retry@kommun.test")));
    rejectNext = 2;
    const slow = { ...options, backoffBaseSeconds: 60 };
    expect(await deliverDueEmails(getDb(), transport(), slow)).toEqual({ sent: 0, failed: 1 });
    let row = await db.outboxMessage.findFirstOrThrow();
    expect(row).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(row.lastError).toContain("temporarily unavailable");
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 50_000); // backoff: not due yet
    expect((await deliverDueEmails(getDb(), transport(), slow)).failed).toBe(0);

    await db.outboxMessage.updateMany({ data: { nextAttemptAt: new Date() } }); // time passes
    await deliverDueEmails(getDb(), transport(), slow);
    row = await db.outboxMessage.findFirstOrThrow();
    expect(row.attempts).toBe(2);
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 110_000); // doubled

    await db.outboxMessage.updateMany({ data: { nextAttemptAt: new Date() } });
    expect(await deliverDueEmails(getDb(), transport(), slow)).toEqual({ sent: 1, failed: 0 });
    expect(await db.outboxMessage.findFirstOrThrow()).toMatchObject({ status: "SENT", attempts: 3 });
    expect(capture.messages).toHaveLength(1);
  });

  it("gives up after the last attempt", async () => {
    await db.$transaction((tx) => enqueueEmail(tx, magic("never@kommun.test")));
    rejectNext = 100;
    for (let i = 0; i < 3; i++) {
      await db.outboxMessage.updateMany({ data: { nextAttemptAt: new Date() } });
      await deliverDueEmails(getDb(), transport(), { ...options, maxAttempts: 3 });
    }
    expect(await db.outboxMessage.findFirstOrThrow()).toMatchObject({ status: "FAILED", attempts: 3 });
  });

  it("several workers at once never send the same message twice", async () => {
    await db.$transaction(async (tx) => {
      for (let i = 0; i < 30; i++) await enqueueEmail(tx, magic(`p${i}@kommun.test`));
    });
    const workers = [1, 2, 3].map(() => deliverDueEmails(getDb(), transport(), { ...options, batchSize: 5 }));
    // Each worker keeps claiming until nothing is due.
    const loop = async (first: Promise<{ sent: number }>) => {
      let total = (await first).sent;
      for (;;) {
        const { sent } = await deliverDueEmails(getDb(), transport(), { ...options, batchSize: 5 });
        if (sent === 0) return total;
        total += sent;
      }
    };
    const totals = await Promise.all(workers.map(loop));
    expect(totals.reduce((a, b) => a + b, 0)).toBe(30);
    const recipients = capture.messages.flatMap((m) => m.to);
    expect(recipients).toHaveLength(30);
    expect(new Set(recipients).size).toBe(30);
  });
});
