// The page's service worker: keeps every file of the site (the kernel, the disk
// images, v86) in a cache when the page is first opened, and answers from it
// afterwards, so the page works offline. utils/mkweb writes the list of files
// and the version (a digest of their contents) in place of the two markers.

const VERSION = "@VERSION@";
const FILES = ["./", @FILES@];
const CACHE = `kestrel-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("kestrel-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  if (event.request.method !== "GET") return;
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(event.request, { ignoreSearch: true }).then((hit) => hit || fetch(event.request))),
  );
});
