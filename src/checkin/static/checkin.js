// The check-in page at the door. Scans (camera, typed code, tap in the list)
// are recorded on the device at once and sent to POST /api/v1/checkin; while
// offline they wait in a queue in localStorage and are sent when the
// connection is back. Each scan carries a nonce, so a re-sent scan never
// counts twice, and its own time: the earliest scan of a person wins.
(function () {
  'use strict';
  var root = document.getElementById('checkin');
  if (!root) return;
  var eventId = root.dataset.eventId;
  var slug = root.dataset.slug;
  var meeting = Number(root.dataset.meeting);
  var csrf = root.dataset.csrf;
  var locale = root.dataset.locale === 'en' ? 'en-GB' : 'da-DK';
  var texts = JSON.parse(root.dataset.texts || '{}');
  var QUEUE_KEY = 'tilmeld-checkin-queue-' + eventId;
  var LIST_KEY = 'tilmeld-checkin-list-' + eventId;
  var ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

  function say(key, vars) {
    var text = texts[key] || key;
    Object.keys(vars || {}).forEach(function (k) {
      text = text.split('{' + k + '}').join(String(vars[k]));
    });
    return text;
  }
  function el(id) {
    return document.getElementById(id);
  }
  function timeText(iso) {
    return new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  }
  function nonce() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map
      .call(bytes, function (b) {
        return ('0' + b.toString(16)).slice(-2);
      })
      .join('');
  }
  function load(key, fallback) {
    try {
      var v = JSON.parse(localStorage.getItem(key) || 'null');
      return v === null ? fallback : v;
    } catch (e) {
      return fallback;
    }
  }
  function save(key, value) {
    try {
      localStorage.setItem(key, JSON.stringify(value));
    } catch (e) {
      /* full: the queue stays in memory */
    }
  }

  // ---- state: participants and their check-ins, as last known --------------
  var people = new Map();
  Array.prototype.forEach.call(el('checkin-list').children, function (li) {
    people.set(Number(li.dataset.id), {
      id: Number(li.dataset.id),
      name: li.querySelector('strong').textContent,
      organisation: li.querySelector('.tilmeld-meta').textContent,
      checkins: {},
    });
    if (li.classList.contains('is-arrived')) people.get(Number(li.dataset.id)).checkins[meeting] = { at: null, by: '' };
  });
  var queue = load(QUEUE_KEY, []);

  function applyAttendance(data) {
    data.participants.forEach(function (p) {
      var known = people.get(p.id) || { id: p.id, name: p.name, organisation: p.organisation, checkins: {} };
      known.name = p.name;
      known.organisation = p.organisation;
      known.checkins = {};
      p.checkins.forEach(function (c) {
        known.checkins[c.meeting] = { at: c.at, by: c.by };
      });
      people.set(p.id, known);
    });
    // Scans not yet sent still count here.
    queue.forEach(function (s) {
      var p = people.get(s.participantId);
      if (p && !p.checkins[s.meeting]) p.checkins[s.meeting] = { at: s.scannedAt, by: '' };
    });
    render();
  }

  function render() {
    var arrived = 0;
    people.forEach(function (p) {
      var c = p.checkins[meeting];
      if (c) arrived += 1;
      var li = el('checkin-list').querySelector('li[data-id="' + p.id + '"]');
      if (!li) return;
      li.classList.toggle('is-arrived', Boolean(c));
      li.querySelector('.tilmeld-checkin-state').textContent = c ? say('arrived', { time: c.at ? timeText(c.at) : '' }) : '';
      var button = li.querySelector('button');
      button.textContent = c ? say('undo') : say('tap');
      button.setAttribute('aria-label', (c ? say('undo') : say('tap')) + ': ' + p.name);
      button.className = c ? 'button button-secondary button-small' : 'button button-primary button-small';
    });
    el('checkin-counts').textContent = say('counts', { arrived: arrived, expected: people.size });
    el('checkin-queue').textContent = queue.length > 0 ? say('queue', { n: queue.length }) : '';
    el('checkin-connection').textContent = navigator.onLine ? '' : say('offline');
  }

  function show(text, kind) {
    var box = el('checkin-result');
    box.className = 'tilmeld-checkin-result alert ' + (kind === 'error' ? 'alert-error' : 'alert-success');
    box.textContent = text;
  }

  // ---- codes -----------------------------------------------------------
  function normalise(code) {
    return String(code).toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  }
  // The participant id is the code's first 32 bits (the server checks the signature).
  function participantOfCode(code) {
    var c = normalise(code);
    if (c.length !== 36) return null;
    var bits = '';
    for (var i = 0; i < 7; i += 1) {
      var n = ALPHABET.indexOf(c[i]);
      if (n < 0) return null;
      bits += ('00000' + n.toString(2)).slice(-5);
    }
    return parseInt(bits.slice(0, 32), 2);
  }

  // ---- scanning ----------------------------------------------------------
  function record(scan) {
    var p = people.get(scan.participantId);
    if (p && p.checkins[scan.meeting]) {
      var c = p.checkins[scan.meeting];
      show(say('result.already', { name: p.name, time: c.at ? timeText(c.at) : '', by: c.by || '–' }), 'error');
      return;
    }
    if (p) p.checkins[scan.meeting] = { at: scan.scannedAt, by: '' };
    queue.push(scan);
    save(QUEUE_KEY, queue);
    render();
    if (p) show(say(navigator.onLine ? 'result.checked_in' : 'result.queued', { name: p.name }), 'success');
    flush();
  }

  function scanCode(code) {
    var id = participantOfCode(code);
    var p = id === null ? null : people.get(id);
    if (!p) {
      show(say('result.unknown'), 'error');
      return;
    }
    record({ nonce: nonce(), code: normalise(code), participantId: id, meeting: meeting, scannedAt: new Date().toISOString() });
  }

  function tap(id) {
    record({ nonce: nonce(), participantId: id, meeting: meeting, scannedAt: new Date().toISOString() });
  }

  // ---- sending -----------------------------------------------------------
  var flushing = false;
  var flushed = Promise.resolve();
  function post(url, body) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, accept: 'application/json' },
      body: JSON.stringify(body),
    });
  }

  function settle(scan, status, body) {
    var p = people.get(scan.participantId);
    var name = (body && body.participant && body.participant.name) || (p && p.name) || '';
    if (status === 200 && p) p.checkins[scan.meeting] = { at: body.at, by: body.by };
    if (status === 409 && p) {
      p.checkins[scan.meeting] = { at: body.at, by: body.by };
      show(say('result.already', { name: name, time: timeText(body.at), by: body.by }), 'error');
    }
    if (status === 404 || status === 422) {
      if (p && p.checkins[scan.meeting] && p.checkins[scan.meeting].by === '') delete p.checkins[scan.meeting];
      show(status === 404 ? say('result.unknown') : say('result.' + body.reason, { name: name }), 'error');
    }
  }

  function flush() {
    if (flushing) return flushed;
    if (queue.length === 0 || !navigator.onLine) return Promise.resolve();
    flushing = true;
    flushed = sendNext();
    return flushed;
  }

  function sendNext() {
    var scan = queue[0];
    var body = { nonce: scan.nonce, meeting: scan.meeting, scannedAt: scan.scannedAt };
    if (scan.code) body.code = scan.code;
    else body.participantId = scan.participantId;
    return post('/api/v1/checkin', body)
      .then(function (res) {
        return res
          .json()
          .catch(function () {
            return {};
          })
          .then(function (json) {
            if (res.status >= 500 || res.status === 403 || res.status === 401) throw new Error('status ' + res.status);
            queue.shift();
            save(QUEUE_KEY, queue);
            settle(scan, res.status, json);
          });
      })
      .then(function () {
        render();
        if (queue.length > 0 && navigator.onLine) return sendNext();
        flushing = false;
      })
      .catch(function () {
        // Offline or the server is away: try again later; the nonce keeps a retry harmless.
        flushing = false;
        render();
      });
  }

  function refresh() {
    if (!navigator.onLine) return;
    fetch('/api/v1/events/' + encodeURIComponent(slug) + '/attendance', { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(function (res) {
        return res.ok ? res.json() : null;
      })
      .then(function (data) {
        if (data) {
          save(LIST_KEY, data);
          applyAttendance(data);
        }
      })
      .catch(function () {
        /* offline: keep what we know */
      });
  }

  function undo(id) {
    // A scan of this person being sent now: take it back once the server has it.
    if (flushing && queue.length > 0 && queue[0].participantId === id) {
      flushed.then(function () {
        undo(id);
      });
      return;
    }
    var p = people.get(id);
    var waiting = queue.findIndex(function (s) {
      return s.participantId === id && s.meeting === meeting;
    });
    if (waiting >= 0) {
      queue.splice(waiting, 1);
      save(QUEUE_KEY, queue);
      if (p) delete p.checkins[meeting];
      render();
      if (p) show(say('result.undone', { name: p.name }), 'success');
      return;
    }
    post('/api/v1/checkin/undo', { participantId: id, meeting: meeting })
      .then(function (res) {
        if (!res.ok && res.status !== 404) throw new Error('status ' + res.status);
        if (p) delete p.checkins[meeting];
        render();
        if (p) show(say('result.undone', { name: p.name }), 'success');
      })
      .catch(function () {
        show(say('result.error'), 'error');
      });
  }

  // ---- the page's controls -----------------------------------------------
  el('checkin-code-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var input = el('checkin-code');
    if (input.value.trim() === '') return;
    scanCode(input.value);
    input.value = '';
    input.focus();
  });
  el('checkin-list').addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains('tilmeld-checkin-action')) return;
    event.preventDefault();
    var id = Number(form.querySelector('input[name=participantId]').value);
    var p = people.get(id);
    if (p && p.checkins[meeting]) undo(id);
    else tap(id);
  });
  el('checkin-search').addEventListener('input', function (event) {
    var needle = event.target.value.trim().toLowerCase();
    var shown = 0;
    Array.prototype.forEach.call(el('checkin-list').children, function (li) {
      var match = needle === '' || li.dataset.name.indexOf(needle) >= 0 || li.dataset.org.indexOf(needle) >= 0;
      li.hidden = !match;
      if (match) shown += 1;
    });
    el('checkin-none').hidden = shown > 0;
  });
  window.addEventListener('online', function () {
    render();
    flush().then(refresh);
  });
  window.addEventListener('offline', render);
  setInterval(function () {
    flush();
    refresh();
  }, 15000);

  // ---- camera: the platform's BarcodeDetector, otherwise jsQR ------------------
  var camera = { stream: null, timer: 0, detector: null, canvas: null, last: '', lastAt: 0 };
  function loadJsQr() {
    if (window.jsQR) return Promise.resolve(window.jsQR);
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = '/assets/checkin/jsqr.js';
      s.onload = function () {
        resolve(window.jsQR);
      };
      s.onerror = reject;
      document.head.appendChild(s);
    });
  }
  function decodeFrame(video) {
    if (camera.detector) {
      return camera.detector.detect(video).then(function (codes) {
        return codes.length > 0 ? codes[0].rawValue : null;
      });
    }
    var canvas = camera.canvas || (camera.canvas = document.createElement('canvas'));
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    if (canvas.width === 0) return Promise.resolve(null);
    var g = canvas.getContext('2d', { willReadFrequently: true });
    g.drawImage(video, 0, 0);
    var image = g.getImageData(0, 0, canvas.width, canvas.height);
    var found = window.jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
    return Promise.resolve(found ? found.data : null);
  }
  function onDecoded(value) {
    if (!value) return;
    var now = Date.now();
    // The same code in front of the camera is one scan, not one per frame.
    if (value === camera.last && now - camera.lastAt < 4000) return;
    camera.last = value;
    camera.lastAt = now;
    scanCode(value);
  }
  function stopCamera() {
    clearInterval(camera.timer);
    if (camera.stream)
      camera.stream.getTracks().forEach(function (t) {
        t.stop();
      });
    camera.stream = null;
    el('checkin-video').hidden = true;
    el('checkin-camera-toggle').textContent = say('scan.start');
  }
  function startCamera() {
    var ready =
      'BarcodeDetector' in window
        ? window.BarcodeDetector.getSupportedFormats().then(function (formats) {
            if (formats.indexOf('qr_code') >= 0) camera.detector = new window.BarcodeDetector({ formats: ['qr_code'] });
            else return loadJsQr();
          })
        : loadJsQr();
    ready
      .then(function () {
        return navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      })
      .then(function (stream) {
        camera.stream = stream;
        var video = el('checkin-video');
        video.setAttribute('playsinline', '');
        video.srcObject = stream;
        video.hidden = false;
        return video.play().then(function () {
          el('checkin-camera-toggle').textContent = say('scan.stop');
          camera.timer = setInterval(function () {
            decodeFrame(video)
              .then(onDecoded)
              .catch(function () {});
          }, 250);
        });
      })
      .catch(function () {
        stopCamera();
        show(say('scan.noCamera'), 'error');
      });
  }
  if (navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
    el('checkin-camera').hidden = false;
    el('checkin-camera-toggle').addEventListener('click', function () {
      if (camera.stream) stopCamera();
      else startCamera();
    });
  }

  // ---- offline: the service worker keeps the page and the list -----------------
  var attendanceUrl = '/api/v1/events/' + encodeURIComponent(slug) + '/attendance';
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker
      .register('/checkin-sw.js', { scope: '/admin/events/' })
      .then(function () {
        return navigator.serviceWorker.ready;
      })
      .then(function (registration) {
        var assets = Array.prototype.map.call(document.querySelectorAll('link[rel=stylesheet], script[src]'), function (n) {
          return n.getAttribute('href') || n.getAttribute('src');
        });
        registration.active.postMessage({ type: 'keep', urls: [location.pathname + location.search, attendanceUrl, '/assets/checkin/jsqr.js'].concat(assets) });
        root.dataset.offlineReady = 'true';
      })
      .catch(function () {
        /* no offline support: the page still works online */
      });
  }

  // Scans the page made itself are kept; the list from an earlier visit fills in until the fresh one arrives.
  var cached = load(LIST_KEY, null);
  if (cached && cached.event && String(cached.event.id) === String(eventId)) applyAttendance(cached);
  render();
  refresh();
  flush();

  // For a scanner connected as a keyboard, and for tests: the same path as the camera.
  window.tilmeldCheckin = {
    scan: scanCode,
    tap: tap,
    flush: flush,
    queueLength: function () {
      return queue.length;
    },
  };
})();
