// Stands in for `server-only` in unit tests (vitest runs outside React's server environment).
export {};
