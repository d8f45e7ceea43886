/**
 * A local SMTP server for development and tests: it accepts every message over a real SMTP
 * conversation, parses it and keeps it (in memory, and as JSON files when a folder is given), so
 * the demo's sign-in links work without a mail server. Loopback only, no auth, no TLS.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type CapturedEmail = { id: string; messageId: string | null; from: string; to: string[]; subject: string; text: string; html: string | null; date: string };

export type SmtpCapture = { port: number; messages: CapturedEmail[]; stop(): Promise<void> };

export async function startSmtpCapture(options: { port?: number; dir?: string; reject?: () => string | null } = {}): Promise<SmtpCapture> {
  const messages: CapturedEmail[] = [];
  if (options.dir) fs.mkdirSync(options.dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      const problem = options.reject?.();
      callback(problem ? Object.assign(new Error(problem), { responseCode: 451 }) : undefined);
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) => a.value.map((v) => v.address ?? ""));
          const captured: CapturedEmail = {
            id: randomUUID(),
            messageId: mail.messageId ?? null,
            from: mail.from?.text ?? "",
            to,
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : null,
            date: (mail.date ?? new Date()).toISOString(),
          };
          messages.push(captured);
          if (options.dir) fs.writeFileSync(path.join(options.dir, `${captured.date.replaceAll(":", "-")}-${captured.id}.json`), JSON.stringify(captured, null, 2));
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { port, messages, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Captured messages in a folder, newest first (the dev-only mail page reads these). */
export function listCapturedEmails(dir: string): CapturedEmail[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .reverse()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as CapturedEmail);
}
