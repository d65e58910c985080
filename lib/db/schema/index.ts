export * from "./audit";
export * from "./auth";
export * from "./clock";
export * from "./rate-limit";
export * from "./sms";
export * from "./users";
export * from "./cases";
export * from "./notifications";
