import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/session";

/**
 * next-auth's routes (session, csrf, callback, signout). Sign-in links are requested through
 * our own action (rate-limited, outbox), so next-auth's own "send me a link" endpoint is closed.
 */
async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  const { nextauth } = await context.params;
  if (request.method === "POST" && nextauth[0] === "signin" && nextauth[1] === "email") {
    return new Response("Not found", { status: 404 });
  }
  return NextAuth(getAuthOptions())(request, context);
}

export { handler as GET, handler as POST };
