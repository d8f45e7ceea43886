import type { routing } from "./routing";

// Locales are typed. Messages are not typed here (AppConfig.Messages), because some callers
// translate keys built at runtime (error codes); both message files are checked by tests instead.
declare module "next-intl" {
  interface AppConfig {
    Locale: (typeof routing.locales)[number];
  }
}
