/**
 * Background worker: delivers the e-mail outbox over SMTP (lib/mail/deliver.ts) and runs the
 * scheduled jobs of lib/jobs/schedules.ts through pg-boss (among them the card refunds to Stripe,
 * which reach the local fake Stripe when STRIPE_API_BASE is set). Run beside the app by scripts/serve.mjs;
 * any number of workers may run against one database (each scheduled slot still runs once).
 * With MAIL_CAPTURE=on (demo, development) it also runs the local SMTP capture, which keeps every
 * message in .data/mail so sign-in links work without a mail server.
 */
import path from "node:path";
import nodemailer from "nodemailer";
import { startSmtpCapture, type SmtpCapture } from "../lib/dev/smtp-capture";
import { startBoss, stopBoss } from "../lib/jobs/boss";
import { SCHEDULE_TIME_ZONE, scheduledJobs, startScheduledJobs } from "../lib/jobs/schedules";
import { deliverDueEmails } from "../lib/mail/deliver";
import { createPrismaClient } from "../lib/prisma-client";
import { readStripeSettings } from "../lib/stripe/settings";

const log = (line: string) => console.error(`[worker] ${line}`);
const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is not set");
const smtpPort = Number(process.env.SMTP_PORT ?? 1025);
const intervalMs = Number(process.env.OUTBOX_POLL_MS ?? 2000);

async function main() {
  let capture: SmtpCapture | null = null;
  if (process.env.MAIL_CAPTURE === "on" && process.env.APP_MODE !== "production") {
    const dir = path.resolve(process.env.MAIL_CAPTURE_DIR ?? ".data/mail");
    capture = await startSmtpCapture({ port: smtpPort, dir });
    log(`capturing e-mail on smtp://127.0.0.1:${capture.port} into ${path.relative(process.cwd(), dir)}`);
  }
  const db = createPrismaClient(url!, 2);
  const transport = nodemailer.createTransport({
    host: process.env.SMTP_HOST ?? "127.0.0.1",
    port: smtpPort,
    secure: process.env.SMTP_SECURE === "true",
    ignoreTLS: process.env.SMTP_SECURE !== "true" && (process.env.SMTP_HOST ?? "127.0.0.1") === "127.0.0.1",
    auth: process.env.SMTP_USER ? { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS ?? "" } : undefined,
  });
  const options = { from: process.env.MAIL_FROM ?? "Verkstad <noreply@verkstad.test>", appUrl: process.env.APP_URL ?? "http://localhost:3000" };

  let stopping = false;
  const stop = () => {
    stopping = true;
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  // Fails here, not at the first refund, when the Stripe settings are wrong.
  const stripe = readStripeSettings();
  log(`refunds go to ${stripe.apiBase ?? "Stripe"}${stripe.secretKey ? "" : " (STRIPE_SECRET_KEY not set: card refunds will fail)"}`);
  const boss = await startBoss(url!, { log });
  await startScheduledJobs(boss, db, { log });
  log(`scheduled jobs (${SCHEDULE_TIME_ZONE}): ${scheduledJobs.map((job) => `${job.name} "${job.cron}"`).join(", ")}`);
  log("delivering the e-mail outbox");
  while (!stopping) {
    try {
      const { sent, failed } = await deliverDueEmails(db, transport, options);
      if (sent || failed) log(`sent ${sent}, failed ${failed}`);
    } catch (error) {
      log(`delivery round failed: ${String(error)}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  await stopBoss(boss);
  transport.close();
  await db.$disconnect();
  await capture?.stop();
  log("stopped");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
