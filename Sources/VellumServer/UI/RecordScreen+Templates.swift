/// The conversation view and the retention explanation. Message text goes through
/// `{{> textParts}}` (escaped runs, masked values); attachments are listed, never embedded.
extension Templates {
    static let record = """
        <h1>{{t.record_title}} <code>{{id}}</code></h1>
        <div class="grid record">
        <section class="card wide">
          <h2><span class="chip {{channel}}">{{channel}}</span> {{conversation}}</h2>
          <p class="muted">{{t.record_conversation}} <code>{{conversationID}}</code> · {{t.record_account}} <code>{{account}}</code>
            · <a href="{{toggle}}">{{#masked}}{{t.record_unmask}}{{/masked}}{{^masked}}{{t.record_mask}}{{/masked}}</a></p>
          {{#masked}}<p class="help">{{t.record_masked_help}}</p>{{/masked}}
          <div class="bubbles">
          {{#bubbles}}
            <div class="bubble{{#employee}} employee{{/employee}}{{#focus}} focus{{/focus}}{{#recalled}} recalled{{/recalled}}"{{#focus}} id="focus"{{/focus}}>
              <div class="meta"><b>{{sender}}</b> · {{time}}{{#other}} · <span class="tag">{{kind}}</span>{{/other}}{{#recalled}} · <span class="tag warn">{{t.record_recalled}}</span>{{/recalled}}
                {{^focus}}<a href="{{href}}">{{t.record_open}}</a>{{/focus}}</div>
              <div class="text">{{> textParts}}</div>
              {{#versions}}<div class="versions"><span class="meta">{{#recall}}{{t.record_recall}}{{/recall}}{{^recall}}{{t.record_edit}}{{/recall}} · {{time}}{{#href}} <a href="{{href}}">{{t.record_open}}</a>{{/href}}</span>
                {{^recall}}<div>{{> textParts}}</div>{{/recall}}</div>{{/versions}}
            </div>
          {{/bubbles}}
          </div>
        </section>
        <section class="card">
          <h2>{{t.record_details}}</h2>
          <table>
            <tr><th>{{t.record_sender}}</th><td>{{sender}} <code>{{senderID}}</code></td></tr>
            <tr><th>{{t.record_recipients}}</th><td>{{#recipients}}{{name}} <code>{{id}}</code><br>{{/recipients}}</td></tr>
            <tr><th>{{t.record_sent}}</th><td>{{sent}}</td></tr>
            <tr><th>{{t.record_kind}}</th><td>{{kind}}</td></tr>
            {{#fields}}<tr><th>{{key}}</th><td>{{value}}</td></tr>{{/fields}}
          </table>
          {{#mayRetention}}<p><a href="/records/{{id}}/retention">{{t.record_retention}}</a></p>{{/mayRetention}}
        </section>
        <section class="card">
          <h2>{{t.record_attachments}}</h2>
          {{^hasAttachments}}<p class="muted">{{t.record_noattachments}}</p>{{/hasAttachments}}
          {{#hasAttachments}}<table><thead><tr><th>{{t.record_file}}</th><th>{{t.record_type}}</th><th class="num">{{t.record_size}}</th><th>SHA-256</th></tr></thead>
          <tbody>{{#attachments}}<tr><td>{{name}}</td><td>{{type}}</td><td class="num">{{size}}</td><td><code class="hash">{{sha256}}</code></td></tr>{{/attachments}}</tbody></table>
          <p class="help">{{t.record_attachments_help}}</p>{{/hasAttachments}}
          {{#hasMedia}}<h3>{{t.record_media}}</h3><ul>{{#media}}<li>{{name}} <span class="muted">{{note}}</span></li>{{/media}}</ul>{{/hasMedia}}
        </section>
        {{#proof}}
        <section class="card">
          <h2>{{t.record_proof}}</h2>
          <p>{{#verified}}<span class="ok">✔ {{t.record_verified}}</span>{{/verified}}{{^verified}}<span class="bad">✘ {{t.record_notverified}}</span>{{/verified}}</p>
          <table>
            <tr><th>{{t.record_leaf}}</th><td class="num">{{leaf}}</td></tr>
            <tr><th>{{t.record_treesize}}</th><td class="num">{{size}}</td></tr>
            <tr><th>{{t.record_root}}</th><td><code>{{root}}…</code></td></tr>
            <tr><th>{{t.record_commitment}}</th><td><code>{{commitment}}…</code></td></tr>
          </table>
        </section>
        {{/proof}}
        </div>
        """

    static let retention = """
        <h1>{{t.retention_title}} <code>{{record}}</code></h1>
        <section class="card">
          <p><span class="chip {{channel}}">{{channel}}</span> {{t.record_sent}} {{sent}}</p>
          <p>{{#hasUntil}}{{t.retention_until}} <b>{{until}}</b> ({{winning}}){{/hasUntil}}{{^hasUntil}}{{t.retention_norule}}{{/hasUntil}}</p>
          <p>{{t.retention_today}}: <b>{{disposition}}</b></p>
          {{#restricted}}<p class="warn">{{t.retention_restricted}} <a href="/privacy/{{restrictedBy}}">{{restrictedBy}}</a></p>{{/restricted}}
        </section>
        <section class="card">
          <h2>{{t.retention_rules}}</h2>
          <table><thead><tr><th>{{t.retention_rule}}</th><th>{{t.retention_until}}</th><th>{{t.retention_why}}</th></tr></thead>
          <tbody>{{#rules}}<tr{{#wins}} class="win"{{/wins}}><td>{{rule}}</td><td>{{until}}</td><td>{{why}}</td></tr>{{/rules}}</tbody></table>
        </section>
        <section class="card">
          <h2>{{t.retention_holds}}</h2>
          <ul class="list">{{#holds}}<li><b>{{id}}</b> {{matter}} <span class="muted">{{reason}}</span>{{#active}} <span class="tag warn">{{t.holds_active}}</span>{{/active}}</li>{{/holds}}</ul>
        </section>
        {{#mayRead}}<p><a href="/records/{{record}}">← {{t.record_back}}</a></p>{{/mayRead}}
        """
}
