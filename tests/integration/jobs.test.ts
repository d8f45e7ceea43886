import type PgBoss from "pg-boss";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startBoss, stopBoss } from "@/lib/jobs/boss";
import { SCHEDULE_TIME_ZONE, scheduledJobs, startScheduledJobs } from "@/lib/jobs/schedules";
import { purgeDeliveredOutbox } from "@/lib/server/maintenance/purge-delivered-outbox";
import { LONGEST_RATE_LIMIT_WINDOW_SECONDS, purgeExpiredSignInData } from "@/lib/server/maintenance/purge-expired-sign-in-data";

const now = new Date("2026-11-23T10:00:00.000Z");
const ms = (delta: number) => new Date(now.getTime() + delta);
const DAY = 24 * 60 * 60 * 1000;

describe("purgeExpiredSignInData", () => {
  beforeEach(async () => {
    await db.verificationToken.deleteMany();
    await db.rateLimitBucket.deleteMany();
  });

  it("deletes sign-in tokens that have expired and keeps one expiring exactly now", async () => {
    await db.verificationToken.createMany({
      data: [
        { identifier: "a@kommun.test", token: "expired-yesterday", expires: ms(-DAY) },
        { identifier: "a@kommun.test", token: "expired-1ms-ago", expires: ms(-1) },
        { identifier: "b@kommun.test", token: "expires-now", expires: now },
        { identifier: "b@kommun.test", token: "expires-later", expires: ms(30 * 60 * 1000) },
      ],
    });
    const result = await purgeExpiredSignInData(db, now);
    expect(result.verificationTokens).toBe(2);
    const left = await db.verificationToken.findMany({ orderBy: { token: "asc" } });
    expect(left.map((t) => t.token)).toEqual(["expires-later", "expires-now"]);
  });

  it("deletes rate-limit buckets whose longest possible window has ended, and no others", async () => {
    const longest = LONGEST_RATE_LIMIT_WINDOW_SECONDS * 1000;
    await db.rateLimitBucket.createMany({
      data: [
        { key: "sign-in:ip:1", windowStart: ms(-longest - 15 * 60 * 1000), count: 3 },
        { key: "sign-in:ip:1", windowStart: ms(-longest), count: 1 }, // its window ends exactly now
        { key: "sign-in:ip:1", windowStart: ms(-longest + 1), count: 2 }, // still open for 1 ms
        { key: "sign-in:email:a@kommun.test", windowStart: ms(-15 * 60 * 1000), count: 5 },
        { key: "sign-in:email:a@kommun.test", windowStart: now, count: 1 },
      ],
    });
    const result = await purgeExpiredSignInData(db, now);
    expect(result).toEqual({ verificationTokens: 0, rateLimitBuckets: 2 });
    const left = await db.rateLimitBucket.findMany({ orderBy: { windowStart: "asc" } });
    expect(left.map((b) => b.windowStart.getTime() - now.getTime())).toEqual([-longest + 1, -15 * 60 * 1000, 0]);
  });
});

describe("purgeDeliveredOutbox", () => {
  beforeEach(() => db.outboxMessage.deleteMany());

  it("deletes e-mails sent more than 90 days ago and keeps everything else", async () => {
    const message = (label: string, status: "PENDING" | "SENDING" | "SENT" | "FAILED", sentAt: Date | null) => ({
      toEmail: `${label}@kommun.test`,
      template: "magic-link",
      payload: {},
      status,
      sentAt,
      createdAt: ms(-200 * DAY),
    });
    await db.outboxMessage.createMany({
      data: [
        message("sent-91-days-ago", "SENT", ms(-91 * DAY)),
        message("sent-90-days-and-1ms-ago", "SENT", ms(-90 * DAY - 1)),
        message("sent-exactly-90-days-ago", "SENT", ms(-90 * DAY)),
        message("sent-yesterday", "SENT", ms(-DAY)),
        message("failed-long-ago", "FAILED", null),
        message("pending-long-ago", "PENDING", null),
        message("sending-long-ago", "SENDING", null),
      ],
    });
    expect(await purgeDeliveredOutbox(db, now)).toEqual({ outboxMessages: 2 });
    const left = await db.outboxMessage.findMany({ orderBy: { toEmail: "asc" } });
    expect(left.map((m) => m.toEmail.replace("@kommun.test", ""))).toEqual([
      "failed-long-ago",
      "pending-long-ago",
      "sending-long-ago",
      "sent-exactly-90-days-ago",
      "sent-yesterday",
    ]);
  });
});

describe("pg-boss with two workers on one database", () => {
  const bosses: PgBoss[] = [];
  const quiet = () => undefined;
  const errors: string[] = []; // pg-boss's error events (e.g. a deadlock while polling)
  // Short intervals keep the test fast: fetch every 0.5 s, check the cron schedules every second.
  const start = async () => {
    const boss = await startBoss(process.env.DATABASE_URL!, {
      log: (line) => errors.push(line),
      poolSize: 3,
      pollingIntervalSeconds: 0.5,
      cronMonitorIntervalSeconds: 1,
      cronWorkerIntervalSeconds: 1,
    });
    bosses.push(boss);
    return boss;
  };
  const sleep = (msToWait: number) => new Promise((r) => setTimeout(r, msToWait));
  const waitFor = async (condition: () => boolean, timeoutMs: number) => {
    const until = Date.now() + timeoutMs;
    while (!condition() && Date.now() < until) await sleep(100);
  };
  // An every-minute schedule legitimately runs again in the next minute: stay inside one.
  const awayFromMinuteEnd = async (secondsNeeded: number) => {
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 60_000 - secondsNeeded * 1000) await sleep(60_000 - intoMinute + 200);
  };

  afterAll(async () => {
    await Promise.all(bosses.map((boss) => stopBoss(boss, 2_000)));
  });

  it("runs a scheduled slot once although both workers schedule and work it", async () => {
    await awayFromMinuteEnd(20);
    const runs: string[] = [];
    const jobs = [
      {
        name: "test-every-minute",
        cron: "* * * * *",
        run: async (_db: unknown, at: Date) => {
          runs.push(at.toISOString());
          return { ran: 1 };
        },
      },
    ];
    const [a, b] = await Promise.all([start(), start()]);
    await Promise.all([startScheduledJobs(a!, db, { jobs, log: quiet }), startScheduledJobs(b!, db, { jobs, log: quiet })]);

    await waitFor(() => runs.length > 0, 10_000);
    expect(runs).toHaveLength(1);
    // Both clocks keep looking at the schedule every second; the slot is already taken.
    await sleep(3_500);
    expect(runs).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it("does a job sent twice with one singleton key once, and each other job once, across both workers", async () => {
    await awayFromMinuteEnd(5); // both sends in one 60-second singleton slot
    const [a, b] = bosses.length >= 2 ? bosses : await Promise.all([start(), start()]);
    const name = "test-singleton";
    await a!.createQueue(name);
    const first = await a!.send(name, { pm: "pm1" }, { singletonKey: "reminder:pm1", singletonSeconds: 60 });
    const second = await b!.send(name, { pm: "pm1" }, { singletonKey: "reminder:pm1", singletonSeconds: 60 });
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    for (let i = 0; i < 10; i++) await a!.send(name, { pm: `other-${i}` });

    const handled: string[] = [];
    const handler = async (batch: PgBoss.Job<{ pm: string }>[]) => {
      for (const job of batch) handled.push(job.data.pm);
    };
    await a!.work(name, { batchSize: 2 }, handler);
    await b!.work(name, { batchSize: 2 }, handler);
    await waitFor(() => handled.length >= 11, 10_000);
    await sleep(1_000);
    expect(handled.sort()).toEqual(["pm1", ...Array.from({ length: 10 }, (_, i) => `other-${i}`)].sort());
  });

  it("registers every job of the registry with its cron in Stockholm time", async () => {
    const boss = bosses[0] ?? (await start());
    // The purge tests above are done, so a real purge firing now (at hh:00) would not disturb them.
    await startScheduledJobs(boss, db, { log: quiet });
    const schedules = (await boss.getSchedules()) as unknown as { name: string; cron: string; timezone: string }[];
    expect(schedules.filter((s) => !s.name.startsWith("test-"))).toEqual(
      scheduledJobs.map((job) => expect.objectContaining({ name: job.name, cron: job.cron, timezone: SCHEDULE_TIME_ZONE })),
    );
  });
});
