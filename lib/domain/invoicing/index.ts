export * from "./document";
export * from "./errors";
export * from "./numbering";
export * from "./org-number";
export * from "./terms";
export * from "./vat";
