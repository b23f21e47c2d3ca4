// Draws every element with a data-chart attribute with Apache ECharts. The description (kind, translated
// labels, the API's figures) comes from the server; this script only draws it, and draws again after htmx
// swaps a part of the page.
(function () {
  function option(spec) {
    if (spec.kind === 'heatmap') {
      var max = 1;
      spec.series[0].data.forEach(function (c) { if (c[2] > max) { max = c[2]; } });
      return {
        tooltip: { position: 'top' },
        grid: { left: 110, right: 20, top: 10, bottom: 60 },
        xAxis: { type: 'category', data: spec.categories },
        yAxis: { type: 'category', data: spec.rows },
        visualMap: { min: 0, max: max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0 },
        series: [{ name: spec.series[0].name, type: 'heatmap', data: spec.series[0].data, label: { show: true } }]
      };
    }
    if (spec.kind === 'funnel') {
      return {
        tooltip: { trigger: 'item' },
        series: [{ name: spec.series[0].name, type: 'funnel', sort: 'none', left: '10%', width: '80%',
          label: { show: true, position: 'inside' },
          data: spec.categories.map(function (c, i) { return { name: c, value: spec.series[0].data[i] }; }) }]
      };
    }
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 30, bottom: 60, containLabel: true },
      xAxis: { type: 'category', data: spec.categories, axisLabel: { interval: 0, rotate: spec.categories.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value' },
      series: spec.series.map(function (s) { return { name: s.name, type: spec.kind, data: s.data }; })
    };
  }
  function draw(root) {
    if (typeof echarts === 'undefined') { return; }
    root.querySelectorAll('[data-chart]').forEach(function (el) {
      var existing = echarts.getInstanceByDom(el);
      if (existing) { existing.dispose(); }
      var spec = option(JSON.parse(el.getAttribute("data-chart")));
      spec.animation = false; // the figure at once, as the API gave it (and as a screenshot shows it)
      echarts.init(el).setOption(spec);
      el.setAttribute('data-drawn', 'true');
    });
  }
  document.addEventListener('DOMContentLoaded', function () { draw(document); });
  document.addEventListener('htmx:afterSwap', function (e) { draw(e.target); });
  window.addEventListener('resize', function () {
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var c = typeof echarts === 'undefined' ? null : echarts.getInstanceByDom(el);
      if (c) { c.resize(); }
    });
  });
})();
