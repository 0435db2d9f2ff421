"""The stylesheet inlined into the HTML report: one page, no external assets.

Colours pass WCAG AA against their backgrounds (text at least 4.5:1); severity is also named
and marked with a sign, never shown by colour alone. Narrow screens get stacked cards and
scrolling tables; print drops the navigation, keeps highlights and spells out link targets.
"""

from __future__ import annotations

CSS = """
:root{--fg:#1b1f24;--muted:#4a5560;--bg:#ffffff;--soft:#f6f8fa;--line:#c9d1d9;
--error:#a4141d;--warning:#8a4b00;--info:#0b5cad;--ok:#116329;--mark:#ffe27a;--diff:#ffd2cc}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;color:var(--fg);background:var(--bg);
font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.skip{position:absolute;left:-999px;top:0;background:var(--fg);color:var(--bg);padding:.5rem 1rem}
.skip:focus{left:0}
header,nav,main,footer{max-width:72rem;margin:0 auto;padding:0 1rem}
header{padding-top:1.5rem}
h1{font-size:1.8rem;line-height:1.2;margin:0 0 .4rem}
h2{font-size:1.35rem;margin:2.2rem 0 .8rem;padding-bottom:.3rem;border-bottom:2px solid var(--line)}
h3{font-size:1.1rem;margin:2rem 0 .3rem;overflow-wrap:anywhere}
h4{font-size:1rem;margin:1.4rem 0 .5rem}
.lede{font-size:1.1rem;margin:0 0 .6rem;color:var(--muted)}
.run{display:flex;flex-wrap:wrap;gap:.2rem 2rem;margin:0 0 1rem;color:var(--muted);font-size:.95rem}
.run div{display:flex;gap:.4rem}
.run dt{font-weight:600} .run dd{margin:0;overflow-wrap:anywhere}
a{color:var(--info)}
a:focus-visible{outline:3px solid var(--info);outline-offset:2px}
nav ul{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;list-style:none;margin:0;padding:.5rem 0;
border-top:1px solid var(--line);border-bottom:1px solid var(--line)}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(8rem,1fr));gap:.75rem;margin:0 0 1.2rem;padding:0}
.cards div{background:var(--soft);border:1px solid var(--line);border-radius:.5rem;padding:.7rem 1rem}
.cards dt{font-size:.9rem;color:var(--muted)}
.cards dd{margin:0;font-size:1.7rem;font-weight:700;font-variant-numeric:tabular-nums}
.cards .error dd{color:var(--error)} .cards .warning dd{color:var(--warning)} .cards .info dd{color:var(--info)}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr));gap:0 2rem}
.scroll{overflow-x:auto;margin:0 0 1rem}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{padding:.28rem .6rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top;line-height:1.4}
thead th{background:var(--soft);font-size:.9rem}
th[scope=row]{font-weight:500;overflow-wrap:break-word}
table.stack th[scope=row]{min-width:13rem}
.n{text-align:right;white-space:nowrap}
.zero{color:var(--muted)}
.error{color:var(--error)} .warning{color:var(--warning)} .info{color:var(--info)}
.bar,.meter{display:inline-flex;width:6rem;height:.7rem;background:var(--soft);border:1px solid var(--line);
vertical-align:middle;margin-right:.4rem;border-radius:.2rem;overflow:hidden}
.bar span,.meter span{display:block;height:100%}
.bar .b-error{background:var(--error)} .bar .b-warning{background:var(--warning)} .bar .b-info{background:var(--info)}
.meter span{background:var(--ok)}
.figure{display:inline-block;min-width:3.2em;text-align:right}
.meta{color:var(--muted);margin:0 0 .8rem}
ol.findings{list-style:none;margin:0;padding:0}
.finding{border:1px solid var(--line);border-left:.4rem solid currentColor;border-radius:.4rem;
padding:.7rem 1rem;margin:0 0 1rem;break-inside:avoid}
.finding>*{color:var(--fg)}
.finding p{margin:.3rem 0;overflow-wrap:break-word}
main p,main li{overflow-wrap:break-word}
.finding .head{display:flex;flex-wrap:wrap;gap:.2rem .8rem;align-items:baseline}
.finding .head .sev{font-weight:700}
.finding.error .head .sev{color:var(--error)} .finding.warning .head .sev{color:var(--warning)}
.finding.info .head .sev{color:var(--info)}
.pos{color:var(--muted);font-size:.9rem}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em;
background:var(--soft);padding:0 .25em;border-radius:.2em}
blockquote{margin:.6rem 0;padding:.4rem .9rem;border-left:3px solid var(--line);background:var(--soft);
overflow-wrap:anywhere}
mark{background:var(--mark);color:var(--fg);padding:0 .1em;border-radius:.15em;
box-shadow:0 2px 0 var(--fg)}
mark.diff{background:var(--diff)}
mark::before,mark::after{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
mark::before{content:" [highlight start] "} mark::after{content:" [highlight end] "}
mark.diff::before{content:" [changed words start] "} mark.diff::after{content:" [changed words end] "}
.fix ins{text-decoration:none;font-weight:700;background:#dafbe1;padding:0 .2em;border-radius:.15em}
table.compare{margin:.5rem 0;font-size:.95rem;table-layout:fixed}
table.compare th{color:var(--muted);font-weight:600}
table.compare th[scope=row]{width:6rem}
table.compare td{overflow-wrap:anywhere}
table.compare thead td{width:6rem}
ul.verified{padding-left:1.2rem}
ul.verified li{margin:.3rem 0;overflow-wrap:anywhere}
footer{color:var(--muted);font-size:.9rem;padding-top:1rem;padding-bottom:2rem;margin-top:2rem;
border-top:1px solid var(--line)}
@media (max-width:40rem){
body{font-size:15px}
h1{font-size:1.45rem}
.cards{grid-template-columns:repeat(2,1fr)}
.cards dd{font-size:1.35rem}
.bar,.meter{width:3rem}
th,td{padding:.35rem .4rem}
.finding{padding:.6rem .7rem}
table.compare thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
table.compare{table-layout:auto}
table.compare th,table.compare td{display:block;width:auto;border:0;padding:.1rem 0}
table.compare td[data-label]::before{content:attr(data-label) ": ";font-size:.85rem;color:var(--muted)}
table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
table.stack tr{display:grid;grid-template-columns:repeat(3,1fr);gap:.2rem .6rem;padding:.5rem 0;
border-bottom:1px solid var(--line)}
table.stack th,table.stack td{border:0;padding:0;text-align:left}
table.stack th[scope=row]{grid-column:1/-1;font-weight:600;min-width:0;overflow-wrap:anywhere}
table.stack td::before{content:attr(data-label);display:block;font-size:.78rem;color:var(--muted)}
table.stack .figure{min-width:0;text-align:left}
}
@media print{
.skip,nav{display:none}
body{font-size:10.5pt}
header,main,footer{max-width:none;padding:0}
h2{break-after:avoid}
h3{break-after:avoid}
.finding,tr{break-inside:avoid}
mark,.bar span,.meter span,thead th{-webkit-print-color-adjust:exact;print-color-adjust:exact}
a[href^="http"]::after{content:" <" attr(href) ">";font-size:.85em;overflow-wrap:anywhere}
.scroll{overflow:visible}
.bar,.meter{width:3rem}
}
"""
