/** The databases a db-touching unit test runs against (one definition: ./db.ts). */
export { testDatabases } from "./db";
