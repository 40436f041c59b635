/// The page frame, sign-in and set-up. Mustache escapes every `{{value}}`; only `{{{content}}}`
/// (a page rendered by the same templates) goes in unescaped.
extension Templates {
    static let layout = """
        <!doctype html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · Vellum</title>
        <link rel="stylesheet" href="/static/app.css">
        <script src="/static/app.js" defer></script>
        </head>
        <body>
        <header class="top">
          <a class="brand" href="/">Vellum</a>
          {{#identity}}
          <nav aria-label="main">{{#nav}}<a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a>{{/nav}}</nav>
          <div class="who">{{t.common_signedin}} <b>{{username}}</b> <span class="role">{{role}}</span>
            <form method="post" action="/logout" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><button class="link" type="submit">{{t.nav_signout}}</button></form>
          </div>
          {{/identity}}
          <a class="lang" href="/language/{{otherLanguage}}?back={{back}}">{{t.nav_language}}</a>
        </header>
        <main id="main">
        {{#flash}}<p class="flash {{kind}}" role="status">{{text}}</p>{{/flash}}
        {{{content}}}
        </main>
        <footer>Vellum · {{t.tagline}}</footer>
        </body>
        </html>
        """

    static let login = """
        <section class="narrow card">
        <h1>{{t.login_title}}</h1>
        {{#error}}<p class="flash error" role="alert">{{error}}</p>{{/error}}
        <form method="post" action="/login">
          <input type="hidden" name="next" value="{{next}}">
          <label>{{t.login_username}} <input name="username" autocomplete="username" required autofocus value="{{username}}"></label>
          <label>{{t.login_password}} <input name="password" type="password" autocomplete="current-password" required></label>
          <button type="submit">{{t.login_submit}}</button>
        </form>
        </section>
        """

    static let setup = """
        <section class="narrow card">
        <h1>{{t.setup_title}}</h1>
        <p>{{t.setup_explain}}</p>
        {{#error}}<p class="flash error" role="alert">{{error}}</p>{{/error}}
        {{#valid}}
        <form method="post" action="/setup">
          <input type="hidden" name="token" value="{{token}}">
          <label>{{t.login_username}} <input name="username" autocomplete="username" required value="{{username}}"></label>
          <label>{{t.login_password}} <input name="password" type="password" autocomplete="new-password" required minlength="12"></label>
          <p class="help">{{t.setup_password_help}}</p>
          <button type="submit">{{t.setup_submit}}</button>
        </form>
        {{/valid}}
        </section>
        """

    static let failure = """
        <section class="narrow card">
        <h1>{{t.error_title}} ({{status}})</h1>
        <p>{{message}}</p>
        <p><a href="/">{{t.error_back}}</a></p>
        </section>
        """
}
