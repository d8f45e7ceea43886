/**
 * Who may call what: every server action (app/_actions) and every route handler (app/api), called
 * for real as every kind of visitor, against the database.
 *
 * This is the test of the guards themselves. Loosen one (change admin.changeRole's access to
 * {kind: "user"}, drop a role check from a route) and the visitors MATRIX says "deny" get through,
 * so this test fails. Add an action or a route without a row in MATRIX and it fails too: nothing
 * new ships before someone has decided, here, who may call it.
 *
 * deny  → the action answers UNAUTHENTICATED (signed out), FORBIDDEN or PROFILE_INCOMPLETE, and
 *         writes nothing; a route answers 401, 403 or 404, and writes nothing.
 * allow → the action succeeds (ok, or the redirect it ends with); a route answers below 400.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { User } from "@/lib/generated/prisma/client";
import type { DefinedAction } from "@/lib/server/action";
import { createLecture, createLecturer, createOrganisation, createOrganiser, createUser, createVenue, createWorkshop } from "@/tests/factories";
import { callAction, createPerson, signInAs, writeMarks } from "./support/session";

vi.mock("next-auth", async (original) => (await import("./support/session")).mockNextAuth(await original()));
vi.mock("next/headers", async () => (await import("./support/session")).mockNextHeaders());
vi.mock("next/cache", async (original) => (await import("./support/session")).mockNextCache(await original()));

const PERSONAS = ["anonymous", "PARTICIPANT", "ORDERER", "COORDINATOR", "SUPERVISOR", "ADMIN", "INCOMPLETE_PROFILE"] as const;
type Persona = (typeof PERSONAS)[number];
type Verdict = "allow" | "deny";

/** Actions by their `name`, routes as "METHOD /api/path" (the folder names, [params] and all). */
const MATRIX: Record<string, Record<Persona, Verdict>> = {
  "accounts.requestSignInLink": {
    anonymous: "allow", PARTICIPANT: "allow", ORDERER: "allow", COORDINATOR: "allow", SUPERVISOR: "allow", ADMIN: "allow", INCOMPLETE_PROFILE: "allow",
  },
  "accounts.completeProfile": {
    anonymous: "deny", PARTICIPANT: "allow", ORDERER: "allow", COORDINATOR: "allow", SUPERVISOR: "allow", ADMIN: "allow", INCOMPLETE_PROFILE: "allow",
  },
  "accounts.switchLanguage": {
    anonymous: "deny", PARTICIPANT: "allow", ORDERER: "allow", COORDINATOR: "allow", SUPERVISOR: "allow", ADMIN: "allow", INCOMPLETE_PROFILE: "allow",
  },
  "admin.changeRole": {
    anonymous: "deny", PARTICIPANT: "deny", ORDERER: "deny", COORDINATOR: "deny", SUPERVISOR: "deny", ADMIN: "allow", INCOMPLETE_PROFILE: "deny",
  },
  "enrollment.bookSessions": {
    anonymous: "deny", PARTICIPANT: "allow", ORDERER: "allow", COORDINATOR: "deny", SUPERVISOR: "deny", ADMIN: "deny", INCOMPLETE_PROFILE: "deny",
  },
  "GET /api/health": {
    anonymous: "allow", PARTICIPANT: "allow", ORDERER: "allow", COORDINATOR: "allow", SUPERVISOR: "allow", ADMIN: "allow", INCOMPLETE_PROFILE: "allow",
  },
  "GET /api/auth/[...nextauth]": {
    anonymous: "allow", PARTICIPANT: "allow", ORDERER: "allow", COORDINATOR: "allow", SUPERVISOR: "allow", ADMIN: "allow", INCOMPLETE_PROFILE: "allow",
  },
  // next-auth's own "e-mail me a link" endpoint, closed to everyone (links come from accounts.requestSignInLink).
  "POST /api/auth/[...nextauth]": {
    anonymous: "deny", PARTICIPANT: "deny", ORDERER: "deny", COORDINATOR: "deny", SUPERVISOR: "deny", ADMIN: "deny", INCOMPLETE_PROFILE: "deny",
  },
};

let sequence = 0;

/** A valid input for each action, creating the rows it refers to. */
const ACTION_INPUTS: Record<string, () => Promise<unknown>> = {
  "accounts.requestSignInLink": async () => ({ email: `lank${++sequence}@kommun.test`, locale: "sv" }),
  "accounts.completeProfile": async () => {
    const organisation = await createOrganisation(db);
    return { name: "Ada Lund", title: "Utvecklingsledare", organisationId: organisation.id, locale: "sv" };
  },
  "accounts.switchLanguage": async () => ({ locale: "en", returnTo: "/mitt-konto" }),
  "admin.changeRole": async () => {
    const target = await createUser(db, { roles: ["PARTICIPANT"] });
    return { userId: target.id, role: "COORDINATOR", grant: true };
  },
  "enrollment.bookSessions": async () => {
    const lecture = await bookableLecture();
    return { workshopId: lecture.workshopId, kind: "LECTURE", lectureIds: [lecture.id], idempotencyKey: randomUUID() };
  },
};

/** A published lecture in the future, in a published workshop. */
async function bookableLecture() {
  const organiser = await createOrganiser(db);
  const venue = await createVenue(db);
  const lecturer = await createLecturer(db);
  const workshop = await createWorkshop(db, { organiserId: organiser.id });
  return createLecture(db, { workshopId: workshop.id, venueId: venue.id, lecturerId: lecturer.id, date: "2027-02-04" });
}

/** The request each route is called with: the path after the host, and the dynamic segments' values. */
type RouteCall = { path: string; headers?: Record<string, string>; body?: string; params?: Record<string, string | string[]> };
const ROUTE_CALLS: Record<string, () => RouteCall> = {
  "GET /api/health": () => ({ path: "/api/health" }),
  "GET /api/auth/[...nextauth]": () => ({ path: "/api/auth/session", params: { nextauth: ["session"] } }),
  "POST /api/auth/[...nextauth]": () => ({
    path: "/api/auth/signin/email",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: `nextauth${++sequence}@kommun.test`, csrfToken: "x", callbackUrl: "/" }).toString(),
    params: { nextauth: ["signin", "email"] },
  }),
};

const root = path.resolve(import.meta.dirname, "../..");
const HTTP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
type RouteHandler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

function isDefinedAction(value: unknown): value is DefinedAction<unknown> {
  return typeof value === "function" && typeof (value as { actionName?: unknown }).actionName === "string";
}

const actions = new Map<string, DefinedAction<unknown>>();
const routes = new Map<string, RouteHandler>();
/** Exports of app/_actions that are not defineAction actions, and names used twice. */
const strayExports: string[] = [];

async function discoverActions() {
  const dir = path.join(root, "app", "_actions");
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f)) : [];
  for (const file of files.sort()) {
    const exported = (await import(path.join(dir, file))) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(exported)) {
      if (!isDefinedAction(value)) {
        strayExports.push(`app/_actions/${file}: ${exportName} is not a defineAction action`);
      } else if (actions.has(value.actionName)) {
        strayExports.push(`app/_actions/${file}: ${exportName} reuses the name ${value.actionName}`);
      } else {
        actions.set(value.actionName, value);
      }
    }
  }
}

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /^route\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

async function discoverRoutes() {
  for (const file of routeFiles(path.join(root, "app", "api")).sort()) {
    const segments = path
      .relative(path.join(root, "app"), path.dirname(file))
      .split(path.sep)
      .filter((segment) => !/^\(.*\)$/.test(segment)); // route groups are not in the URL
    const exported = (await import(file)) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(exported)) {
      if (HTTP_METHODS.has(exportName) && typeof value === "function") {
        routes.set(`${exportName} /${segments.join("/")}`, value as RouteHandler);
      }
    }
  }
}

beforeAll(async () => {
  await discoverActions();
  await discoverRoutes();
});

async function personaUser(persona: Persona): Promise<User | null> {
  if (persona === "anonymous") return null;
  if (persona === "INCOMPLETE_PROFILE") return createPerson({ roles: ["PARTICIPANT"], profileComplete: false });
  return createPerson({ roles: [persona] });
}

function deniedCodes(persona: Persona): string[] {
  if (persona === "anonymous") return ["UNAUTHENTICATED"];
  // A role action refuses the role first; a user action refuses the missing profile.
  if (persona === "INCOMPLETE_PROFILE") return ["FORBIDDEN", "PROFILE_INCOMPLETE"];
  return ["FORBIDDEN"];
}

describe("the authorization matrix", () => {
  it("names every action and route handler, and nothing that does not exist", () => {
    expect(strayExports).toEqual([]);
    const discovered = [...actions.keys(), ...routes.keys()].sort();
    const missing = discovered.filter((name) => !(name in MATRIX));
    const unknown = Object.keys(MATRIX).filter((name) => !actions.has(name) && !routes.has(name));
    expect({ missingFromMatrix: missing, inMatrixButNotFound: unknown }).toEqual({ missingFromMatrix: [], inMatrixButNotFound: [] });
    expect(actions.size).toBeGreaterThan(0);
    expect(routes.size).toBeGreaterThan(0);
    for (const name of actions.keys()) expect(ACTION_INPUTS, `a valid input for ${name}`).toHaveProperty([name]);
    for (const name of routes.keys()) expect(ROUTE_CALLS, `a request for ${name}`).toHaveProperty([name]);
  });

  it("reads the session afresh on every call (React's cache memoises only inside a request)", async () => {
    const { getSessionUser } = await import("@/lib/auth/session");
    const first = await createPerson({ roles: ["PARTICIPANT"] });
    const second = await createPerson({ roles: ["ADMIN"] });
    signInAs(first);
    expect((await getSessionUser())?.id).toBe(first.id);
    signInAs(second);
    expect(await getSessionUser()).toMatchObject({ id: second.id, roles: ["ADMIN"] });
    signInAs(null);
    expect(await getSessionUser()).toBeNull();
  });

  describe.each(Object.entries(MATRIX))("%s", (name, verdicts) => {
    it.each(PERSONAS.map((persona) => [persona, verdicts[persona]] as const))("%s: %s", async (persona, verdict) => {
      const action = actions.get(name);
      const route = routes.get(name);
      if (!action && !route) expect.fail(`${name} is in MATRIX but is neither an action nor a route handler`);

      signInAs(await personaUser(persona));

      if (action) {
        const makeInput = ACTION_INPUTS[name];
        if (!makeInput) return expect.fail(`ACTION_INPUTS has no valid input for ${name}`);
        const input = await makeInput();
        const before = await writeMarks();
        const outcome = await callAction(action, input);
        if (verdict === "deny") {
          expect(outcome.kind, `${name} as ${persona} must be refused, not redirected`).toBe("result");
          if (outcome.kind !== "result") return;
          expect(outcome.result.ok, `${name} as ${persona} must be refused`).toBe(false);
          if (!outcome.result.ok) expect(deniedCodes(persona)).toContain(outcome.result.code);
          expect(await writeMarks(), `${name} as ${persona} wrote rows although refused`).toEqual(before);
        } else if (outcome.kind === "result") {
          // Allowed: it succeeds (a failure here means the input factory no longer fits the action).
          expect(outcome.result, `${name} as ${persona}`).toMatchObject({ ok: true });
        }
        return;
      }

      const makeCall = ROUTE_CALLS[name];
      if (!route || !makeCall) return expect.fail(`ROUTE_CALLS has no request for ${name}`);
      const call = makeCall();
      const method = name.split(" ")[0] ?? "GET";
      const request = new NextRequest(new URL(call.path, "http://localhost:3000"), { method, headers: call.headers, body: call.body });
      const before = await writeMarks();
      const response = await route(request, { params: Promise.resolve(call.params ?? {}) });
      if (verdict === "deny") {
        expect([401, 403, 404], `${name} as ${persona} answered ${response.status}`).toContain(response.status);
        expect(await writeMarks(), `${name} as ${persona} wrote rows although refused`).toEqual(before);
      } else {
        expect(response.status, `${name} as ${persona}`).toBeLessThan(400);
      }
    });
  });
});
