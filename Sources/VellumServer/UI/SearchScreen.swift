import Foundation
import HTTPTypes
import Hummingbird
import VellumApp
import VellumCore

/// `/search`: the query language (Chinese included), channel and date filters, pages of hits
/// linking to their conversation. Each search is written to the ledger by ``SearchService``.
struct SearchScreen: UIScreen {
    let server: VellumHTTPServer
    var menuPath: String { "/search" }
    static let pageSize = 25

    func install(_ book: RouteBook, renderer: PageRenderer) {
        let archive = server.archive
        book.add(.get, "/search", .ui, .readRecords) { request, _, identity in
            var data = Self.formData(request, identity)
            var flash: ScreenKit.Flash?
            var status = HTTPResponse.Status.ok
            if Self.submitted(request) {
                do {
                    var search = try RecordsAPI(archive: archive).searchRequest(request, identity)
                    let page = try request.queryInt("page", default: 1, range: 1 ... 10_000)
                    search.limit = Self.pageSize
                    search.offset = (page - 1) * Self.pageSize
                    let result = try await Offload.run { [search] in
                        try SearchService(archive: archive).search(search, actor: identity.actor)
                    }
                    data["results"] = Self.results(result, page: page, request: request)
                } catch {
                    let failure = try ScreenKit.failure(error)
                    flash = failure.flash
                    status = failure.status
                }
            }
            return renderer.render(
                "search", data, title: "search.title", request: request, identity: identity, status: status, flash: flash)
        }
    }

    /// Whether the form was sent (a bare `/search` shows the form only and searches nothing).
    static func submitted(_ request: Request) -> Bool {
        ["q", "channel", "since", "until"].contains { request.query($0) != nil }
    }

    static func formData(_ request: Request, _ identity: Identity) -> [String: Any] {
        let chosen = request.query("channel") ?? ""
        return [
            "q": request.query("q") ?? "", "since": request.query("since") ?? "", "until": request.query("until") ?? "",
            "channels": Channel.allCases.map { ["name": $0.rawValue, "selected": $0.rawValue == chosen] },
            "mayRestricted": identity.allows(.readRestricted), "restricted": request.queryBool("include_restricted"),
        ]
    }

    static func results(_ result: SearchResponse, page: Int, request: Request) -> [String: Any] {
        let pages = max(1, (result.total + pageSize - 1) / pageSize)
        func link(_ p: Int) -> String {
            var fields = request.queryFields.pairs.filter { $0.0 != "page" && $0.0 != "flash" }
            fields.append(("page", String(p)))
            return "/search?" + fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        }
        let restricted = request.queryBool("include_restricted") ? "?include_restricted=1" : ""
        return [
            "total": result.total, "page": page, "pages": pages, "empty": result.hits.isEmpty,
            "previous": page > 1 ? link(page - 1) as Any : false, "next": page < pages ? link(page + 1) as Any : false,
            "hits": result.hits.map { h -> [String: Any] in
                [
                    "href": "/records/\(h.id)\(restricted)", "channel": h.channel, "conversation": h.conversation,
                    "sender": h.sender, "time": ScreenKit.shortTime(h.sent_at), "kind": h.kind,
                    "revision": h.kind != "message", "parts": Masking.parts(h.snippet, highlighted: true),
                ]
            },
        ]
    }

    static func encode(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-_.~"))) ?? ""
    }
}

extension Templates {
    static let search = """
        <h1>{{t.search_title}}</h1>
        <form method="get" action="/search" class="card filters" role="search">
          <label class="grow">{{t.search_query}} <input name="q" value="{{q}}" placeholder="{{t.search_placeholder}}"></label>
          <label>{{t.search_channel}} <select name="channel"><option value="">{{t.search_allchannels}}</option>{{#channels}}<option value="{{name}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/channels}}</select></label>
          <label>{{t.search_since}} <input type="date" name="since" value="{{since}}"></label>
          <label>{{t.search_until}} <input type="date" name="until" value="{{until}}"></label>
          {{#mayRestricted}}<label class="check"><input type="checkbox" name="include_restricted" value="1"{{#restricted}} checked{{/restricted}}> {{t.search_restricted}}</label>{{/mayRestricted}}
          <button type="submit">{{t.search_submit}}</button>
        </form>
        <p class="help">{{t.search_help}}</p>
        {{#results}}
        <section class="card">
          <h2>{{total}} {{t.search_found}}</h2>
          {{#empty}}<p class="muted">{{t.search_none}}</p>{{/empty}}
          <ul class="list hits">{{#hits}}
            <li><span class="chip {{channel}}">{{channel}}</span> <a href="{{href}}"><b>{{conversation}}</b></a>
              <span class="muted">{{sender}} · {{time}}</span>{{#revision}} <span class="tag">{{kind}}</span>{{/revision}}
              <div class="snippet">{{> textParts}}</div></li>
          {{/hits}}</ul>
          <nav class="pager">{{#previous}}<a href="{{previous}}">← {{t.common_previous}}</a>{{/previous}}
            <span class="muted">{{page}} / {{pages}}</span>
            {{#next}}<a href="{{next}}">{{t.common_next}} →</a>{{/next}}</nav>
        </section>
        {{/results}}
        """
}
