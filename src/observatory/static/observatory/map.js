// World map of programme counts by country (Vega-Lite, vendored; no network).
(function () {
  const script = document.currentScript;
  const target = document.getElementById("map");
  const source = document.getElementById("country-counts");
  if (!target || !source || typeof vegaEmbed === "undefined") return;
  const rows = JSON.parse(source.textContent).filter((r) => r.numeric);
  const topojson = script.dataset.topojson;
  const world = { url: topojson, format: { type: "topojson", feature: "countries" } };
  const spec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: "container", height: 300, autosize: { type: "fit", contains: "padding" },
    projection: { type: "equalEarth" },
    layer: [
      { data: world, transform: [{ filter: "datum.id !== '010'" }],
        mark: { type: "geoshape", fill: "#e4e8ec", stroke: "#fff", strokeWidth: 0.5 } },
      { data: world,
        transform: [
          { lookup: "id", from: { data: { values: rows }, key: "numeric",
                                  fields: ["name", "programmes", "code"] } },
          { filter: "isValid(datum.programmes)" },
          { calculate: "'" + script.dataset.listUrl + "?country=' + datum.code", as: "href" },
        ],
        mark: { type: "geoshape", stroke: "#fff", strokeWidth: 0.5, cursor: "pointer" },
        encoding: {
          color: { field: "programmes", type: "quantitative", title: script.dataset.legend,
                   scale: { scheme: "greens", domainMin: 0 },
                   legend: { format: "d", tickMinStep: 1 } },
          href: { field: "href" },
          tooltip: [
            { field: "name", type: "nominal", title: script.dataset.country },
            { field: "programmes", type: "quantitative", title: script.dataset.legend },
          ],
        } },
    ],
  };
  vegaEmbed(target, spec, { actions: false, renderer: "svg" }).catch(function (err) {
    target.textContent = "";
    console.error(err);
  });
})();
