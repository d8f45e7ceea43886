import "server-only";
import { headers } from "next/headers";
import { clientIpFrom } from "@/lib/domain/rate-limit";

/** The IP address of the request being served (see clientIpFrom). */
export async function clientIp(): Promise<string> {
  const hops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);
  return clientIpFrom((await headers()).get("x-forwarded-for"), Number.isInteger(hops) && hops >= 0 ? hops : 0);
}
