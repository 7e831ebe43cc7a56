"use strict";
// ParcelNet report: theme switch, sortable tables and the search workbench. Everything it shows
// comes from the JSON block #pn-data of this page; text is set with textContent (never parsed as
// markup) and nothing is fetched.
(function () {
  var doc = document;
  // The SVG namespace, taken from the parser (so the page holds no URL at all).
  var probe = doc.createElement("div");
  probe.innerHTML = "<svg></svg>";
  var SVGNS = probe.firstChild.namespaceURI;

  function el(tag, attrs, text) {
    var e = doc.createElement(tag);
    if (attrs) {
      for (var k in attrs) {
        if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, attrs[k]);
      }
    }
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function svgEl(tag, attrs, text) {
    var e = doc.createElementNS(SVGNS, tag);
    for (var k in attrs) {
      if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, attrs[k]);
    }
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function fmt(n) {
    if (n === null || n === undefined) return "\u2014";
    if (typeof n !== "number") return String(n);
    if (Math.round(n) === n) return n.toLocaleString("en-US");
    return n.toFixed(3);
  }
  function day(t) {
    return new Date(t * 1000).toISOString().slice(0, 10);
  }
  function when(t) {
    return new Date(t * 1000).toISOString().slice(0, 16).replace("T", " ");
  }

  // Theme: follows the system unless the reader picks one.
  var themeButton = doc.getElementById("pn-theme");
  if (themeButton) {
    themeButton.addEventListener("click", function () {
      var root = doc.documentElement;
      var dark = root.getAttribute("data-theme") === "dark" ||
          (!root.getAttribute("data-theme") && window.matchMedia &&
           window.matchMedia("(prefers-color-scheme: dark)").matches);
      root.setAttribute("data-theme", dark ? "light" : "dark");
      themeButton.setAttribute("aria-pressed", dark ? "false" : "true");
    });
  }

  // Printing shows every folded table.
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(doc.querySelectorAll("details"), function (d) { d.open = true; });
  });

  // Sortable tables: a click on a column header sorts by it; a second click reverses.
  function cellKey(td, numeric) {
    var t = td ? td.textContent : "";
    if (!numeric) return t.toLowerCase();
    var v = parseFloat(t.replace(/,/g, "").replace("\u2212", "-"));
    return isNaN(v) ? -Infinity : v;
  }
  function makeSortable(table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, col) {
      th.classList.add("sort");
      th.setAttribute("tabindex", "0");
      th.setAttribute("aria-sort", "none");
      function sort() {
        var numeric = th.classList.contains("num");
        var asc = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var keyed = rows.map(function (r, i) { return [cellKey(r.cells[col], numeric), i, r]; });
        keyed.sort(function (a, b) {
          if (a[0] < b[0]) return asc ? -1 : 1;
          if (a[0] > b[0]) return asc ? 1 : -1;
          return a[1] - b[1];
        });
        keyed.forEach(function (k) { body.appendChild(k[2]); });
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sort(); }
      });
    });
  }
  Array.prototype.forEach.call(doc.querySelectorAll("table.sortable"), makeSortable);

  // The workbench.
  var dataBlock = doc.getElementById("pn-data");
  var out = doc.getElementById("pn-result");
  var form = doc.getElementById("pn-search");
  if (!dataBlock || !out || !form) {
    doc.documentElement.setAttribute("data-ready", "1"); // a page without search: theme and tables are ready
    return;
  }
  // The data is parsed and indexed on first use (a search, or a moment after the page has loaded),
  // so the page shows at once however much it holds.
  var D = null, partyIndex, digitIndex, focus, rings, waybills, parcelsOf, linksOf;
  function load() {
    if (D) return;
    var t0 = window.performance ? performance.now() : 0;
    D = JSON.parse(dataBlock.textContent);
    var cols = D.parcels;
    var n = cols.waybill.length;
    // D.parcels[i] as [waybill, time, sender, receiver, origin, destination, pieces, flagged, case]
    var rows = new Array(n);
    for (var i = 0; i < n; i++) {
      rows[i] = [cols.waybill[i], cols.time[i], cols.sender[i], cols.receiver[i], cols.origin[i],
        cols.destination[i], cols.pieces[i], cols.flagged[i], cols["case"][i]];
    }
    D.parcels = rows;
    partyIndex = new Map();
    digitIndex = new Map();
    D.parties.forEach(function (id, i) {
      partyIndex.set(id, i);
      var digits = id.replace(/\D/g, "");
      if (digits.length >= 5 && !digitIndex.has(digits)) digitIndex.set(digits, i);
    });
    focus = new Map();
    D.focus.forEach(function (f) { focus.set(f.p, f); });
    rings = new Map();
    D.rings.forEach(function (r) { rings.set(r.ring, r); });
    waybills = new Map();
    parcelsOf = new Map();
    D.parcels.forEach(function (p, i) {
      waybills.set(p[0], i);
      [p[2], p[3]].forEach(function (party) {
        var list = parcelsOf.get(party);
        if (!list) { list = []; parcelsOf.set(party, list); }
        if (list[list.length - 1] !== i) list.push(i);
      });
    });
    linksOf = new Map();
    (D.links || []).forEach(function (l, i) {
      [l[0], l[1]].forEach(function (w) {
        var list = linksOf.get(w);
        if (!list) { list = []; linksOf.set(w, list); }
        list.push(i);
      });
    });
    if (window.performance) {
      doc.documentElement.setAttribute("data-index-ms", String(Math.round(performance.now() - t0)));
    }
  }

  function place(i) { return i >= 0 ? D.places[i] : "?"; }
  function ringTag(ring) {
    var r = rings.get(ring);
    var span = el("span", {"class": "ringtag"});
    if (!r) { span.textContent = "not in a ring"; return span; }
    var sw = el("span", {"class": "swatch"});
    sw.style.background = r.colour;
    span.appendChild(sw);
    span.appendChild(doc.createTextNode("ring " + r.ring + " (rank " + r.rank + ", " + r.size + " parties)"));
    return span;
  }
  function partyLink(i) {
    var a = el("a", {"href": "#search", "class": "plink", "data-party": String(i)}, D.parties[i]);
    a.addEventListener("click", function (e) { e.preventDefault(); showParty(i); });
    return a;
  }
  function parcelLink(i) {
    var a = el("a", {"href": "#search", "class": "plink", "data-parcel": String(i)}, D.parcels[i][0]);
    a.addEventListener("click", function (e) { e.preventDefault(); showParcel(i); });
    return a;
  }
  function kv(dl, k, v) {
    dl.appendChild(el("dt", null, k));
    var dd = el("dd");
    if (v instanceof Node) dd.appendChild(v); else dd.textContent = v === null || v === undefined ? "\u2014" : String(v);
    dl.appendChild(dd);
  }
  function table(header, rows, caption) {
    var wrap = el("div", {"class": "tablewrap" + (rows.length > 20 ? " long" : "")});
    var t = el("table", {"class": "sortable"});
    if (caption) t.appendChild(el("caption", null, caption));
    var thead = el("thead");
    var tr = el("tr");
    header.forEach(function (h, c) {
      var numeric = rows.length > 0 && rows.every(function (r) { return typeof r[c] === "number" || r[c] === null; });
      tr.appendChild(el("th", numeric ? {"scope": "col", "class": "num"} : {"scope": "col"}, h));
    });
    thead.appendChild(tr);
    t.appendChild(thead);
    var tbody = el("tbody");
    rows.forEach(function (r) {
      var row = el("tr");
      r.forEach(function (cell) {
        var td = el("td", typeof cell === "number" ? {"class": "num"} : null);
        if (cell instanceof Node) td.appendChild(cell); else td.textContent = typeof cell === "number" ? fmt(cell) : (cell === null ? "\u2014" : String(cell));
        row.appendChild(td);
      });
      tbody.appendChild(row);
    });
    t.appendChild(tbody);
    wrap.appendChild(t);
    if (rows.length === 0) wrap.appendChild(el("p", {"class": "empty"}, "none"));
    makeSortable(t);
    return wrap;
  }
  function clear() {
    while (out.firstChild) out.removeChild(out.firstChild);
  }

  // Parcels of a party on a time line: sent above the axis, received below; flagged in red.
  function timeline(party, list) {
    var w = 960, h = 120, pad = 52;
    var times = list.map(function (i) { return D.parcels[i][1]; });
    var t0 = Math.min.apply(null, times), t1 = Math.max.apply(null, times);
    if (t1 === t0) { t0 -= 43200; t1 += 43200; }
    var s = svgEl("svg", {"viewBox": "0 0 " + w + " " + h, "class": "timeline", "role": "img",
      "aria-label": list.length + " parcels of " + D.parties[party] + " from " + day(t0) + " to " + day(t1) +
        "; sent above the line, received below, flagged in red; listed in the table below"});
    s.appendChild(svgEl("line", {"x1": pad, "x2": w - 8, "y1": h / 2, "y2": h / 2, "class": "axis"}));
    s.appendChild(svgEl("text", {"x": 2, "y": h / 2 - 20, "class": "lane"}, "sent"));
    s.appendChild(svgEl("text", {"x": 2, "y": h / 2 + 28, "class": "lane"}, "received"));
    s.appendChild(svgEl("text", {"x": pad, "y": h - 4, "class": "lane"}, day(t0)));
    s.appendChild(svgEl("text", {"x": w - 8, "y": h - 4, "class": "lane", "text-anchor": "end"}, day(t1)));
    list.forEach(function (i) {
      var p = D.parcels[i];
      var x = pad + (w - 8 - pad) * (p[1] - t0) / (t1 - t0);
      var sent = p[2] === party;
      var y1 = sent ? h / 2 - 30 : h / 2 + 4, y2 = sent ? h / 2 - 4 : h / 2 + 30;
      var tick = svgEl("line", {"x1": x.toFixed(1), "x2": x.toFixed(1), "y1": y1, "y2": y2,
        "class": p[7] ? "tick flagged" : "tick"});
      tick.appendChild(svgEl("title", {}, p[0] + " " + when(p[1]) + " " + place(p[4]) + " \u2192 " + place(p[5])));
      s.appendChild(tick);
    });
    return s;
  }

  // A party's counterparties among the embedded parcels, drawn around it.
  function egoNetwork(party, list) {
    var counts = new Map();
    list.forEach(function (i) {
      var p = D.parcels[i];
      var other = p[2] === party ? p[3] : p[2];
      var c = counts.get(other) || {out: 0, inn: 0};
      if (p[2] === party) c.out++; else c.inn++;
      counts.set(other, c);
    });
    var others = Array.from(counts.keys()).sort(function (a, b) {
      var ca = counts.get(a), cb = counts.get(b);
      return (cb.out + cb.inn) - (ca.out + ca.inn) || a - b;
    }).slice(0, 24);
    var size = 320, cx = size / 2, cy = size / 2, rad = 120;
    var s = svgEl("svg", {"viewBox": "0 0 " + size + " " + size, "class": "ego", "role": "img",
      "aria-label": D.parties[party] + " and its " + counts.size + " counterparties in the embedded parcels" +
        (counts.size > others.length ? " (the " + others.length + " busiest drawn)" : "") + "; listed in the table beside"});
    others.forEach(function (o, k) {
      var a = 2 * Math.PI * k / others.length - Math.PI / 2;
      var x = cx + rad * Math.cos(a), y = cy + rad * Math.sin(a);
      var c = counts.get(o);
      s.appendChild(svgEl("line", {"x1": cx, "y1": cy, "x2": x.toFixed(1), "y2": y.toFixed(1), "class": "edge",
        "stroke-width": Math.min(8, 1 + Math.log2(c.out + c.inn)).toFixed(1)}));
      var f = focus.get(o);
      var r = f ? rings.get(f.ring) : null;
      var node = svgEl("circle", {"cx": x.toFixed(1), "cy": y.toFixed(1), "r": 7, "class": "node",
        "fill": r ? r.colour : "#8c959f", "data-party": String(o)});
      node.appendChild(svgEl("title", {}, D.parties[o] + ": " + c.out + " sent to, " + c.inn + " received from"));
      node.addEventListener("click", function () { showParty(o); });
      s.appendChild(node);
    });
    var me = focus.get(party);
    var mr = me ? rings.get(me.ring) : null;
    s.appendChild(svgEl("circle", {"cx": cx, "cy": cy, "r": 11, "class": "node me", "fill": mr ? mr.colour : "#8c959f"}));
    return s;
  }

  function evidence(waybillList) {
    if (!D.links) {
      return el("p", {"class": "note"}, "No case-link evidence in this report (links.csv was not written by this run); " +
        "case networks below come from shared phones, addresses and name+phone pairs.");
    }
    var seen = new Set(), rows = [];
    waybillList.forEach(function (w) {
      (linksOf.get(w) || []).forEach(function (li) {
        if (seen.has(li) || rows.length >= 100) return;
        seen.add(li);
        var l = D.links[li];
        rows.push([l[0], l[1], l[2], l[3]]);
      });
    });
    return table(["case", "case", "linking identifiers", "weight"], rows, "Linking evidence (links.csv) of these parcels");
  }

  function showParty(i) {
    clear();
    var f = focus.get(i);
    out.appendChild(el("h3", null, "Party " + D.parties[i]));
    var dl = el("dl", {"class": "facts"});
    kv(dl, "ring", ringTag(f ? f.ring : -1));
    if (f) {
      kv(dl, "tier", f.tier);
      kv(dl, "role", f.role === null ? "\u2014 (no ring_members.csv in this run)" : f.role);
      kv(dl, "confidence", f.confidence === null ? "\u2014" : fmt(f.confidence));
      kv(dl, "lead", f.lead === null ? "not among the listed leads" : "rank " + f.lead + ", score " + fmt(f.score));
      kv(dl, "why", f.why || "\u2014");
      kv(dl, "region", f.region);
      kv(dl, "shipments sent / received", fmt(f.sent) + " / " + fmt(f.received));
    } else {
      kv(dl, "listed because", "counterparty of a ring member or lead (only its parcels with them are embedded)");
    }
    out.appendChild(dl);
    var list = (parcelsOf.get(i) || []).slice().sort(function (a, b) { return D.parcels[a][1] - D.parcels[b][1]; });
    if (f && f.cut) {
      out.appendChild(el("p", {"class": "note"}, "The page holds " + list.length + " of its " + fmt(f.sent + f.received) +
        " parcels (the most recent); the shipments file has them all, networks.csv their case networks."));
    }
    if (list.length === 0) { out.appendChild(el("p", {"class": "empty"}, "no parcels embedded")); return; }
    out.appendChild(el("h4", null, "Parcels on a time line"));
    out.appendChild(timeline(i, list));
    var cases = new Map();
    list.forEach(function (k) { var c = D.parcels[k][8]; cases.set(c, (cases.get(c) || 0) + 1); });
    out.appendChild(el("h4", null, "Case network"));
    var row = el("div", {"class": "egorow"});
    row.appendChild(egoNetwork(i, list));
    var caseRows = Array.from(cases.keys()).map(function (c) {
      return ["#" + c, D.cases[String(c)] || null, cases.get(c)];
    });
    row.appendChild(table(["case network", "shipments in it", "of this party's parcels"], caseRows,
      "Case networks of its parcels (networks.csv)"));
    out.appendChild(row);
    out.appendChild(evidence(list.map(function (k) { return D.parcels[k][0]; })));
    var prow = list.slice(-200).reverse().map(function (k) {
      var p = D.parcels[k];
      return [when(p[1]), parcelLink(k), partyLink(p[2]), partyLink(p[3]),
        place(p[4]) + " \u2192 " + place(p[5]), p[6], p[7] ? "yes" : "", "#" + p[8]];
    });
    out.appendChild(table(["time (UTC)", "waybill", "sender", "receiver", "from \u2192 to", "pieces", "flagged", "case"],
      prow, "Its parcels, newest first" + (list.length > 200 ? " (200 of " + list.length + ")" : "")));
  }

  function showParcel(k) {
    clear();
    var p = D.parcels[k];
    out.appendChild(el("h3", null, "Waybill " + p[0]));
    var dl = el("dl", {"class": "facts"});
    kv(dl, "picked up (UTC)", when(p[1]));
    kv(dl, "sender", partyLink(p[2]));
    kv(dl, "receiver", partyLink(p[3]));
    kv(dl, "from \u2192 to", place(p[4]) + " \u2192 " + place(p[5]));
    kv(dl, "pieces", p[6]);
    kv(dl, "flagged", p[7] ? "yes" : "no");
    kv(dl, "case network", "#" + p[8] + " (" + fmt(D.cases[String(p[8])] || null) + " shipments)");
    var f = focus.get(p[2]) || focus.get(p[3]);
    kv(dl, "ring", ringTag(f ? f.ring : -1));
    out.appendChild(dl);
    out.appendChild(evidence([p[0]]));
  }

  function showPlace(pi) {
    clear();
    var name = D.places[pi];
    var province = name.split("/")[0];
    out.appendChild(el("h3", null, "Place " + name));
    var sent = 0, received = 0;
    D.parcels.forEach(function (p) { if (p[4] === pi) sent++; if (p[5] === pi) received++; });
    var dl = el("dl", {"class": "facts"});
    kv(dl, "embedded parcels from / to here", fmt(sent) + " / " + fmt(received));
    out.appendChild(dl);
    var routes = D.routes.filter(function (r) {
      return r[1].split(" > ").indexOf(province) >= 0 || r[6].split(" > ").indexOf(name) >= 0;
    }).map(function (r) { return [r[0], r[1], r[6], r[2], r[5] < 0 ? "\u2014" : "ring " + r[5]]; });
    out.appendChild(table(["rank", "route (routes.csv)", "drawn via", "chains", "mostly of"], routes, "Relay routes through " + province));
    var parties = D.focus.filter(function (f) { return f.region === province; }).slice(0, 200).map(function (f) {
      return [partyLink(f.p), f.ring < 0 ? "\u2014" : "ring " + f.ring, f.tier || "\u2014", f.lead === null ? null : f.lead];
    });
    out.appendChild(table(["party", "ring", "tier", "lead rank"], parties, "Ring members and leads dispatched to " + province));
  }

  function showMatches(q, parties, parcels, places) {
    clear();
    out.appendChild(el("h3", null, "Matches for \u201c" + q + "\u201d"));
    if (parties.length + parcels.length + places.length === 0) {
      out.appendChild(el("p", {"class": "empty"}, "Nothing in the page matches. The page holds the rings' members, the " +
        "leads, interdiction picks and their parcels (see \u201cWhat this page holds\u201d); the CSV files hold everything."));
      return;
    }
    var ul = el("ul", {"class": "matches"});
    parties.forEach(function (i) { var li = el("li"); li.appendChild(doc.createTextNode("party ")); li.appendChild(partyLink(i)); ul.appendChild(li); });
    parcels.forEach(function (i) { var li = el("li"); li.appendChild(doc.createTextNode("waybill ")); li.appendChild(parcelLink(i)); ul.appendChild(li); });
    places.forEach(function (i) {
      var li = el("li");
      var a = el("a", {"href": "#search", "class": "plink"}, D.places[i]);
      a.addEventListener("click", function (e) { e.preventDefault(); showPlace(i); });
      li.appendChild(doc.createTextNode("place "));
      li.appendChild(a);
      ul.appendChild(li);
    });
    out.appendChild(ul);
  }

  function search(q) {
    q = q.trim();
    if (!q) return;
    load();
    var digits = q.replace(/\D/g, "");
    if (partyIndex.has(q)) return showParty(partyIndex.get(q));
    if (/^[+\d\s().-]+$/.test(q) && digits.length >= 5) {
      if (digitIndex.has(digits)) return showParty(digitIndex.get(digits));
      if (digits.length > 11 && digitIndex.has(digits.slice(-11))) return showParty(digitIndex.get(digits.slice(-11)));
    }
    if (waybills.has(q)) return showParcel(waybills.get(q));
    var lower = q.toLowerCase();
    var exactPlace = D.places.findIndex(function (p) {
      var parts = p.toLowerCase().split("/");
      return p.toLowerCase() === lower || parts[1] === lower;
    });
    if (exactPlace >= 0) return showPlace(exactPlace);
    var parties = [], parcels = [], places = [];
    for (var i = 0; i < D.parties.length && parties.length < 20; i++) {
      if (D.parties[i].toLowerCase().indexOf(lower) >= 0) parties.push(i);
    }
    for (var k = 0; k < D.parcels.length && parcels.length < 20; k++) {
      if (D.parcels[k][0].toLowerCase().indexOf(lower) >= 0) parcels.push(k);
    }
    D.places.forEach(function (p, j) { if (places.length < 20 && p.toLowerCase().indexOf(lower) >= 0) places.push(j); });
    showMatches(q, parties, parcels, places);
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    search(doc.getElementById("pn-q").value);
  });
  // A link to report.html#q=TEXT opens the page on that search.
  function fromHash() {
    var h = window.location.hash;
    if (h.indexOf("#q=") === 0) {
      var q = decodeURIComponent(h.slice(3));
      doc.getElementById("pn-q").value = q;
      search(q);
    }
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
  doc.documentElement.setAttribute("data-ready", "1");
  // Opening time, for measurements: milliseconds from navigation start to the end of this script
  // (the page parsed, its data read and indexed) and to the load event.
  if (window.performance && performance.now) {
    doc.documentElement.setAttribute("data-ready-ms", String(Math.round(performance.now())));
    window.addEventListener("load", function () {
      doc.documentElement.setAttribute("data-load-ms", String(Math.round(performance.now())));
      setTimeout(load, 200);
    });
  } else {
    window.addEventListener("load", function () { setTimeout(load, 200); });
  }
})();
