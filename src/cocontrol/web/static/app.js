// cocontrol pages: draw every ECharts chart whose option the server rendered into data-option,
// and let htmx swap error responses (4xx/5xx) so messages reach the user.
(function () {
  function draw(root) {
    (root || document).querySelectorAll('.chart[data-option]').forEach(function (el) {
      if (el.dataset.drawn) return;
      var chart = echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(JSON.parse(el.dataset.option));
      el.dataset.drawn = '1';
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }
  htmx.config.responseHandling = [
    { code: '204', swap: false },
    { code: '[23]..', swap: true },
    { code: '[45]..', swap: true, error: true }
  ];
  document.addEventListener('DOMContentLoaded', function () { draw(document); });
  document.body && document.body.addEventListener('htmx:afterSwap', function (e) { draw(e.target); });
})();

/* A form with data-confirm asks first (the new-user form names the chosen role). */
document.addEventListener('submit', function (e) {
  var f = e.target;
  if (!f.dataset || !f.dataset.confirm) return;
  var role = f.querySelector('select[name=role]');
  var text = f.dataset.confirm + (role ? ' ' + role.options[role.selectedIndex].text : '');
  if (!window.confirm(text)) { e.preventDefault(); e.stopPropagation(); }
}, true);

/* 填报进展: choosing an indicator fills in its unit. */
document.addEventListener('change', function (e) {
  var s = e.target;
  if (s.name !== 'item' || !s.form || !s.form.unit) return;
  var o = s.selectedOptions[0];
  s.form.unit.value = (o && o.dataset.unit) || '';
});
