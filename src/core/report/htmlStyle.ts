/** The HTML report's stylesheet: inline (the page loads nothing), system fonts, light and dark themes. */
export const HTML_STYLE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#656d76;--border:#d0d7de;--panel:#f6f8fa;
--real:#0969da;--synthetic:#e16f24;--ok:#1a7f37;--warn:#9a6700;--bad:#cf222e}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#8d96a0;--border:#30363d;--panel:#161b22;
--real:#4493f8;--synthetic:#f0883e;--ok:#3fb950;--warn:#d29922;--bad:#f85149}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1100px;padding:24px;background:var(--bg);color:var(--fg);
font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
h1{font-size:22px;margin:0 0 4px}
h2{font-size:18px;margin:36px 0 6px;padding-top:16px;border-top:1px solid var(--border);overflow-wrap:anywhere}
h3{font-size:15px;margin:22px 0 6px}
h4{font-size:13px;margin:0 0 4px}
p{margin:6px 0}
a{color:inherit}
.muted{color:var(--muted)}
.headline{font-size:15px}
table{border-collapse:collapse;min-width:min(100%,640px);font-size:13px;margin:6px 0}
.wide{width:100%}
th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--border);vertical-align:top}
th{font-weight:600;color:var(--muted)}
.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.text{overflow-wrap:anywhere}
.nowrap{white-space:nowrap}
.pill{display:inline-block;padding:0 8px;border:1px solid currentColor;border-radius:999px;font-size:12px;
font-weight:600;white-space:nowrap;vertical-align:2px}
.ok{color:var(--ok)}.warn{color:var(--warn)}.bad{color:var(--bad)}.none{color:var(--muted)}
.legend{font-size:12px;color:var(--muted)}
.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin:0 4px 0 8px;vertical-align:-1px}
.swatch.real{background:var(--real)}.swatch.synthetic{background:var(--synthetic)}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(250px,1fr));gap:10px}
.card{margin:0;padding:10px;border:1px solid var(--border);border-radius:6px;background:var(--panel)}
.card p{margin:4px 0 0;font-size:12px}
.chart{display:block;width:100%;height:auto}
.chart rect.real{fill:var(--real);fill-opacity:.5}
.chart rect.synthetic{fill:var(--synthetic);fill-opacity:.5}
.chart rect.track{fill:var(--border);fill-opacity:.5}
.chart .mean{stroke-width:1.5;stroke-dasharray:3 2}
.chart .mean.real{stroke:var(--real)}.chart .mean.synthetic{stroke:var(--synthetic)}
.chart .baseline{stroke:var(--border)}
.chart .axis{fill:var(--muted);font-size:10px}
.two{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:16px}
details>summary{cursor:pointer;color:var(--muted);margin:6px 0}
ul{margin:4px 0;padding-left:20px}
.warnings{margin-top:32px;padding:10px 14px;border-left:3px solid var(--warn);background:var(--panel)}
`;
