import { db } from "@/lib/db";

// A health check must look at the database on every call, never at a cached answer.
export const dynamic = "force-dynamic";

const TIMEOUT_MS = 3_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

const noStore = { "Cache-Control": "no-store" };

export async function GET(): Promise<Response> {
  try {
    await withTimeout(db.$queryRaw`select 1`, TIMEOUT_MS);
    return Response.json({ status: "ok", database: "ok" }, { headers: noStore });
  } catch (error) {
    console.error("[health] database check failed:", error instanceof Error ? error.message : error);
    return Response.json({ status: "error", database: "unreachable" }, { status: 503, headers: noStore });
  }
}
