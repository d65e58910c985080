/**
 * Every public route that axe checks in all three locales (paths without the locale prefix).
 * A new page adds itself here.
 */
export const PUBLIC_ROUTES = ["/", "/offline", "/control"];
