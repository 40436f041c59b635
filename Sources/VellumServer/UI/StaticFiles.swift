import NIOCore
import Hummingbird

/// The stylesheet and the one small script, served from the binary (no external assets).
enum StaticFiles {
    static func install(_ book: RouteBook) {
        book.open(.get, "/static/app.css") { _, _ in serve(css, type: "text/css; charset=utf-8") }
        book.open(.get, "/static/app.js") { _, _ in serve(js, type: "text/javascript; charset=utf-8") }
    }

    static func serve(_ text: String, type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static let css = """
        :root{--ink:#1d2430;--muted:#667085;--line:#e3e7ee;--bg:#f6f7f9;--card:#fff;--accent:#1f5eff;--warn:#b54708;--bad:#b42318;--ok:#067647;
        font-family:system-ui,-apple-system,"Segoe UI","PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:var(--ink);background:var(--bg)}
        body{margin:0;line-height:1.45}
        a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
        header.top{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;padding:.6rem 1.2rem;background:#101828;color:#fff}
        header.top a{color:#d0d5dd}header.top .brand{color:#fff;font-weight:700;font-size:1.1rem}
        header.top nav{display:flex;flex-wrap:wrap;gap:.2rem;flex:1}
        header.top nav a{padding:.3rem .6rem;border-radius:6px}header.top nav a[aria-current]{background:#344054;color:#fff}
        .who{font-size:.9rem}.role{background:#344054;border-radius:4px;padding:0 .35rem;margin-left:.2rem}
        form.inline{display:inline}button.link{background:none;border:0;color:#d0d5dd;cursor:pointer;padding:0 .3rem;font:inherit}
        main{max-width:1200px;margin:1.2rem auto;padding:0 1.2rem}footer{color:var(--muted);font-size:.8rem;text-align:center;margin:2rem 0}
        h1{font-size:1.5rem;margin:.2rem 0 1rem}h2{font-size:1.1rem;margin:0 0 .6rem}h3{font-size:.95rem}
        .card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:1rem 1.2rem;margin-bottom:1rem}
        .narrow{max-width:420px;margin:3rem auto}.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:1rem}
        .grid .wide{grid-column:1/-1}
        label{display:block;margin:.6rem 0;font-weight:600;font-size:.9rem}
        input,select,textarea{display:block;width:100%;box-sizing:border-box;margin-top:.25rem;padding:.5rem;border:1px solid #d0d5dd;border-radius:6px;font:inherit}
        input[type=checkbox]{display:inline;width:auto}
        button,.button{background:var(--accent);color:#fff;border:0;border-radius:6px;padding:.5rem 1rem;font:inherit;cursor:pointer;display:inline-block}
        button.secondary{background:#eef2ff;color:var(--accent)}button.danger{background:var(--bad)}
        table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
        th{color:var(--muted);font-weight:600}.num{text-align:right;font-variant-numeric:tabular-nums}
        .muted{color:var(--muted)}.help{color:var(--muted);font-size:.85rem;margin:.2rem 0}
        .flash{padding:.6rem .8rem;border-radius:6px;background:#ecfdf3;color:var(--ok)}.flash.error{background:#fef3f2;color:var(--bad)}
        .warn{color:var(--warn)}ul.list{list-style:none;padding:0;margin:0}ul.list li{padding:.3rem 0;border-bottom:1px solid var(--line)}
        .chip{display:inline-block;border-radius:999px;padding:0 .5rem;font-size:.8rem;background:#f2f4f7}
        .chip.wecom,.chip.wechat{background:#e7f8ec;color:#087443}.chip.whatsapp{background:#dcfae6;color:#085d3a}
        .chip.telegram{background:#e0f2fe;color:#026aa2}.chip.signal{background:#eef4ff;color:#3538cd}
        .sev{border-radius:4px;padding:0 .35rem;font-size:.8rem;background:#f2f4f7}.sev.high{background:#fef3f2;color:var(--bad)}.sev.medium{background:#fffaeb;color:var(--warn)}
        .bubbles{display:flex;flex-direction:column;gap:.5rem}.bubble{max-width:70%;background:#fff;border:1px solid var(--line);border-radius:12px;padding:.5rem .8rem}
        .bubble.employee{align-self:flex-end;background:#eef4ff}.bubble .meta{font-size:.78rem;color:var(--muted)}
        .bubble.recalled{opacity:.7;border-style:dashed}.versions{font-size:.85rem;border-left:3px solid var(--line);padding-left:.6rem;margin-top:.3rem}
        mark{background:#fff3b0}.mask{background:#101828;color:#101828;border-radius:3px}
        code{font-size:.85rem;background:#f2f4f7;padding:0 .25rem;border-radius:4px}
        label.inline{display:inline-flex;gap:.3rem;align-items:center;font-weight:400;margin:.2rem .6rem .2rem 0}
        .filters .grow{flex:1;min-width:16rem}
        .filters{display:flex;flex-wrap:wrap;gap:.6rem;align-items:end}.filters label{margin:0}.filters input,.filters select{min-width:9rem}
        .filters .grow{flex:1 1 18rem}label.check{display:inline-flex;gap:.3rem;align-items:center;font-weight:400;margin:.2rem .8rem .2rem 0}
        .button.secondary{background:#eef2ff;color:var(--accent)}fieldset{border:1px solid var(--line);border-radius:6px}
        .tag{display:inline-block;border-radius:4px;padding:0 .35rem;font-size:.78rem;background:#f2f4f7;color:var(--muted)}
        .tag.warn{background:#fffaeb;color:var(--warn)}.tag.bad{background:#fef3f2;color:var(--bad)}
        .ok{color:var(--ok)}.bad{color:var(--bad)}.masked{background:#f2f4f7;border:1px dashed #98a2b3;border-radius:3px;padding:0 .2rem}
        .snippet{margin:.2rem 0 0;color:var(--ink)}.pager{display:flex;gap:1rem;align-items:center;margin-top:.6rem}
        .bubble.focus{border:2px solid var(--accent)}.bubble .text{white-space:pre-wrap;overflow-wrap:anywhere}
        code.hash{word-break:break-all}.actions{display:flex;gap:.6rem;flex-wrap:wrap;margin-bottom:.6rem}
        .grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(240px,1fr));gap:0 1rem}.grid2 .wide{grid-column:1/-1}
        form.stack input{margin-bottom:.3rem}.narrow-form{max-width:560px}
        tr.unapproved td,tr.soon td{background:#fffaeb}tr.overdue td{background:#fef3f2;color:var(--bad)}tr.win td{font-weight:600}
        .status{font-size:.85rem}.status.open,.status.escalated{color:var(--bad)}.status.in_review{color:var(--warn)}.status.closed{color:var(--muted)}
        .secret{border-color:var(--warn)}.token-secret{font-size:1rem;word-break:break-all}.alert-box{border-color:#fedf89}
        svg.chart{width:100%;height:auto;max-height:300px}.chart .axis{stroke:#98a2b3}.chart .tick{font-size:11px;fill:var(--muted)}
        .bar,.swatch{fill:#98a2b3;background:#98a2b3}.swatch{display:inline-block;width:.7rem;height:.7rem;border-radius:2px;margin-right:.3rem}
        .c-wecom{fill:#12b76a;background:#12b76a}.c-wechat{fill:#f79009;background:#f79009}.c-whatsapp{fill:#087443;background:#087443}
        .c-telegram{fill:#0ba5ec;background:#0ba5ec}.c-signal{fill:#3538cd;background:#3538cd}.c-sms{fill:#7a5af8;background:#7a5af8}
        .c-email{fill:#667085;background:#667085}.legend .chip{margin-right:.4rem}
        """

    static let js = """
        // Progressive enhancement only: every page works without this file.
        document.addEventListener('submit', function (e) {
          var f = e.target, msg = f.getAttribute('data-confirm');
          if (msg && !window.confirm(msg)) { e.preventDefault(); }
        });
        document.addEventListener('change', function (e) {
          var el = e.target;
          if (el.matches && el.matches('[data-autosubmit]')) { el.form.requestSubmit(); }
        });
        """
}
