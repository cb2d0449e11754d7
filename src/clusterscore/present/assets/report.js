/* clusterscore report: sortable tables and what-if weighting.
 * Plain JavaScript, no framework, no network. The what-if recomputation
 * is the library's: w = alpha * w_ahp + (1 - alpha) * w_entropy, then
 * score = 100 * sum_j w_j y_ij (weighted sum) or
 * 100 * exp(sum_j w_j ln max(y_ij, floor)) (geometric) or TOPSIS closeness
 * on the normalised, oriented matrix (ideal = column max), competition
 * ranks (ties share the smaller rank), rows by rank then cluster name. */
(function () {
  "use strict";

  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

  function cellKey(cell) {
    var v = cell.getAttribute("data-v");
    if (v !== null && v !== "" && !isNaN(Number(v))) { return Number(v); }
    return cell.textContent.trim();
  }

  function makeSortable(table) {
    var heads = table.querySelectorAll("thead th");
    heads.forEach(function (th, col) {
      th.setAttribute("tabindex", "0");
      th.setAttribute("role", "button");
      function sortBy() {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (r1, r2) {
          var a = cellKey(r1.cells[col]), b = cellKey(r2.cells[col]);
          var c = (typeof a === "number" && typeof b === "number") ?
            a - b : cmp(String(a), String(b));
          return asc ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      }
      th.addEventListener("click", sortBy);
      th.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sortBy(); }
      });
    });
  }

  document.querySelectorAll("table.sortable").forEach(makeSortable);

  var dataEl = document.getElementById("cs-whatif-data");
  if (!dataEl) { return; }
  var D = JSON.parse(dataEl.textContent);
  var nDim = D.dimensions.length;
  var alphaEl = document.getElementById("cs-alpha");
  var alphaOut = document.getElementById("cs-alpha-value");
  var manualEl = document.getElementById("cs-dims-manual");
  var dimEls = document.querySelectorAll("input.cs-dim");
  var dimOuts = document.querySelectorAll("output.cs-dim-value");
  var body = document.querySelector("#cs-whatif-table tbody");

  function blend(alpha) {
    return D.ahp.map(function (a, j) {
      return alpha * a + (1 - alpha) * D.entropy[j];
    });
  }

  function dimTotals(w) {
    var t = new Array(nDim).fill(0);
    w.forEach(function (x, j) { t[D.group[j]] += x; });
    return t;
  }

  function withDimensions(w, shares) {
    var t = dimTotals(w);
    var s = shares.reduce(function (a, b) { return a + b; }, 0);
    if (!(s > 0)) { return w; }
    var out = w.map(function (x, j) {
      var g = D.group[j];
      return t[g] > 0 ? x / t[g] * shares[g] / s : 0;
    });
    var total = out.reduce(function (a, b) { return a + b; }, 0);
    return out.map(function (x) { return x / total; });
  }

  function topsis(w) {
    var n = w.length, lo = [], hi = [];
    for (var j = 0; j < n; j++) {
      lo.push(Infinity); hi.push(-Infinity);
      D.Y.forEach(function (row) {
        if (row[j] < lo[j]) { lo[j] = row[j]; }
        if (row[j] > hi[j]) { hi[j] = row[j]; }
      });
    }
    return D.Y.map(function (row) {
      var dm = 0, dp = 0;
      row.forEach(function (y, j) {
        var w2 = w[j] * w[j], u = y - lo[j], q = hi[j] - lo[j] - u;
        dm += w2 * u * u; dp += w2 * q * q;
      });
      dm = Math.sqrt(dm); dp = Math.sqrt(dp);
      return dm + dp > 0 ? 100 * dm / (dp + dm) : 50;
    });
  }

  function scores(w) {
    if (D.method === "topsis") { return topsis(w); }
    return D.Y.map(function (row) {
      var acc = 0;
      if (D.method === "geometric") {
        row.forEach(function (y, j) {
          acc += w[j] * Math.log(Math.max(y, D.floor));
        });
        return 100 * Math.exp(acc);
      }
      row.forEach(function (y, j) { acc += w[j] * y; });
      return 100 * acc;
    });
  }

  function ranks(s) {
    return s.map(function (x) {
      var r = 1;
      s.forEach(function (y) { if (y > x) { r += 1; } });
      return r;
    });
  }

  function render() {
    var alpha = Number(alphaEl.value);
    alphaOut.textContent = alpha.toFixed(2);
    var w = blend(alpha);
    var auto = dimTotals(w);
    if (manualEl && manualEl.checked) {
      var shares = Array.prototype.map.call(dimEls, function (el) {
        return Number(el.value);
      });
      w = withDimensions(w, shares);
    } else {
      dimEls.forEach(function (el, k) { el.value = auto[k].toFixed(3); });
    }
    var used = dimTotals(w);
    dimOuts.forEach(function (o, k) {
      o.textContent = (100 * used[k]).toFixed(1) + " %";
    });
    dimEls.forEach(function (el) { el.disabled = !(manualEl && manualEl.checked); });
    var s = scores(w), r = ranks(s);
    var order = s.map(function (_, i) { return i; });
    order.sort(function (a, b) {
      return (r[a] - r[b]) || cmp(D.clusters[a], D.clusters[b]);
    });
    var rows = body.rows;
    order.forEach(function (i, k) {
      var tr = rows[k];
      var c = D.clusters[i];
      var shift = D.nominal_rank[c] - r[i];
      tr.setAttribute("data-cluster", c);
      tr.setAttribute("data-score", String(s[i]));
      tr.setAttribute("data-rank", String(r[i]));
      tr.cells[0].textContent = String(r[i]);
      tr.cells[0].setAttribute("data-v", String(r[i]));
      tr.cells[1].textContent = c;
      tr.cells[2].textContent = D.type_names[D.types[i]] || D.types[i];
      tr.cells[3].textContent = s[i].toFixed(2);
      tr.cells[3].setAttribute("data-v", String(s[i]));
      tr.cells[4].textContent = shift > 0 ? "\u25b2 " + shift :
        shift < 0 ? "\u25bc " + (-shift) : "=";
      tr.cells[4].setAttribute("data-v", String(shift));
      tr.className = shift > 0 ? "up" : shift < 0 ? "down" : "";
    });
  }

  alphaEl.addEventListener("input", render);
  if (manualEl) { manualEl.addEventListener("change", render); }
  dimEls.forEach(function (el) { el.addEventListener("input", render); });
  render();
})();
