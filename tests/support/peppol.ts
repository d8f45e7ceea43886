/**
 * The official Peppol BIS Billing 3.0 validator in ../shared/peppol (UBL 2.1 schemas and the
 * compiled EN 16931 + Peppol Schematron), for tests that validate the XML they produce.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

export const PEPPOL_VALIDATOR = path.resolve(import.meta.dirname, "../../../shared/peppol/validate.sh");

/** Why the validator cannot run here, or null when it can. */
export const peppolToolsMissing: string | null = (() => {
  if (!existsSync(PEPPOL_VALIDATOR)) return `${PEPPOL_VALIDATOR} not found`;
  const tools = spawnSync("bash", ["-c", 'command -v java && command -v xmllint && test -r "${SAXON_JAR:-/usr/share/java/Saxon-HE.jar}"'], { encoding: "utf8" });
  return tools.status === 0 ? null : "java, xmllint or Saxon-HE missing (run: bash ../shared/peppol/install.sh)";
})();

/** Skipped only on a developer's machine without the tools; CI installs them and never skips. */
export const skipPeppol = peppolToolsMissing !== null && !process.env.CI;

/** Runs validate.sh -q over the files, in two processes at once (one JVM per file inside each). */
export async function validateAll(files: string[]): Promise<string> {
  const halves = [files.filter((_, i) => i % 2 === 0), files.filter((_, i) => i % 2 === 1)].filter((h) => h.length > 0);
  const outputs = await Promise.all(
    halves.map(
      (batch) =>
        new Promise<string>((resolve) => {
          const child = spawn("bash", [PEPPOL_VALIDATOR, "-q", ...batch]);
          let out = "";
          child.stdout.on("data", (d: Buffer) => (out += d.toString()));
          child.stderr.on("data", (d: Buffer) => (out += d.toString()));
          child.on("close", () => resolve(out));
        }),
    ),
  );
  return outputs.join("\n");
}
