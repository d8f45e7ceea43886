import "server-only";
import { z } from "zod";

/**
 * The environment, validated once on first use (not at import, so `next build` needs no database).
 * Defaults make the quick start work; production must set what has no safe default.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** Set by scripts/with-db.ts for the embedded database, or by the operator for PostgreSQL. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  /** Connections per app instance; several instances share one PostgreSQL. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  APP_URL: z.url().default("http://localhost:3000"),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}\nStart the app with "npm run demo", or set DATABASE_URL.`);
  }
  cached = parsed.data;
  return cached;
}
