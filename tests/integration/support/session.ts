/**
 * The request around a server action or route handler, for integration tests that call the real
 * `app/_actions` and `app/api` exports: who is signed in, the request's headers and cookies, and
 * Next's cache. Outside `next start` there is no request scope, so each test file mocks the modules
 * that read it with the factories below (vi.mock is hoisted above imports, so it imports them lazily):
 *
 *   vi.mock("next-auth", async (original) => (await import("./support/session")).mockNextAuth(await original()));
 *   vi.mock("next/headers", async () => (await import("./support/session")).mockNextHeaders());
 *   vi.mock("next/cache", async (original) => (await import("./support/session")).mockNextCache(await original()));
 *
 * Then `signInAs(user)` / `signInAs(null)` decides what getServerSession answers, and every call
 * of headers() carries a new client IP in X-Forwarded-For, so the per-IP rate limits never couple
 * one test to another. Nothing here imports next-auth or next/headers itself (that would make a
 * mock factory wait for its own module).
 */
import { createRequire } from "node:module";
import { expect } from "vitest";
import { db } from "@/lib/db";
import type { ActionResult, DefinedAction } from "@/lib/server/action";
import type { Locale, Role } from "@/lib/generated/prisma/enums";
import { createUser } from "@/tests/factories";

let signedInUserId: string | null = null;
let ipSequence = 0;

/** The person the next calls run as (next-auth's session carries only the id), or signed out. */
export function signInAs(user: { id: string } | null): void {
  signedInUserId = user?.id ?? null;
}

/**
 * Who `signInAs` last signed in, or null when signed out: for fixtures that must belong to the
 * person making the call (their own booking, their own queue place). Call it after `signInAs`.
 */
export function signedInUser(): { id: string } | null {
  return signedInUserId ? { id: signedInUserId } : null;
}

/** A client address never used before in this test file. */
export function freshIp(): string {
  ipSequence += 1;
  return `10.${(ipSequence >> 16) & 255}.${(ipSequence >> 8) & 255}.${ipSequence & 255}`;
}

function requestHeaders(): Headers {
  return new Headers({ host: "localhost:3000", "x-forwarded-for": freshIp() });
}

// No cookies: the session comes from the mocked getServerSession, not from a cookie.
const cookieStore = {
  get: (): undefined => undefined,
  getAll: (): never[] => [],
  has: (): boolean => false,
  set() {
    return cookieStore;
  },
  delete() {
    return cookieStore;
  },
  size: 0,
  [Symbol.iterator]: function* (): Generator<never> {},
};

export async function mockNextAuth<M extends object>(original: M) {
  patchCommonJsNextHeaders();
  return {
    ...original,
    getServerSession: async () => (signedInUserId ? { userId: signedInUserId, expires: "2999-01-01T00:00:00.000Z" } : null),
  };
}

const nextHeaders = {
  headers: async () => requestHeaders(),
  cookies: async () => cookieStore,
  draftMode: async () => ({ isEnabled: false, enable() {}, disable() {} }),
};

/**
 * next-auth (its route handler and getServerSession) reads the request through a CommonJS
 * require("next/headers") inside node_modules, which vi.mock does not reach: give that module
 * object the same stand-ins. Only this test file's worker process sees the change.
 */
function patchCommonJsNextHeaders(): void {
  Object.assign(createRequire(import.meta.url)("next/headers") as object, nextHeaders);
}

export function mockNextHeaders() {
  patchCommonJsNextHeaders();
  return { ...nextHeaders };
}

export function mockNextCache<M extends object>(original: M) {
  return { ...original, revalidatePath: () => undefined, revalidateTag: () => undefined, updateTag: () => undefined, refresh: () => undefined };
}

/** A person who can be signed in as: roles, a completed profile unless said otherwise, a language. */
export async function createPerson(options: { roles: Role[]; profileComplete?: boolean; locale?: Locale }) {
  return createUser(db, {
    roles: options.roles,
    locale: options.locale ?? "sv",
    ...(options.profileComplete === false && { name: null, profileCompletedAt: null }),
  });
}

/** What an action call came to: its result, or the redirect it ended with (Next's control flow). */
export type ActionOutcome<T = unknown> = { kind: "result"; result: ActionResult<T> } | { kind: "redirect"; location: string };

export async function callAction<T>(action: DefinedAction<T>, input: unknown): Promise<ActionOutcome<T>> {
  try {
    return { kind: "result", result: await action(input) };
  } catch (error) {
    const digest = (error as { digest?: unknown } | null)?.digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;")) {
      // NEXT_REDIRECT;<replace|push>;<url>;<status>;
      return { kind: "redirect", location: digest.split(";").slice(2, -2).join(";") };
    }
    throw error;
  }
}

/** The result of a call that must not redirect. */
export async function callForResult<T>(action: DefinedAction<T>, input: unknown): Promise<ActionResult<T>> {
  const outcome = await callAction(action, input);
  if (outcome.kind === "redirect") expect.fail(`${action.actionName} redirected to ${outcome.location} instead of answering`);
  return outcome.result;
}

/**
 * Rows that any write by an action leaves behind: audit events, queued e-mails, roles, sign-in
 * tokens, rate-limit counters, the latest change to any person's row, and the enrollment rows
 * (bookings, orders, waiting-list places, pre-training forms: how many, and the latest change;
 * a draft pre-training form is saved without an audit event or an e-mail).
 */
export async function writeMarks() {
  const [auditEvents, outboxMessages, userRoles, verificationTokens, rateLimitHits, lastUserUpdate, bookings, orders, waitlistEntries, preTrainingForms] =
    await Promise.all([
      db.auditEvent.count(),
      db.outboxMessage.count(),
      db.userRole.count(),
      db.verificationToken.count(),
      db.rateLimitBucket.aggregate({ _sum: { count: true } }),
      db.user.aggregate({ _max: { updatedAt: true } }),
      db.booking.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
      db.order.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
      db.waitlistEntry.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
      db.preTrainingForm.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
    ]);
  const rows = (aggregate: { _count: { _all: number }; _max: { updatedAt: Date | null } }) => ({
    count: aggregate._count._all,
    lastUpdate: aggregate._max.updatedAt?.toISOString() ?? null,
  });
  return {
    auditEvents,
    outboxMessages,
    userRoles,
    verificationTokens,
    rateLimitHits: rateLimitHits._sum.count ?? 0,
    lastUserUpdate: lastUserUpdate._max.updatedAt?.toISOString() ?? null,
    bookings: rows(bookings),
    orders: rows(orders),
    waitlistEntries: rows(waitlistEntries),
    preTrainingForms: rows(preTrainingForms),
  };
}
