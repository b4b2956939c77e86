// Result charts (Vega-Lite, vendored): specs come from json_script elements on the page.
(function () {
  if (typeof vegaEmbed === "undefined") return;
  const options = { actions: false, renderer: "svg" };
  const many = document.getElementById("result-charts");
  if (many) {
    const specs = JSON.parse(many.textContent);
    for (const [id, spec] of Object.entries(specs)) {
      const target = document.getElementById(id);
      if (target) vegaEmbed(target, spec, options);
    }
  }
  const one = document.getElementById("reference-chart-spec");
  const target = document.getElementById("reference-chart");
  if (one && target) vegaEmbed(target, JSON.parse(one.textContent), options);
})();
