import routes from "./public-routes.json";

/**
 * Every public route that axe checks in all three locales, and that `npm run bench` weighs
 * (paths without the locale prefix). A new public page adds itself to public-routes.json.
 */
export const PUBLIC_ROUTES: string[] = routes;
