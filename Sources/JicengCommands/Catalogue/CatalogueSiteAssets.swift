/// The style sheet and script every page of the public site carries inline, so the site is a
/// folder of files that works opened from disk, on a phone, or printed, with nothing fetched.
enum CatalogueSiteAssets {
    static let style = """
        :root{--ink:#1f2328;--muted:#59636e;--line:#d8dee4;--accent:#b4232a;--bg:#fff;--soft:#f6f8fa}
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%}
        body{margin:0;color:var(--ink);background:var(--bg);font:16px/1.6 -apple-system,"PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;overflow-wrap:anywhere;word-break:break-word}
        .page{max-width:60rem;margin:0 auto;padding:0 1rem 2rem}
        header.top{background:var(--accent);color:#fff;padding:1rem 0 .8rem;margin-bottom:1rem}
        header.top .page{padding-bottom:0}
        header.top p{margin:.2rem 0}
        header.top a{color:#fff}
        header.top h1{margin:.2rem 0;font-size:1.5rem;line-height:1.3}
        .meta{color:var(--muted);font-size:.9rem;margin:.2rem 0}
        header.top .meta{color:#fde8e8}
        a{color:#0b57d0}
        nav.kinds{display:flex;flex-wrap:wrap;gap:.4rem;margin:.5rem 0 1rem;padding:0;list-style:none}
        nav.kinds a,nav.kinds span{display:inline-block;padding:.2rem .6rem;border:1px solid var(--line);border-radius:1rem;font-size:.9rem;text-decoration:none;background:var(--soft)}
        nav.kinds span{color:var(--muted)}
        .search{position:sticky;top:0;background:var(--bg);padding:.5rem 0;z-index:1;border-bottom:1px solid var(--line)}
        .search input{width:100%;font:inherit;padding:.55rem .8rem;border:2px solid var(--line);border-radius:.5rem}
        .search input:focus{outline:none;border-color:var(--accent)}
        #count{display:block;color:var(--muted);font-size:.85rem;margin-top:.2rem}
        h2{font-size:1.2rem;border-left:4px solid var(--accent);padding-left:.5rem;margin:1.5rem 0 .6rem}
        h2 small{color:var(--muted);font-weight:normal;font-size:.85rem}
        .item{border:1px solid var(--line);border-radius:.5rem;padding:.6rem .8rem;margin:.6rem 0;background:#fff}
        .item h3{font-size:1.05rem;margin:0 0 .3rem;line-height:1.4}
        .code{display:inline-block;font:600 .8rem/1.4 ui-monospace,monospace;background:var(--soft);border:1px solid var(--line);border-radius:.3rem;padding:0 .3rem;margin-right:.4rem;vertical-align:.1em}
        dl{display:grid;grid-template-columns:6.5em minmax(0,1fr);gap:.15rem .8rem;margin:0;font-size:.92rem}
        dt{color:var(--muted)}
        dd{margin:0;white-space:pre-line}
        .towns{display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:.8rem;padding:0;list-style:none}
        .towns>li{border:1px solid var(--line);border-radius:.5rem;padding:.7rem .9rem}
        .towns h2{margin:0 0 .3rem;border:0;padding:0}
        .towns ul{padding-left:1.1rem;margin:.3rem 0 0;font-size:.92rem}
        .version{border-top:1px solid var(--line);padding:.6rem 0}
        .version h3{font-size:1rem;margin:0}
        .version summary{cursor:pointer}
        .change-added{color:#116329}.change-removed{color:#a40e26}
        table.changes{border-collapse:collapse;width:100%;font-size:.88rem;margin:.3rem 0;table-layout:fixed}
        table.changes th,table.changes td{border:1px solid var(--line);padding:.2rem .4rem;text-align:left;vertical-align:top}
        table.changes th{background:var(--soft);width:6.5em}
        del{color:#a40e26}ins{color:#116329;text-decoration:none}
        #empty{padding:1rem;text-align:center;color:var(--muted)}
        footer{color:var(--muted);font-size:.8rem;border-top:1px solid var(--line);margin-top:2rem;padding-top:.6rem}
        [hidden]{display:none!important}
        @media (max-width:600px){
          body{font-size:15px}
          header.top h1{font-size:1.25rem}
          dl{grid-template-columns:1fr}
          dt{font-size:.8rem;margin-top:.2rem}
          table.changes th{width:4.5em}
        }
        @media print{
          header.top{background:none;color:#000;padding:0}
          header.top a,header.top .meta{color:#000}
          .search,nav.kinds,.noprint{display:none}
          body{font-size:10.5pt}
          .item{break-inside:avoid;border:0;border-bottom:1px solid #999;border-radius:0;padding:.3rem 0}
          details{display:block}details>*{display:block}
          a{color:inherit;text-decoration:none}
        }
        """

    /// Filters items as the reader types (any text, one character up; words separated by spaces
    /// must all match), and applies `#q=…` from the address on load so a search can be linked.
    static let script = """
        (function(){
          var box=document.getElementById('q');if(!box)return;
          var items=[].slice.call(document.querySelectorAll('.item'));
          var lists=[].slice.call(document.querySelectorAll('section.list'));
          var count=document.getElementById('count'),empty=document.getElementById('empty');
          function apply(text){
            var words=text.toLowerCase().split(/\\s+/).filter(function(w){return w.length>0});
            var shown=0;
            items.forEach(function(item){
              var hay=item.getAttribute('data-search')||'';
              var ok=words.every(function(w){return hay.indexOf(w)>=0});
              item.hidden=!ok;if(ok)shown++;
            });
            lists.forEach(function(list){list.hidden=!list.querySelector('.item:not([hidden])')});
            count.textContent=words.length?('找到 '+shown+' 项匹配“'+text.trim()+'”'):('共 '+items.length+' 项');
            empty.hidden=shown>0;
          }
          function fromHash(){
            var h=location.hash.slice(1);if(h.indexOf('q=')!==0)return null;
            try{return decodeURIComponent(h.slice(2).replace(/\\+/g,' '))}catch(e){return h.slice(2)}
          }
          box.addEventListener('input',function(){
            apply(box.value);
            if(history.replaceState)history.replaceState(null,'',box.value?'#q='+encodeURIComponent(box.value):location.pathname);
          });
          window.addEventListener('hashchange',function(){var v=fromHash();if(v!==null){box.value=v;apply(v)}});
          var initial=fromHash();if(initial!==null)box.value=initial;
          apply(box.value);
        })();
        """
}
