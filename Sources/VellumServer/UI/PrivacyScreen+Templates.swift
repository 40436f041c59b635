/// The privacy register and one request's page.
extension Templates {
    static let privacy = """
        <h1>{{t.privacy_title}}</h1>
        <section class="card">
          {{#empty}}<p class="muted">{{t.privacy_none}}</p>{{/empty}}
          {{^empty}}<table><thead><tr><th>{{t.privacy_id}}</th><th>{{t.privacy_type}}</th><th>{{t.privacy_law}}</th><th>{{t.privacy_status}}</th><th>{{t.privacy_received}}</th><th>{{t.privacy_ackby}}</th><th>{{t.privacy_due}}</th><th class="num">{{t.privacy_left}}</th></tr></thead>
          <tbody>{{#requests}}<tr class="{{#overdue}}overdue{{/overdue}}{{#soon}}soon{{/soon}}"><td><a href="/privacy/{{id}}">{{id}}</a></td><td>{{type}}</td><td>{{law}}</td><td>{{status}}</td>
            <td>{{received}}</td><td>{{ackBy}}</td><td>{{due}}{{#extended}} <span class="tag">{{t.privacy_extended}}</span>{{/extended}}</td>
            <td class="num">{{#open}}{{left}}{{#overdue}} <span class="tag bad">{{t.privacy_overdue}}</span>{{/overdue}}{{/open}}</td></tr>{{/requests}}</tbody></table>{{/empty}}
          <p class="help">{{t.privacy_clock_help}} ({{today}}, UTC)</p>
        </section>
        {{#can.managePrivacy}}
        <section class="card">
          <h2>{{t.privacy_create}}</h2>
          <form method="post" action="/privacy" class="grid2">
            <input type="hidden" name="csrf" value="{{csrf}}">
            <label>{{t.privacy_type}} <select name="type">{{#types}}<option value="{{.}}">{{.}}</option>{{/types}}</select></label>
            <label>{{t.privacy_law}} <select name="law">{{#laws}}<option value="{{.}}">{{.}}</option>{{/laws}}</select></label>
            <label>{{t.privacy_received}} <input type="date" name="received" value="{{today}}"></label>
            <label class="wide">{{t.privacy_subjects}} <textarea name="subjects" rows="3" required placeholder="+85291234567&#10;li.na@example.com"></textarea></label>
            <p class="help wide">{{t.privacy_subjects_help}}</p>
            <div class="wide"><button type="submit">{{t.privacy_create}}</button></div>
          </form>
        </section>
        {{/can.managePrivacy}}
        """

    static let privacyRequest = """
        <h1>{{t.privacy_detail}} {{id}}</h1>
        <p><a href="/privacy">← {{t.privacy_back}}</a></p>
        <div class="grid">
        <section class="card">
          <h2>{{t.privacy_clock}}</h2>
          <table>
            <tr><th>{{t.privacy_type}}</th><td>{{type}} · {{law}}</td></tr>
            <tr><th>{{t.privacy_status}}</th><td><b>{{status}}</b></td></tr>
            <tr><th>{{t.privacy_received}}</th><td>{{received}}</td></tr>
            <tr><th>{{t.privacy_ackby}}</th><td>{{ackBy}}</td></tr>
            <tr{{#overdue}} class="overdue"{{/overdue}}><th>{{t.privacy_due}}</th><td>{{due}}{{#extended}} ({{t.privacy_extendedfrom}} {{originalDue}}){{/extended}}
              {{#open}}<div>{{left}} {{t.dashboard_daysleft}}{{#overdue}} <span class="tag bad">{{t.privacy_overdue}}</span>{{/overdue}}</div>{{/open}}</td></tr>
            <tr><th>{{t.privacy_createdby}}</th><td>{{createdBy}}</td></tr>
          </table>
          <p class="help">{{citation}}</p>
        </section>
        <section class="card">
          <h2>{{t.privacy_subjects}}</h2>
          <ul>{{#subjects}}<li><code>{{.}}</code></li>{{/subjects}}</ul>
          {{#claim}}<h3>{{t.privacy_claim}}</h3><p>{{reference}} · {{t.privacy_reviewby}} {{reviewBy}}</p>{{/claim}}
        </section>
        <section class="card wide">
          <h2>{{t.privacy_history}}</h2>
          <table><thead><tr><th>{{t.privacy_day}}</th><th>{{t.privacy_change}}</th><th>{{t.alerts_who}}</th><th>{{t.alerts_note}}</th></tr></thead>
          <tbody>{{#history}}<tr><td>{{day}}</td><td>{{from}} → {{to}}</td><td>{{by}}</td><td>{{note}}</td></tr>{{/history}}</tbody></table>
        </section>
        {{#can.managePrivacy}}{{#open}}
        <section class="card wide">
          <h2>{{t.privacy_actions}}</h2>
          {{#mayAcknowledge}}<form method="post" action="/privacy/{{id}}/actions"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="action" value="acknowledge">
            <button type="submit">{{t.privacy_acknowledge}}</button></form>{{/mayAcknowledge}}
          {{#mayExtend}}<form method="post" action="/privacy/{{id}}/actions"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="action" value="extend">
            <label>{{t.privacy_reason}} <input name="reason" required></label><button type="submit" class="secondary">{{t.privacy_extend}}</button></form>{{/mayExtend}}
          {{#mayRefuse}}<form method="post" action="/privacy/{{id}}/actions"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="action" value="refuse">
            <label>{{t.privacy_reason}} <input name="reason" required></label><button type="submit" class="danger" data-confirm="{{t.privacy_refuse_confirm}}">{{t.privacy_refuse}}</button></form>{{/mayRefuse}}
          <form method="post" action="/privacy/{{id}}/fulfil" class="fulfil"><input type="hidden" name="csrf" value="{{csrf}}">
            <label>{{t.privacy_language}} <select name="language"><option value="en">English</option><option value="zh">中文</option></select></label>
            <button type="submit" data-confirm="{{t.privacy_fulfil_confirm}}">{{t.privacy_fulfil}}</button></form>
          <p class="help">{{t.privacy_fulfil_help}}</p>
        </section>
        {{/open}}{{/can.managePrivacy}}
        {{#hasFiles}}
        <section class="card wide">
          <h2>{{t.privacy_files}}</h2>
          <ul class="list">{{#files}}<li>{{names}} <span class="muted">{{at}}</span> {{#ready}}<a class="button" href="/api/v1/deliverables/{{id}}/download">{{t.exports_download}}</a>{{/ready}}</li>{{/files}}</ul>
        </section>
        {{/hasFiles}}
        {{#can.legalClaims}}{{#mayClaim}}
        <section class="card wide">
          <h2>{{t.privacy_claim}}</h2>
          <form method="post" action="/privacy/{{id}}/legal-claim" class="grid2"><input type="hidden" name="csrf" value="{{csrf}}">
            <label>{{t.privacy_reference}} <input name="reference" required></label>
            <label>{{t.privacy_reviewby}} <input type="date" name="review_by"></label>
            <div class="wide"><button type="submit">{{t.privacy_setclaim}}</button></div></form>
          {{#claim}}<form method="post" action="/privacy/{{id}}/legal-claim/close"><input type="hidden" name="csrf" value="{{csrf}}">
            <button type="submit" class="secondary">{{t.privacy_closeclaim}}</button></form>{{/claim}}
        </section>
        {{/mayClaim}}{{/can.legalClaims}}
        </div>
        """
}
