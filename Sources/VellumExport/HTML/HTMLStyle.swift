/// The transcripts' inline style sheet: no external fonts, images or scripts.
enum HTMLStyle {
    static let css = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","PingFang SC","Microsoft YaHei",sans-serif;\
        background:#eef0f3;color:#1c1e21;margin:0}
        header,footer{background:#fff;padding:12px 20px;border-bottom:1px solid #d8dbe0}
        footer{border-top:1px solid #d8dbe0;border-bottom:0;color:#555;font-size:12px}
        header h1{font-size:18px;margin:0 0 4px}header p{margin:0;color:#555;font-size:12px}
        main{max-width:820px;margin:0 auto;padding:12px 16px}
        .day{text-align:center;color:#555;font-size:12px;margin:16px 0 8px}
        .day span{background:#dfe3e8;border-radius:10px;padding:2px 10px}
        .msg{max-width:72%;margin:6px 0;padding:8px 12px;border-radius:12px;background:#fff;\
        box-shadow:0 1px 1px rgba(0,0,0,.08);overflow-wrap:anywhere}
        .msg.out{margin-left:auto;background:#d9f2d0}
        .msg.system{margin:8px auto;background:#f6f6f6;color:#555;font-style:italic;text-align:center}
        .meta{font-size:12px;color:#555;margin-bottom:2px}.who{font-weight:600;color:#1c1e21}
        .reply{font-size:12px;border-left:3px solid #8aa;padding-left:6px;margin:2px 0 4px;color:#466}
        .body{white-space:normal}
        figure{margin:6px 0}figure img{max-width:100%;max-height:360px;border-radius:6px;display:block}
        figcaption,.att{font-size:12px;color:#444}
        .ids{font-size:10px;color:#888;margin-top:4px;font-family:ui-monospace,Menlo,Consolas,monospace}
        .rev{font-size:12px;color:#444;margin:4px auto;max-width:72%;padding:4px 10px;border-radius:8px;\
        background:#fff8e1;border:1px dashed #e0c36a}
        .rev.recall{background:#fdecea;border-color:#e0a39a}.rev.status,.rev.reaction{background:#eef3fb;border-color:#b5c7e3}
        .masked{font-size:11px;color:#8a4b00}
        a{color:#1a5fb4}
        """
}
