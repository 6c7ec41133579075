// Keeps the check-in page working offline. Only check-in's own addresses are
// kept: the page of an event (/admin/events/:id/checkin), the event's
// attendance list (names and organisations, what check-in needs) and the
// page's scripts. Network first, so a fresh copy is used whenever there is one;
// the kept copy only when the network fails. The scans themselves never go
// through here: the page queues them (checkin.js).
'use strict';
var CACHE = 'tilmeld-checkin-v1';
var PAGE = /^\/admin\/events\/\d+\/checkin$/;
var LIST = /^\/api\/v1\/events\/[^/]+\/attendance$/;
var ASSET = /^\/assets\/(checkin|tilmeld|dkfds)\//;

self.addEventListener('install', function () {
  self.skipWaiting();
});
self.addEventListener('activate', function (event) {
  event.waitUntil(self.clients.claim());
});

function kept(url) {
  return PAGE.test(url.pathname) || LIST.test(url.pathname) || ASSET.test(url.pathname);
}

self.addEventListener('message', function (event) {
  var data = event.data || {};
  if (data.type !== 'keep' || !Array.isArray(data.urls)) return;
  var urls = data.urls.filter(function (u) {
    return kept(new URL(u, self.location.origin));
  });
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      return Promise.all(
        urls.map(function (u) {
          return fetch(u, { credentials: 'same-origin' })
            .then(function (res) {
              if (res.ok) return cache.put(u, res);
            })
            .catch(function () {});
        }),
      );
    }),
  );
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin || !kept(url)) return;
  event.respondWith(
    fetch(request)
      .then(function (res) {
        if (res.ok) {
          var copy = res.clone();
          caches.open(CACHE).then(function (cache) {
            cache.put(request, copy);
          });
        }
        return res;
      })
      .catch(function () {
        return caches.match(request, { ignoreSearch: PAGE.test(url.pathname) }).then(function (hit) {
          return hit || Response.error();
        });
      }),
  );
});
