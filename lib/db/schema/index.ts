export * from "./audit";
export * from "./clock";
export * from "./users";
export * from "./interviews";
