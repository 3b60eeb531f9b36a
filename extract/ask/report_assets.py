"""The report page's style and script, inline so that the page needs no server and no CDN.

The script filters the claims table (words, scheme, flagged, in conflict, and ``#q=...`` in the
address), sorts it by any column (a header button; numbers as numbers), keeps the "CSV of the
rows in view" link up to date, and marks the body ``data-ready`` once it has run and
``data-overflows`` when the page is wider than the window (the tests read both).
"""
from __future__ import annotations

STYLE = """
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,sans-serif;margin:1.5em auto;max-width:1280px;padding:0 1em;color:#222}
h1{font-size:1.5em;margin-bottom:.2em} h2{font-size:1.15em;margin-top:1.8em;border-bottom:1px solid #ddd}
.summary{display:flex;gap:1em;flex-wrap:wrap;margin:1em 0}
.summary div{background:#f4f6f8;border-radius:6px;padding:.5em .9em} .summary b{display:block;font-size:1.4em}
.charts{display:flex;gap:2em;flex-wrap:wrap} figure{margin:0;max-width:100%} figcaption{font-weight:600;margin-bottom:.3em}
svg{max-width:100%;height:auto} svg text{font-size:11px;fill:#333} svg rect{fill:#4a7bb7}
.filters{display:flex;gap:.6em 1em;align-items:center;flex-wrap:wrap;margin:.8em 0}
input[type=search]{width:22em;max-width:100%;padding:.3em}
table{border-collapse:collapse;width:100%} th,td{border-bottom:1px solid #e4e4e4;padding:.35em .4em;
vertical-align:top;text-align:left;overflow-wrap:break-word} th{background:#fafafa;position:sticky;top:0}
.c-grade,.c-score,.c-scheme,.c-year,.c-published{white-space:nowrap}
.c-evidence{min-width:16em;width:34%} .c-quote{width:22%} .c-source{min-width:7em}
th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:inherit}
th[aria-sort=ascending] button::after{content:" \\25B2"} th[aria-sort=descending] button::after{content:" \\25BC"}
tr.flagged{background:#fff8db} tr.in-conflict{background:#fde8e8} tr.flagged.in-conflict{background:#fcdcc4}
.sentence{color:#444;font-size:.92em} mark{background:#ffe58a} .gap{color:#999}
.cells{display:inline-flex;flex-wrap:wrap;gap:.25em} .cells span{border:1px solid #d6dbe0;border-radius:3px;padding:0 .3em;background:#fbfcfd}
.flag{color:#8a5a00;font-size:.88em;display:block} .quote{font-size:.9em;color:#333} .speaker{color:#555;font-style:italic}
.conflict{border:2px solid #d9534f;border-radius:6px;padding:.6em 1em;margin:.8em 0;background:#fff7f7}
.conflict h3{margin:.1em 0 .4em;font-size:1em;color:#a12622}
.side{margin:.3em 0 .3em 1em} .muted{color:#777} .badge{background:#d9534f;color:#fff;border-radius:3px;
padding:0 .35em;font-size:.8em} a.button{border:1px solid #4a7bb7;border-radius:4px;padding:.2em .6em;text-decoration:none}
@media (max-width:640px){
  body{margin:.6em auto;padding:0 .6em}
  #claims,#claims tbody,#claims tr,#claims td{display:block;width:auto}
  #claims thead tr{display:flex;flex-wrap:wrap;gap:.3em;margin-bottom:.4em}
  #claims th{position:static;border:1px solid #ddd;border-radius:4px;padding:.2em .5em}
  #claims tr{border:1px solid #ddd;border-radius:6px;margin:.6em 0;padding:.3em .5em}
  #claims td{border:0;padding:.15em 0} #claims td:empty{display:none}
  #claims td[data-label]::before{content:attr(data-label) ": ";font-weight:600;color:#555}
  .inputs td:nth-child(3){font-size:.88em}
  .side{margin-left:0}
}
"""

SCRIPT = """
(function(){
  var q=document.getElementById('q'), scheme=document.getElementById('scheme'),
      flagged=document.getElementById('flagged'), conflicted=document.getElementById('conflicted'),
      body=document.querySelector('#claims tbody'), rows=Array.prototype.slice.call(body.rows),
      headers=Array.prototype.slice.call(document.querySelectorAll('#claims thead th')),
      shown=document.getElementById('shown'), exporter=document.getElementById('export');
  function value(row,i){var cell=row.cells[i];return cell.hasAttribute('data-value')?cell.getAttribute('data-value'):cell.textContent.trim();}
  function quoted(text){return /[",\\n\\r]/.test(text)?'"'+text.replace(/"/g,'""')+'"':text;}
  function csv(){
    var lines=[headers.map(function(h){return quoted(h.dataset.key);}).join(',')];
    rows.forEach(function(row){if(!row.hidden){lines.push(headers.map(function(h,i){return quoted(value(row,i));}).join(','));}});
    return '\\ufeff'+lines.join('\\r\\n')+'\\r\\n';
  }
  function apply(){
    var words=q.value.toLowerCase().split(/\\s+/).filter(Boolean), n=0;
    rows.forEach(function(row){
      var text=row.textContent.toLowerCase(),
          ok=words.every(function(w){return text.indexOf(w)>=0;})
            && (!scheme.value || row.dataset.scheme===scheme.value)
            && (!flagged.checked || row.classList.contains('flagged'))
            && (!conflicted.checked || row.classList.contains('in-conflict'));
      row.hidden=!ok; if(ok){n++;}
    });
    shown.textContent=n;
    exporter.dataset.rows=n;
    exporter.href='data:text/csv;charset=utf-8,'+encodeURIComponent(csv());
  }
  function sortBy(index){
    var th=headers[index], ascending=th.getAttribute('aria-sort')!=='ascending', numeric=th.dataset.type==='number';
    headers.forEach(function(h){h.removeAttribute('aria-sort');});
    th.setAttribute('aria-sort',ascending?'ascending':'descending');
    rows.sort(function(a,b){
      var x=value(a,index), y=value(b,index), c;
      if(x===''||y===''){c=(x==='')-(y==='');return c;}
      c=numeric?parseFloat(x)-parseFloat(y):x.localeCompare(y,'id');
      return ascending?c:-c;
    });
    rows.forEach(function(row){body.appendChild(row);});
    apply();
  }
  headers.forEach(function(th,i){var b=th.querySelector('button');if(b){b.addEventListener('click',function(){sortBy(i);});}});
  exporter.addEventListener('click',function(){
    if(window.Blob&&URL.createObjectURL){exporter.href=URL.createObjectURL(new Blob([csv()],{type:'text/csv'}));}
  });
  var hash=decodeURIComponent(location.hash.replace(/^#/,''));
  if(hash.indexOf('q=')===0){q.value=hash.slice(2);}
  if(hash.indexOf('sort=')===0){var key=hash.slice(5), at=headers.map(function(h){return h.dataset.key;}).indexOf(key);if(at>=0){sortBy(at);}}
  [q,scheme,flagged,conflicted].forEach(function(el){el.addEventListener('input',apply);el.addEventListener('change',apply);});
  apply();
  document.body.dataset.overflows=document.documentElement.scrollWidth>window.innerWidth+1?'yes':'no';
  document.body.dataset.ready='yes';
})();
"""
