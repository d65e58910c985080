import type { MetadataRoute } from "next";

// Arabic first: the app starts on /ar; name and description carry the French too, as the
// administration's documents do.
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/ar",
    name: "إدارتي · Idarti",
    short_name: "إدارتي",
    description: "دور الخدمات في خدمتك أينما كنت · Les maisons de services, à votre service où que vous soyez",
    start_url: "/ar",
    scope: "/",
    display: "standalone",
    dir: "rtl",
    lang: "ar-TN",
    orientation: "portrait",
    background_color: "#ffffff",
    theme_color: "#07392c",
    categories: ["government", "utilities"],
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
