/* marsad map page: events, control, contacts and front lines over time.
 *
 * Everything shown comes from the JSON block #marsad-data. Article text in it is
 * untrusted: this script only ever puts data into the page with textContent, DOM nodes
 * and attribute setters, never with innerHTML or Leaflet's string content.
 */
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('marsad-data').textContent);
  var MS_DAY = 86400000;
  var ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
  var SAFE_CLASS = /^[a-z0-9_]+$/;

  function dayNumber(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso));
    return m ? Math.round(Date.UTC(+m[1], +m[2] - 1, +m[3]) / MS_DAY) : null;
  }
  function isoDay(n) { return new Date(n * MS_DAY).toISOString().slice(0, 10); }
  function safeClass(s) { s = String(s); return SAFE_CLASS.test(s) ? s : 'x'; }

  // An element with plain text; Arabic text is marked right-to-left.
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
      if (ARABIC.test(String(text))) { node.dir = 'rtl'; node.lang = 'ar'; }
    }
    return node;
  }
  function swatch(color, extra) {
    var s = el('span', 'marsad-swatch' + (extra ? ' ' + extra : ''));
    s.style.backgroundColor = color;
    return s;
  }
  function kindColor(kind) { return data.kinds[kind] || '#999999'; }
  function coalitionColor(c) { return (data.coalitions[c] || {}).color || '#777777'; }
  function coalitionLabel(c) { return c ? ((data.coalitions[c] || {}).label || c) : 'unknown'; }
  var PRECISION = { 1: 'day', 2: 'week', 3: 'month or vaguer' };
  var GEO_PRECISION = { 1: 'the place itself', 2: 'near / part of the place', 3: 'region only' };

  // ---- the map and its panes ----------------------------------------------------------
  var map = L.map('marsad-map', { zoomSnap: 0.5, worldCopyJump: false, preferCanvas: false });
  map.attributionControl.setPrefix('Leaflet');
  map.attributionControl.addAttribution('Outlines: Natural Earth, OCHA COD-AB');
  [['basemap', 250], ['fronts', 410], ['contacts', 415], ['control', 420], ['events', 440]]
    .forEach(function (p) { map.createPane(p[0]).style.zIndex = String(p[1]); });

  if (data.online_tiles) {
    L.tileLayer(data.tile_url, {  // page.TILE_URL, whose origin alone the CSP allows
      maxZoom: 18, attribution: '&copy; OpenStreetMap contributors'
    }).addTo(map);
  }
  var fill = data.online_tiles ? 0 : 1;
  var countries = L.geoJSON(data.basemap.countries, {
    pane: 'basemap', interactive: false,
    style: { color: '#8a8a8a', weight: 1, fillColor: '#f4f1ea', fillOpacity: fill }
  }).addTo(map);
  var admin1 = L.geoJSON(data.basemap.admin1, {
    pane: 'basemap', interactive: false,
    style: { color: '#b0a999', weight: 0.8, dashArray: '3 3', fill: false }
  }).addTo(map);

  // ---- events ---------------------------------------------------------------------------
  var events = data.events.filter(function (e) {
    e.day = dayNumber(e.date);
    return e.day !== null && isFinite(e.lat) && isFinite(e.lon);
  });
  var eventById = {};
  events.forEach(function (e) { eventById[e.id] = e; });
  // Events at one point are spread around it (a sunflower of fixed pixel spacing, laid out
  // again at every zoom) so that each stays visible and clickable.
  var atPoint = {};
  events.forEach(function (e) {
    var key = e.lat + ',' + e.lon;
    (atPoint[key] = atPoint[key] || []).push(e);
    e.mlat = e.lat; e.mlon = e.lon;
  });
  function layoutGroups() {
    Object.keys(atPoint).forEach(function (key) {
      var group = atPoint[key];
      if (group.length < 2) return;
      var c = map.latLngToLayerPoint([group[0].lat, group[0].lon]);
      group.forEach(function (e, i) {
        var r = 11 * Math.sqrt(i + 0.5), a = i * 2.39996;
        var ll = map.layerPointToLatLng(L.point(c.x + r * Math.cos(a), c.y + r * Math.sin(a)));
        e.mlat = ll.lat; e.mlon = ll.lng;
        if (e.marker) e.marker.setLatLng(ll);
      });
    });
  }
  var eventsLayer = L.layerGroup().addTo(map);
  var kindOn = {};
  Object.keys(data.kinds).forEach(function (k) { kindOn[k] = true; });

  // Many markers draw faster on a canvas than as SVG elements (the SVG keeps one element
  // per marker, with classes, which is what small maps and the tests use).
  var big = data.events.length + data.places.length > 4000;
  var eventRenderer = big ? L.canvas({ pane: 'events' }) : undefined;
  var controlRenderer = big ? L.canvas({ pane: 'control' }) : undefined;

  function eventMarker(e) {
    if (e.marker) return e.marker;
    var asserted = e.modality === 'asserted';
    e.marker = L.circleMarker([e.mlat, e.mlon], {
      pane: 'events', renderer: eventRenderer, radius: 6, weight: asserted ? 1 : 2, color: asserted ? '#222' : kindColor(e.kind),
      dashArray: asserted ? null : '2 2', fillColor: kindColor(e.kind), fillOpacity: asserted ? 0.9 : 0.2,
      className: 'marsad-event marsad-kind-' + safeClass(e.kind) + ' marsad-modality-' + safeClass(e.modality)
    });
    e.marker.bindPopup(function () { return eventPopup(e); }, { maxWidth: 420, minWidth: 240 });
    return e.marker;
  }

  function actorText(actor, assoc) {
    var parts = [actor || 'not named'];
    if (assoc && assoc.length) parts.push('with ' + assoc.join(', '));
    return parts.join(' ');
  }
  function field(dl, name, value) {
    if (value === undefined || value === null || value === '') return;
    dl.appendChild(el('dt', null, name));
    var node = value instanceof Node;
    var dd = el('dd', null, node ? null : value);  // el marks Arabic text right-to-left
    if (node) dd.appendChild(value);
    dl.appendChild(dd);
  }
  function link(url, text) {
    var ok = false;
    try { ok = /^https?:$/.test(new URL(String(url)).protocol); } catch (err) { ok = false; }
    if (!ok) return el('span', null, text);
    var a = el('a', null, text);
    a.href = String(url); a.target = '_blank'; a.rel = 'noopener noreferrer';
    return a;
  }

  // The evidence sentence, with the place and the actors marked (offsets are UTF-16).
  function evidenceNode(ev) {
    var text = data.texts[ev.text];
    var box = el('blockquote', 'marsad-evidence');
    if (ARABIC.test(text)) { box.dir = 'rtl'; box.lang = 'ar'; } else { box.dir = 'auto'; }
    var pos = 0;
    (ev.marks || []).slice().sort(function (a, b) { return a[0] - b[0]; }).forEach(function (m) {
      var s = m[0], e = m[1];
      if (!(s >= pos && e > s && e <= text.length)) return;
      box.appendChild(document.createTextNode(text.slice(pos, s)));
      var mark = el('mark', 'marsad-hl-' + safeClass(m[2]));
      mark.textContent = text.slice(s, e);
      mark.title = m[2] === 'place' ? 'place' : 'actor';
      box.appendChild(mark);
      pos = e;
    });
    box.appendChild(document.createTextNode(text.slice(pos)));
    return box;
  }

  function eventPopup(e) {
    var box = el('div', 'marsad-popup marsad-event-popup');
    var head = el('div', 'marsad-popup-head');
    head.appendChild(swatch(kindColor(e.kind)));
    head.appendChild(el('strong', 'marsad-kind', e.kind));
    head.appendChild(el('span', 'marsad-badge marsad-modality-' + safeClass(e.modality), e.modality));
    if (e.partial) head.appendChild(el('span', 'marsad-badge', 'partial'));
    head.appendChild(el('span', 'marsad-note', '#' + e.id));
    box.appendChild(head);
    var dl = el('dl', 'marsad-fields');
    field(dl, 'actor', actorText(e.actor1, e.assoc1));
    if (e.coalition) field(dl, 'coalition', coalitionLabel(e.coalition));
    field(dl, 'against', e.actor2);
    field(dl, 'place', e.place);
    field(dl, 'place id', e.place_id);
    field(dl, 'location', GEO_PRECISION[e.geo_precision] ?
      GEO_PRECISION[e.geo_precision] + ' (precision ' + e.geo_precision + ')' : null);
    field(dl, 'date', e.date + ' (' + (PRECISION[e.time_precision] || 'precision unknown') + ')');
    field(dl, 'fatalities', e.fatalities);
    field(dl, 'source', e.source);
    field(dl, 'outlet', e.outlet);
    if (e.sources && e.sources.length > 1) field(dl, 'reported by', e.sources.join(' · '));
    field(dl, 'article', e.url ? link(e.url, e.title || e.doc_id) : (e.title || e.doc_id));
    field(dl, 'published', e.published);
    box.appendChild(dl);
    if (e.evidence && typeof e.evidence.text === 'number') box.appendChild(evidenceNode(e.evidence));
    return box;
  }

  // ---- control ---------------------------------------------------------------------------
  var places = data.places.map(function (p) {
    p.intervals.forEach(function (iv) {
      iv.s = dayNumber(iv.start);
      iv.e = iv.end ? dayNumber(iv.end) : Infinity;
    });
    return p;
  });
  var controlLayer = L.layerGroup().addTo(map);
  var contestedLayer = L.layerGroup().addTo(map);

  function inForce(p, d) {
    var lo = 0, hi = p.intervals.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (p.intervals[mid].s <= d) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    if (found < 0) return null;
    var iv = p.intervals[found];
    return d < iv.e ? iv : null;
  }

  function idButtons(ids) {
    var wrap = el('div', 'marsad-ids');
    ids.forEach(function (id) {
      var b = el('button', null, '#' + id);
      b.type = 'button';
      b.title = eventById[id] ? eventById[id].kind + ' ' + eventById[id].date : 'event ' + id;
      b.addEventListener('click', function () { openEvent(id); });
      wrap.appendChild(b);
    });
    return wrap;
  }

  function placePopup(p, iv) {
    var box = el('div', 'marsad-popup marsad-place-popup');
    var head = el('div', 'marsad-popup-head');
    head.appendChild(swatch(iv.status === 'contested' ? '#ffffff' : coalitionColor(iv.coalition),
      iv.status === 'contested' ? 'marsad-dashed' : ''));
    head.appendChild(el('strong', null, p.name));
    head.appendChild(el('span', 'marsad-badge', iv.status));
    box.appendChild(head);
    var dl = el('dl', 'marsad-fields');
    if (iv.status === 'contested') {
      field(dl, 'claimed by', iv.claims.map(coalitionLabel).join(' · '));
    } else {
      field(dl, 'held by', coalitionLabel(iv.coalition));
    }
    field(dl, 'since', iv.start);
    field(dl, 'until', iv.end || 'still in force');
    field(dl, 'sources', String(iv.sources));
    field(dl, 'place id', p.id);
    box.appendChild(dl);
    box.appendChild(el('div', 'marsad-note', 'events behind it:'));
    box.appendChild(idButtons(iv.event_ids));
    return box;
  }

  function placeMarker(p, iv) {
    var key = iv.start + '|' + iv.status;
    p.markers = p.markers || {};
    if (p.markers[key]) return p.markers[key];
    var contested = iv.status === 'contested';
    var m = L.circleMarker([p.lat, p.lon], contested ? {
      pane: 'control', renderer: controlRenderer, radius: 11, color: '#000', weight: 2, dashArray: '3 3',
      fillColor: '#ffffff', fillOpacity: 0.55, className: 'marsad-contested'
    } : {
      pane: 'control', renderer: controlRenderer, radius: 11, color: coalitionColor(iv.coalition), weight: 3,
      fillColor: coalitionColor(iv.coalition), fillOpacity: 0.3,
      className: 'marsad-control marsad-coalition-' + safeClass(iv.coalition)
    });
    m.bindPopup(function () { return placePopup(p, iv); }, { maxWidth: 360 });
    p.markers[key] = m;
    return m;
  }

  // ---- contacts and front lines (precomputed on the days they may change) -------------
  var derived = data.derived;
  var computedDays = derived.days.map(dayNumber);
  // fewer days computed than control changes on: say which day the lines shown are from
  var thinned = derived.days.length < derived.candidate_days;
  var contacts = derived.contacts.map(function (c) {
    c.s = dayNumber(c.start);
    c.e = c.end ? dayNumber(c.end) : Infinity;
    return c;
  });
  var frontSnaps = derived.fronts.map(function (f) { f.d = dayNumber(f.day); return f; });
  var contactLayer = L.layerGroup().addTo(map);
  var frontLayer = L.layerGroup().addTo(map);
  var contactRenderer = contacts.length > 2000 ? L.canvas({ pane: 'contacts' }) : undefined;

  function lastAtOrBefore(list, d, key) {
    var found = null;
    for (var i = 0; i < list.length && (key ? list[i][key] : list[i]) <= d; i++) found = list[i];
    return found;
  }

  function contactPopup(c) {
    var box = el('div', 'marsad-popup marsad-contact-popup');
    var head = el('div', 'marsad-popup-head');
    head.appendChild(el('strong', null, 'contact'));
    head.appendChild(el('span', 'marsad-badge', c.basis));
    box.appendChild(head);
    var dl = el('dl', 'marsad-fields');
    field(dl, coalitionLabel(c.a.coalition), c.a.place);
    field(dl, coalitionLabel(c.b.coalition), c.b.place);
    field(dl, 'distance', c.distance_km.toFixed(1) + ' km');
    field(dl, 'since', c.since);
    box.appendChild(dl);
    box.appendChild(idButtons(c.event_ids));
    return box;
  }

  function contactLayerOf(c) {
    if (c.layer !== undefined) return c.layer;
    if (c.basis === 'proximity') {
      c.layer = L.polyline([[c.a.lat, c.a.lon], [c.b.lat, c.b.lon]], {
        pane: 'contacts', renderer: contactRenderer, color: '#111', weight: 2, dashArray: '5 4',
        className: 'marsad-contact'
      });
    } else if (c.basis === 'reported') {
      c.layer = L.circleMarker([c.a.lat, c.a.lon], {
        pane: 'contacts', renderer: contactRenderer, radius: 15, color: '#1f78b4', weight: 3,
        fill: false, className: 'marsad-contact marsad-contact-reported'
      });
    } else {
      c.layer = null;  // a contested place: already drawn by the control layer
    }
    if (c.layer) c.layer.bindPopup(function () { return contactPopup(c); });
    return c.layer;
  }

  function drawContacts(d) {
    contactLayer.clearLayers();
    var n = 0;
    contacts.forEach(function (c) {
      if (!(c.s <= d && d < c.e)) return;
      n += 1;
      var layer = contactLayerOf(c);
      if (layer) contactLayer.addLayer(layer);
    });
    return n;
  }

  function drawFronts(d) {
    frontLayer.clearLayers();
    var snap = lastAtOrBefore(frontSnaps, d, 'd');
    if (!snap) return 0;
    snap.fronts.features.forEach(function (f) {
      var left = f.properties.left, right = f.properties.right;
      var tip = el('span', null, coalitionLabel(left) + ' | ' + coalitionLabel(right));
      L.geoJSON(f, { pane: 'fronts', style: { color: coalitionColor(left), weight: 5, opacity: 0.9,
        className: 'marsad-front' } }).bindTooltip(tip, { sticky: true }).addTo(frontLayer);
      L.geoJSON(f, { pane: 'fronts', interactive: false, style: { color: coalitionColor(right),
        weight: 5, opacity: 0.9, dashArray: '8 8', className: 'marsad-front-b' } }).addTo(frontLayer);
    });
    return snap.fronts.features.length;
  }

  // ---- the legend ----------------------------------------------------------------------
  var Legend = L.Control.extend({
    options: { position: 'topright' },
    onAdd: function () {
      var box = el('div', 'marsad-legend leaflet-bar');
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      box.appendChild(el('h4', null, 'events'));
      Object.keys(data.kinds).forEach(function (k) {
        var label = el('label');
        var box2 = el('input');
        box2.type = 'checkbox'; box2.checked = true; box2.className = 'marsad-kind-toggle';
        box2.dataset.kind = k;
        box2.addEventListener('change', function () { kindOn[k] = box2.checked; update(); });
        label.appendChild(box2);
        label.appendChild(swatch(kindColor(k)));
        label.appendChild(document.createTextNode(k));
        box.appendChild(label);
      });
      box.appendChild(el('h4', null, 'held by'));
      Object.keys(data.coalitions).forEach(function (c) {
        var row = el('label');
        row.appendChild(swatch(coalitionColor(c), 'marsad-square'));
        row.appendChild(document.createTextNode(coalitionLabel(c)));
        box.appendChild(row);
      });
      var keys = [['marsad-dashed', 'contested place'], ['marsad-ring', 'reported contact'],
                  ['marsad-line', 'front line (colours of both sides)']];
      box.appendChild(el('h4', null, 'also'));
      keys.forEach(function (k) {
        var row = el('label');
        var s = swatch(k[0] === 'marsad-line' ? '#444' : '', k[0]);
        row.appendChild(s);
        row.appendChild(document.createTextNode(k[1]));
        box.appendChild(row);
      });
      return box;
    }
  });
  new Legend().addTo(map);
  L.control.layers(null, {
    'Events': eventsLayer, 'Control': controlLayer, 'Contested places': contestedLayer,
    'Contact points': contactLayer, 'Front lines': frontLayer, 'Governorates': admin1
  }, { position: 'topleft', collapsed: true }).addTo(map);
  L.control.scale({ imperial: false }).addTo(map);

  // ---- time ----------------------------------------------------------------------------
  var first = dayNumber(data.first_day), last = dayNumber(data.last_day);
  var slider = document.getElementById('marsad-slider');
  var output = document.getElementById('marsad-date');
  var status = document.getElementById('marsad-status');
  var trail = document.getElementById('marsad-trail');
  var speed = document.getElementById('marsad-speed');
  var playButton = document.getElementById('marsad-play');
  slider.min = '0';
  slider.max = String(Math.max(0, last - first));
  var state = { day: dayNumber(data.day), counts: {} };
  var hashDay = /(?:^#|&)date=(\d{4}-\d{2}-\d{2})/.exec(location.hash);
  if (hashDay && dayNumber(hashDay[1]) !== null) {
    state.day = Math.min(last, Math.max(first, dayNumber(hashDay[1])));
  }

  function update() {
    var d = state.day;
    slider.value = String(d - first);
    output.textContent = isoDay(d);
    var t = parseInt(trail.value, 10) || 0;
    eventsLayer.clearLayers();
    var shown = 0;
    events.forEach(function (e) {
      if (e.day > d || (t > 0 && e.day <= d - t) || !kindOn[e.kind]) return;
      eventsLayer.addLayer(eventMarker(e));
      shown += 1;
    });
    controlLayer.clearLayers();
    contestedLayer.clearLayers();
    var held = 0, contested = 0;
    places.forEach(function (p) {
      var iv = inForce(p, d);
      if (!iv) return;
      if (iv.status === 'contested') { contestedLayer.addLayer(placeMarker(p, iv)); contested += 1; }
      else { controlLayer.addLayer(placeMarker(p, iv)); held += 1; }
    });
    var nContacts = drawContacts(d), nFronts = drawFronts(d);
    var asOf = lastAtOrBefore(computedDays, d);
    state.counts = { events: shown, held: held, contested: contested, contacts: nContacts,
                     fronts: nFronts };
    status.textContent = shown + ' events · ' + held + ' places held · ' + contested +
      ' contested · ' + nContacts + ' contacts · ' + nFronts + ' front lines' +
      (thinned && asOf !== null && asOf !== d ? ' (contacts and fronts as of ' + isoDay(asOf) + ')' : '') +
      (data.truncated_events ? ' · ' + data.truncated_events + ' older events left out' : '');
  }

  function setDay(d) {
    state.day = Math.min(last, Math.max(first, d));
    update();
    if (history.replaceState) history.replaceState(null, '', '#date=' + isoDay(state.day));
  }

  function openEvent(id) {
    var e = eventById[id];
    if (!e) return;
    if (e.day > state.day) setDay(e.day);
    var m = eventMarker(e);
    if (!eventsLayer.hasLayer(m)) { kindOn[e.kind] = true; trail.value = '0'; update(); }
    m.openPopup();
  }

  var timer = null;
  function stop() { if (timer) { clearInterval(timer); timer = null; playButton.textContent = '\u25B6'; } }
  function play() {
    if (timer) { stop(); return; }
    if (state.day >= last) setDay(first);
    playButton.textContent = '\u275A\u275A';
    timer = setInterval(function () {
      if (state.day >= last) { stop(); return; }
      setDay(state.day + (parseInt(speed.value, 10) || 1));
    }, 250);
  }

  slider.addEventListener('input', function () { stop(); setDay(first + (parseInt(slider.value, 10) || 0)); });
  trail.addEventListener('change', update);
  playButton.addEventListener('click', play);
  document.getElementById('marsad-prev').addEventListener('click', function () { stop(); setDay(state.day - 1); });
  document.getElementById('marsad-next').addEventListener('click', function () { stop(); setDay(state.day + 1); });
  document.addEventListener('keydown', function (ev) {
    // focused controls keep their own keys (the slider steps itself, buttons click on space)
    if (ev.target && /^(INPUT|SELECT|TEXTAREA|BUTTON|A)$/.test(ev.target.tagName)) return;
    if (ev.key === 'ArrowLeft') { stop(); setDay(state.day - 1); ev.preventDefault(); }
    else if (ev.key === 'ArrowRight') { stop(); setDay(state.day + 1); ev.preventDefault(); }
    else if (ev.key === ' ') { play(); ev.preventDefault(); }
  });

  // ---- initial view ----------------------------------------------------------------------
  var pts = [];
  events.forEach(function (e) { pts.push([e.lat, e.lon]); });
  places.forEach(function (p) { pts.push([p.lat, p.lon]); });
  if (pts.length) {
    map.fitBounds(L.latLngBounds(pts).pad(0.15), { maxZoom: 10 });
  } else if (data.basemap.admin1.features.length) {
    map.fitBounds(admin1.getBounds());
  } else {
    map.fitBounds([[29, 35], [38, 49]]);
  }
  layoutGroups();
  map.on('zoomend', layoutGroups);
  update();

  // For scripted checks (the browser tests) and for the console.
  window.marsadMap = {
    map: map,
    setDate: function (iso) { var d = dayNumber(iso); if (d !== null) { stop(); setDay(d); } },
    date: function () { return isoDay(state.day); },
    counts: function () { return Object.assign({}, state.counts); },
    openEvent: openEvent
  };
}());
