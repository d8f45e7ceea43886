import { spawn } from "node:child_process";
import path from "node:path";
import { adminQuery } from "../../../lib/dev/embedded-db";

export { adminQuery, dropDatabase } from "../../../lib/dev/embedded-db";

const root = path.resolve(import.meta.dirname, "../../..");

/** "postgresql://u:p@host:port/anything?x" → "postgresql://u:p@host:port" */
export function serverUrlOf(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.username ? `${u.username}:${u.password}@` : ""}${u.host}`;
}

/** Runs a Prisma CLI command against a database, as the project's scripts do. */
export function prismaCli(args: string[], databaseUrl: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.join(root, "node_modules", ".bin", "prisma"), args, {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => resolve({ code: code ?? 1, output }));
  });
}

export async function migrateDeploy(databaseUrl: string): Promise<string> {
  const { code, output } = await prismaCli(["migrate", "deploy"], databaseUrl);
  if (code !== 0) throw new Error(`prisma migrate deploy failed:\n${output}`);
  return output;
}

/** A fresh database cloned from the migrated template. */
export async function createDatabaseFromTemplate(serverUrl: string, template: string, name: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(serverUrl, `create database "${name}" template "${template}"`);
      return `${serverUrl}/${name}`;
    } catch (error) {
      // Two clones of one template at the same instant can collide ("being accessed by other users").
      if (attempt >= 10 || !String(error).includes("being accessed")) throw error;
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
}
