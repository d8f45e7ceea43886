export * from "./consolidation";
export * from "./document-texts";
export * from "./package";
export * from "./recipient";
export * from "./refund";
