/// The API's OpenAPI 3.1 description, served without authentication at `/api/openapi.json`.
/// Written by hand; a test checks it against the routes the server registers, both ways, and
/// that each operation's security matches the route's.
enum OpenAPIDocument {
    static let json = #"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "Vellum API",
            "version": "1",
            "description": "The compliance archive's JSON API. Every call needs a bearer token (`Authorization: Bearer vlt_…`, issued by POST /api/v1/tokens and acting with its creator's role) or a browser session with the `X-CSRF-Token` header on changes. Every search, record view and export is written to the ledger under the caller's name. Errors are `{\"error\": {\"code\", \"message\"}}`; 401 means no valid credentials, 403 that the role may not do this."
          },
          "servers": [{"url": "/"}],
          "security": [{"bearer": []}],
          "paths": {
            "/healthz": {"get": {"operationId": "health", "security": [], "summary": "Liveness and the ledger size", "responses": {"200": {"description": "Serving", "content": {"application/json": {"schema": {"type": "object", "properties": {"status": {"type": "string"}, "ledger_entries": {"type": "string"}}}}}}}}},
            "/webhooks/whatsapp": {
              "get": {"operationId": "whatsappHandshake", "security": [], "tags": ["webhooks"], "summary": "WhatsApp Cloud API subscription handshake: the challenge back when hub.verify_token matches",
                "parameters": [
                  {"name": "hub.mode", "in": "query", "required": true, "schema": {"const": "subscribe"}},
                  {"name": "hub.verify_token", "in": "query", "required": true, "schema": {"type": "string"}},
                  {"name": "hub.challenge", "in": "query", "required": true, "schema": {"type": "string"}}
                ],
                "responses": {"200": {"description": "The challenge, as the bare body", "content": {"text/plain": {"schema": {"type": "string"}}}}, "403": {"description": "Wrong mode or verify token", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}, "404": {"$ref": "#/components/responses/NotConfigured"}}},
              "post": {"operationId": "whatsappDelivery", "security": [], "tags": ["webhooks"], "summary": "A Cloud API webhook delivery, verified with X-Hub-Signature-256 over the raw body; acknowledged only once durable (unparseable bodies are quarantined, re-deliveries are duplicates)",
                "parameters": [{"name": "X-Hub-Signature-256", "in": "header", "required": true, "schema": {"type": "string", "pattern": "^sha256=[0-9a-f]{64}$"}, "description": "HMAC-SHA256 of the raw body under the app secret"}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object"}}}},
                "responses": {"200": {"$ref": "#/components/responses/Delivered"}, "401": {"$ref": "#/components/responses/DeliveryRefused"}, "404": {"$ref": "#/components/responses/NotConfigured"}, "413": {"$ref": "#/components/responses/TooLarge"}}}
            },
            "/webhooks/telegram/{connection}": {"post": {"operationId": "telegramDelivery", "security": [], "tags": ["webhooks"], "summary": "A Telegram Bot API Update for a configured connection, checked with its secret token; acknowledged only once durable",
              "parameters": [
                {"name": "connection", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$"}, "description": "A connection named in the server's configuration"},
                {"name": "X-Telegram-Bot-Api-Secret-Token", "in": "header", "required": true, "schema": {"type": "string", "pattern": "^[A-Za-z0-9_-]{1,256}$"}, "description": "The secret_token given to setWebhook"}
              ],
              "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["update_id"]}}}},
              "responses": {"200": {"$ref": "#/components/responses/Delivered"}, "401": {"$ref": "#/components/responses/DeliveryRefused"}, "404": {"description": "No connection of that name is configured (recorded as a refused delivery)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}, "413": {"$ref": "#/components/responses/TooLarge"}}}},
            "/webhooks/wecom": {
              "get": {"operationId": "wecomVerifyURL", "security": [], "tags": ["webhooks"], "summary": "WeCom callback URL verification: the decrypted echostr back when msg_signature matches",
                "parameters": [
                  {"name": "msg_signature", "in": "query", "required": true, "schema": {"type": "string"}},
                  {"name": "timestamp", "in": "query", "required": true, "schema": {"type": "string"}},
                  {"name": "nonce", "in": "query", "required": true, "schema": {"type": "string"}},
                  {"name": "echostr", "in": "query", "required": true, "schema": {"type": "string"}}
                ],
                "responses": {"200": {"description": "The decrypted echostr, as the bare body", "content": {"text/plain": {"schema": {"type": "string"}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/DeliveryRefused"}, "404": {"$ref": "#/components/responses/NotConfigured"}}},
              "post": {"operationId": "wecomCallback", "security": [], "tags": ["webhooks"], "summary": "An encrypted WeCom callback (XML or JSON); msgaudit_notify wakes the session-archive puller when one is configured",
                "parameters": [
                  {"name": "msg_signature", "in": "query", "required": true, "schema": {"type": "string"}},
                  {"name": "timestamp", "in": "query", "required": true, "schema": {"type": "string"}},
                  {"name": "nonce", "in": "query", "required": true, "schema": {"type": "string"}}
                ],
                "requestBody": {"required": true, "content": {"text/xml": {"schema": {"type": "string"}}, "application/json": {"schema": {"type": "object", "properties": {"tousername": {"type": "string"}, "encrypt": {"type": "string"}, "agentid": {"type": "string"}}}}}},
                "responses": {"200": {"description": "Acknowledged", "content": {"text/plain": {"schema": {"const": "success"}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/DeliveryRefused"}, "404": {"$ref": "#/components/responses/NotConfigured"}, "413": {"$ref": "#/components/responses/TooLarge"}}}
            },
            "/api/openapi.json": {"get": {"operationId": "openapi", "security": [], "summary": "This document", "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {}}}}}},
            "/api/v1/me": {"get": {"operationId": "me", "summary": "The caller, their role and permissions", "responses": {"200": {"description": "The caller", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Me"}}}}, "401": {"$ref": "#/components/responses/Unauthenticated"}}}},
            "/api/v1/search": {"get": {"operationId": "search", "summary": "Search messages (query language of docs/search.md); ledgered", "x-permission": "readRecords",
              "parameters": [
                {"name": "q", "in": "query", "schema": {"type": "string"}, "description": "Words, \"phrases\", AND/OR/NOT, from:, to:, channel:, has:, after:, before: …"},
                {"name": "channel", "in": "query", "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Channel"}}, "explode": true},
                {"name": "participant", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}, "explode": true},
                {"name": "conversation", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}, "explode": true},
                {"name": "since", "in": "query", "schema": {"type": "string"}, "description": "YYYY-MM-DD or RFC 3339"},
                {"name": "until", "in": "query", "schema": {"type": "string"}, "description": "YYYY-MM-DD (whole day) or RFC 3339"},
                {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500, "default": 50}},
                {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0, "default": 0}},
                {"name": "include_restricted", "in": "query", "schema": {"type": "boolean"}, "description": "Also records restricted after an erasure request (compliance and legal only)"}
              ],
              "responses": {"200": {"description": "Hits, newest first or by relevance", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SearchResponse"}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthenticated"}, "403": {"$ref": "#/components/responses/Forbidden"}}}},
            "/api/v1/records/{id}": {"get": {"operationId": "record", "summary": "One record, decrypted, with its versions and inclusion proof; ledgered", "x-permission": "readRecords",
              "parameters": [{"$ref": "#/components/parameters/id"}, {"name": "include_restricted", "in": "query", "schema": {"type": "boolean"}}],
              "responses": {"200": {"description": "The record", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Record"}}}}, "401": {"$ref": "#/components/responses/Unauthenticated"}, "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"}}}},
            "/api/v1/records/{id}/retention": {"get": {"operationId": "recordRetention", "summary": "Why a record is kept: matching rules, the winning rule, holds, restriction", "x-permission": "viewPolicy",
              "parameters": [{"$ref": "#/components/parameters/id"}],
              "responses": {"200": {"description": "The explanation", "content": {"application/json": {"schema": {"type": "object"}}}}, "401": {"$ref": "#/components/responses/Unauthenticated"}, "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"}}}},
            "/api/v1/alerts": {"get": {"operationId": "alerts", "summary": "The review queue", "x-permission": "viewAlerts",
              "parameters": [
                {"name": "status", "in": "query", "schema": {"type": "array", "items": {"enum": ["open", "in_review", "escalated", "closed"]}}, "explode": true},
                {"name": "rule", "in": "query", "schema": {"type": "string"}},
                {"name": "assignee", "in": "query", "schema": {"type": "string"}},
                {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100}},
                {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0}}
              ],
              "responses": {"200": {"description": "Alerts", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Alert"}}}}}, "401": {"$ref": "#/components/responses/Unauthenticated"}, "403": {"$ref": "#/components/responses/Forbidden"}}}},
            "/api/v1/alerts/{id}": {"get": {"operationId": "alert", "summary": "An alert with its explanation, message and actions; ledgered", "x-permission": "viewAlerts",
              "parameters": [{"$ref": "#/components/parameters/alertId"}],
              "responses": {"200": {"description": "The alert", "content": {"application/json": {"schema": {"type": "object"}}}}, "401": {"$ref": "#/components/responses/Unauthenticated"}, "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"}}}},
            "/api/v1/alerts/{id}/actions": {"post": {"operationId": "alertAction", "summary": "Claim, review, escalate, close (with a disposition) or reopen an alert; ledgered", "x-permission": "reviewAlerts",
              "parameters": [{"$ref": "#/components/parameters/alertId"}],
              "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["action"], "properties": {"action": {"enum": ["claim", "review", "escalate", "close", "reopen"]}, "note": {"type": "string"}, "disposition": {"enum": ["true_positive", "false_positive", "needs_action"]}}}}}},
              "responses": {"200": {"description": "The alert after the action", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Alert"}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthenticated"}, "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"}, "409": {"$ref": "#/components/responses/Conflict"}}}},
            "/api/v1/usage": {"get": {"operationId": "usage", "summary": "Which apps each employee uses, per channel and day", "x-permission": "viewUsage",
              "parameters": [{"name": "since", "in": "query", "schema": {"type": "string", "format": "date"}}],
              "responses": {"200": {"description": "Usage", "content": {"application/json": {"schema": {"type": "object"}}}}, "401": {"$ref": "#/components/responses/Unauthenticated"}, "403": {"$ref": "#/components/responses/Forbidden"}}}},
            "/api/v1/capture-health": {"get": {"operationId": "captureHealth", "summary": "Per account: last message, gaps, quarantine, refused webhook deliveries, media downloads pending or failed, the WeCom puller", "x-permission": "viewCaptureHealth",
              "parameters": [{"name": "silent_after_days", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 365, "default": 7}}],
              "responses": {"200": {"description": "Capture health", "content": {"application/json": {"schema": {"type": "object"}}}}, "401": {"$ref": "#/components/responses/Unauthenticated"}, "403": {"$ref": "#/components/responses/Forbidden"}}}},
            "/api/v1/holds": {
              "get": {"operationId": "holds", "summary": "Legal holds, released ones included", "x-permission": "viewHolds",
                "responses": {"200": {"description": "Holds", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Hold"}}}}}, "401": {"$ref": "#/components/responses/Unauthenticated"}, "403": {"$ref": "#/components/responses/Forbidden"}}},
              "post": {"operationId": "createHold", "summary": "Create a hold; ledgered", "x-permission": "manageHolds",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewHold"}}}},
                "responses": {"201": {"description": "The hold", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Hold"}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthenticated"}, "403": {"$ref": "#/components/responses/Forbidden"}}}
            },
            "/api/v1/holds/{id}/release": {"post": {"operationId": "releaseHold", "summary": "Release a hold, with the reason; ledgered", "x-permission": "manageHolds",
              "parameters": [{"$ref": "#/components/parameters/id"}],
              "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["reason"], "properties": {"reason": {"type": "string"}}}}}},
              "responses": {"200": {"description": "The released hold", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Hold"}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthenticated"}, "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"}, "409": {"$ref": "#/components/responses/Conflict"}}}},
            "/api/v1/privacy-requests": {
              "get": {"operationId": "privacyRequests", "summary": "Privacy requests with their clocks", "x-permission": "viewPrivacy",
                "responses": {"200": {"description": "Requests", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/PrivacyRequest"}}}}}, "401": {"$ref": "#/components/responses/Unauthenticated"}, "403": {"$ref": "#/components/responses/Forbidden"}}},
              "post": {"operationId": "createPrivacyRequest", "summary": "Register a request (identifiers stay sealed); ledgered", "x-permission": "managePrivacy",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["type", "law", "subjects"], "properties": {"type": {"enum": ["access", "erasure", "restriction", "correction"]}, "law": {"enum": ["gdpr", "uk-gdpr", "ccpa", "pipl"]}, "subjects": {"type": "array", "items": {"type": "string"}, "minItems": 1}, "received": {"type": "string", "format": "date"}}}}}},
                "responses": {"201": {"description": "The request", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PrivacyRequest"}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthenticated"}, "403": {"$ref": "#/components/responses/Forbidden"}}}
            },
            "/api/v1/privacy-requests/{id}": {"get": {"operationId": "privacyRequest", "summary": "One request", "x-permission": "viewPrivacy",
              "parameters": [{"$ref": "#/components/parameters/id"}],
              "responses": {"200": {"description": "The request", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PrivacyRequest"}}}}, "401": {"$ref": "#/components/responses/Unauthenticated"}, "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"}}}},
            "/api/v1/privacy-requests/{id}/actions": {"post": {"operationId": "privacyRequestAction", "summary": "Acknowledge, extend (with the reason) or refuse (with the reason given to the person); ledgered", "x-permission": "managePrivacy",
              "parameters": [{"$ref": "#/components/parameters/id"}],
              "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["action"], "properties": {"action": {"enum": ["acknowledge", "extend", "refuse"]}, "reason": {"type": "string"}, "day": {"type": "string", "format": "date"}}}}}},
              "responses": {"200": {"description": "The request", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PrivacyRequest"}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthenticated"}, "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"}, "409": {"$ref": "#/components/responses/Conflict"}}}},
            "/api/v1/privacy-requests/{id}/legal-claim": {"post": {"operationId": "setLegalClaim", "summary": "Record a legal claim that keeps the person's records (never named in the letter)", "x-permission": "legalClaims",
              "parameters": [{"$ref": "#/components/parameters/id"}],
              "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["reference"], "properties": {"reference": {"type": "string"}, "review_by": {"type": "string", "format": "date"}}}}}},
              "responses": {"200": {"description": "The request", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PrivacyRequest"}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthenticated"}, "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"}}}},
            "/api/v1/privacy-requests/{id}/legal-claim/close": {"post": {"operationId": "closeLegalClaim", "summary": "Close the legal claim; the next retention run erases what it kept", "x-permission": "legalClaims",
              "parameters": [{"$ref": "#/components/parameters/id"}],
              "responses": {"200": {"description": "The request", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PrivacyRequest"}}}}, "401": {"$ref": "#/components/responses/Unauthenticated"}, "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"}, "409": {"$ref": "#/components/responses/Conflict"}}}},
            "/api/v1/exports": {
              "get": {"operationId": "exports", "summary": "Exports made by your role", "x-permission": "exportRecords",
                "responses": {"200": {"description": "Exports", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Deliverable"}}}}}, "401": {"$ref": "#/components/responses/Unauthenticated"}, "403": {"$ref": "#/components/responses/Forbidden"}}},
              "post": {"operationId": "createExport", "summary": "Start an eDiscovery export (RSMF, EML, HTML, CSV, DAT, JSONL with manifest and ledger proofs); it runs in the background and is kept sealed; ledgered", "x-permission": "exportRecords",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "description": "Exactly one of query, conversation, hold, privacy_request.", "properties": {"query": {"type": "string"}, "conversation": {"type": "string"}, "hold": {"type": "string"}, "privacy_request": {"type": "string"}, "formats": {"type": "array", "items": {"enum": ["rsmf", "eml", "html", "csv", "dat", "jsonl"]}}, "mask": {"type": "boolean", "default": true}, "include_restricted": {"type": "boolean"}}}}}},
                "responses": {"202": {"description": "Started", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Deliverable"}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthenticated"}, "403": {"$ref": "#/components/responses/Forbidden"}}}
            },
            "/api/v1/deliverables/{id}": {"get": {"operationId": "deliverable", "summary": "An export or privacy output: its state and files (creator's role only)",
              "parameters": [{"$ref": "#/components/parameters/id"}],
              "responses": {"200": {"description": "The deliverable", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Deliverable"}}}}, "401": {"$ref": "#/components/responses/Unauthenticated"}, "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"}}}},
            "/api/v1/deliverables/{id}/download": {"get": {"operationId": "downloadDeliverable", "summary": "The deliverable as a zip, decrypted as it streams; ledgered",
              "parameters": [{"$ref": "#/components/parameters/id"}],
              "responses": {"200": {"description": "The zip", "content": {"application/zip": {}}}, "401": {"$ref": "#/components/responses/Unauthenticated"}, "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"}, "409": {"$ref": "#/components/responses/Conflict"}}}},
            "/api/v1/privacy-requests/{id}/fulfil": {"post": {"operationId": "fulfilPrivacyRequest", "summary": "Carry out a request today: access package, erasure decided record by record (crypto-shredding what nothing keeps) with the decision letter, or restriction; outputs kept sealed as a deliverable", "x-permission": "managePrivacy",
              "parameters": [{"$ref": "#/components/parameters/id"}],
              "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "properties": {"language": {"enum": ["en", "zh"], "default": "en"}}}}}},
              "responses": {"200": {"description": "What was done and where the files are", "content": {"application/json": {"schema": {"type": "object", "required": ["fulfilment", "deliverable"], "properties": {"fulfilment": {"type": "object"}, "deliverable": {"$ref": "#/components/schemas/Deliverable"}}}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthenticated"}, "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"}, "409": {"$ref": "#/components/responses/Conflict"}}}},
            "/api/v1/tree-head": {"get": {"operationId": "treeHead", "summary": "The latest signed tree head and the key that verifies it", "x-permission": "verifyLedger",
              "responses": {"200": {"description": "Tree head", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TreeHead"}}}}, "401": {"$ref": "#/components/responses/Unauthenticated"}}}},
            "/api/v1/verify": {"post": {"operationId": "verify", "summary": "Re-derive the ledger, every record and removal (as `vellum verify`)", "x-permission": "verifyLedger",
              "responses": {"200": {"description": "The report", "content": {"application/json": {"schema": {"type": "object", "required": ["ok", "records", "removed", "ledger_entries", "tree_heads", "problems"], "properties": {"ok": {"type": "boolean"}, "records": {"type": "integer"}, "removed": {"type": "integer"}, "ledger_entries": {"type": "integer"}, "tree_heads": {"type": "integer"}, "problems": {"type": "array", "items": {"type": "object", "properties": {"code": {"type": "string"}, "detail": {"type": "string"}}}}}}}}}, "401": {"$ref": "#/components/responses/Unauthenticated"}}}},
            "/api/v1/audit": {"get": {"operationId": "audit", "summary": "The ledger's events, newest first: who saw what, when", "x-permission": "viewAudit",
              "parameters": [
                {"name": "type", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}, "explode": true, "description": "access, staff, legal.hold, privacy.request, record.erased …"},
                {"name": "actor", "in": "query", "schema": {"type": "string"}},
                {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100}}
              ],
              "responses": {"200": {"description": "Events", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/AuditEntry"}}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthenticated"}, "403": {"$ref": "#/components/responses/Forbidden"}}}},
            "/api/v1/accounts": {
              "get": {"operationId": "accounts", "summary": "Staff accounts", "x-permission": "manageAccounts",
                "responses": {"200": {"description": "Accounts", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Account"}}}}}, "401": {"$ref": "#/components/responses/Unauthenticated"}, "403": {"$ref": "#/components/responses/Forbidden"}}},
              "post": {"operationId": "createAccount", "summary": "Create a staff account; ledgered", "x-permission": "manageAccounts",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["username", "role", "password"], "properties": {"username": {"type": "string", "pattern": "^[a-z0-9._-]{2,64}$"}, "role": {"$ref": "#/components/schemas/Role"}, "password": {"type": "string", "minLength": 12}}}}}},
                "responses": {"201": {"description": "The account", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Account"}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthenticated"}, "403": {"$ref": "#/components/responses/Forbidden"}, "409": {"$ref": "#/components/responses/Conflict"}}}
            },
            "/api/v1/tokens": {
              "get": {"operationId": "tokens", "summary": "Your API tokens (administrators: all)",
                "responses": {"200": {"description": "Tokens (never their secrets)", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Token"}}}}}, "401": {"$ref": "#/components/responses/Unauthenticated"}}},
              "post": {"operationId": "createToken", "summary": "Issue a token acting with your role; the secret is in this answer only",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string", "maxLength": 80}, "expires_in_days": {"type": "integer", "minimum": 1, "maximum": 366, "default": 90}}}}}},
                "responses": {"201": {"description": "The token with its secret", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Token"}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthenticated"}}}
            },
            "/api/v1/tokens/{id}": {"delete": {"operationId": "revokeToken", "summary": "Revoke a token (yours, or any for administrators)",
              "parameters": [{"$ref": "#/components/parameters/id"}],
              "responses": {"204": {"description": "Revoked"}, "401": {"$ref": "#/components/responses/Unauthenticated"}, "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"}}}}
          },
          "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "description": "An API token (vlt_…) from POST /api/v1/tokens"}},
            "parameters": {
              "id": {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}},
              "alertId": {"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "format": "int64"}}
            },
            "responses": {
              "BadRequest": {"description": "The request names a wrong field or value", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "Unauthenticated": {"description": "No valid bearer token or session", "headers": {"WWW-Authenticate": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "Forbidden": {"description": "The caller's role may not do this", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "NotFound": {"description": "No such item", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "Conflict": {"description": "Refused in the item's current state", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "Delivered": {"description": "Committed durably (or quarantined, sealed): how many items were new, already held, or quarantined", "content": {"application/json": {"schema": {"type": "object", "required": ["imported", "duplicates", "quarantined"], "properties": {"imported": {"type": "integer"}, "duplicates": {"type": "integer"}, "quarantined": {"type": "integer"}}}}}},
              "DeliveryRefused": {"description": "Missing or wrong signature or secret: nothing of the body was kept; the refusal is counted in capture health and the ledger", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "NotConfigured": {"description": "This channel's webhooks are not configured", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "TooLarge": {"description": "The body is larger than the server accepts (max_body_bytes); refused and recorded", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
            },
            "schemas": {
              "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object", "required": ["code", "message"], "properties": {"code": {"type": "string"}, "message": {"type": "string"}}}}},
              "Channel": {"enum": ["wecom", "wechat", "whatsapp", "telegram", "signal", "sms", "email", "other"]},
              "Role": {"enum": ["admin", "compliance", "privacy", "legal", "auditor"]},
              "Me": {"type": "object", "required": ["username", "role", "permissions", "credential"], "properties": {"username": {"type": "string"}, "role": {"$ref": "#/components/schemas/Role"}, "permissions": {"type": "array", "items": {"type": "string"}}, "credential": {"enum": ["session", "token"]}}},
              "SearchHit": {"type": "object", "required": ["id", "source_id", "channel", "conversation", "sender", "sent_at", "text", "snippet", "kind"], "properties": {"id": {"type": "string"}, "source_id": {"type": "string"}, "channel": {"type": "string"}, "conversation": {"type": "string"}, "sender": {"type": "string"}, "sent_at": {"type": "string"}, "text": {"type": "string"}, "snippet": {"type": "string"}, "kind": {"type": "string"}, "sender_id": {"type": "string"}, "sender_employee": {"type": "string"}, "revises": {"type": "string"}}},
              "SearchResponse": {"type": "object", "required": ["total", "hits"], "properties": {"total": {"type": "integer"}, "hits": {"type": "array", "items": {"$ref": "#/components/schemas/SearchHit"}}}},
              "Record": {"type": "object", "required": ["id", "channel", "conversation", "sent_at", "sender", "versions", "inclusion_proof", "commitment"], "properties": {"id": {"type": "string"}, "source_id": {"type": "string"}, "channel": {"type": "string"}, "account": {"type": "string"}, "conversation": {"type": "object"}, "sent_at": {"type": "string"}, "sender": {"type": "object"}, "recipients": {"type": "array", "items": {"type": "object"}}, "text": {"type": ["string", "null"]}, "attachments": {"type": "array", "items": {"type": "object"}}, "versions": {"type": "array", "items": {"type": "object"}}, "commitment": {"type": "string"}, "inclusion_proof": {"type": "object"}}},
              "Alert": {"type": "object", "required": ["id", "record", "rule", "severity", "status", "created_at", "updated_at"], "properties": {"id": {"type": "integer"}, "record": {"type": "string"}, "rule": {"type": "string"}, "severity": {"type": "string"}, "status": {"enum": ["open", "in_review", "escalated", "closed"]}, "assignee": {"type": ["string", "null"]}, "created_at": {"type": "string"}, "updated_at": {"type": "string"}, "reason": {"type": ["string", "null"]}}},
              "Hold": {"type": "object", "required": ["id", "matter", "reason", "kind", "created", "active", "scope"], "properties": {"id": {"type": "string"}, "matter": {"type": "string"}, "reason": {"type": "string"}, "kind": {"type": "string"}, "created": {"type": "string", "format": "date"}, "created_by": {"type": ["string", "null"]}, "expires": {"type": ["string", "null"]}, "released": {"type": ["string", "null"]}, "released_by": {"type": ["string", "null"]}, "active": {"type": "boolean"}, "scope": {"type": "string"}}},
              "NewHold": {"type": "object", "required": ["matter", "reason"], "properties": {"matter": {"type": "string"}, "reason": {"type": "string"}, "kind": {"enum": ["litigation", "regulatory_inquiry", "internal_investigation", "law_enforcement_preservation"]}, "custodians": {"type": "array", "items": {"type": "string"}}, "parties": {"type": "array", "items": {"type": "string"}}, "conversations": {"type": "array", "items": {"type": "string"}}, "channels": {"type": "array", "items": {"$ref": "#/components/schemas/Channel"}}, "since": {"type": "string", "format": "date"}, "until": {"type": "string", "format": "date"}, "query": {"type": "string"}}},
              "PrivacyRequest": {"type": "object", "required": ["id", "type", "law", "status", "received", "due", "original_due", "extended", "subjects", "history", "citation"], "properties": {"id": {"type": "string"}, "type": {"type": "string"}, "law": {"type": "string"}, "status": {"type": "string"}, "received": {"type": "string", "format": "date"}, "acknowledge_by": {"type": ["string", "null"]}, "due": {"type": "string", "format": "date"}, "original_due": {"type": "string", "format": "date"}, "extended": {"type": "boolean"}, "subjects": {"type": "array", "items": {"type": "string"}}, "history": {"type": "array", "items": {"type": "object"}}, "citation": {"type": "string"}}},
              "TreeHead": {"type": "object", "required": ["size", "root", "timestamp", "signature", "public_key"], "properties": {"size": {"type": "integer"}, "root": {"type": "string"}, "timestamp": {"type": "integer"}, "signature": {"type": "string"}, "public_key": {"type": "string"}}},
              "AuditEntry": {"type": "object", "required": ["index", "at", "type", "records"], "properties": {"index": {"type": "integer"}, "at": {"type": "string"}, "type": {"type": "string"}, "actor": {"type": ["string", "null"]}, "action": {"type": ["string", "null"]}, "subject": {"type": ["string", "null"]}, "records": {"type": "array", "items": {"type": "string"}}, "count": {"type": ["integer", "null"]}, "detail": {"type": ["string", "null"]}}},
              "Account": {"type": "object", "required": ["id", "username", "role", "created_at", "disabled"], "properties": {"id": {"type": "string"}, "username": {"type": "string"}, "role": {"$ref": "#/components/schemas/Role"}, "created_at": {"type": "string", "format": "date-time"}, "disabled": {"type": "boolean"}}},
              "Deliverable": {"type": "object", "required": ["id", "kind", "title", "created_by", "created_at", "status", "files", "counts"], "properties": {"id": {"type": "string"}, "kind": {"enum": ["export", "privacy"]}, "title": {"type": "string"}, "created_by": {"type": "string"}, "created_at": {"type": "string"}, "status": {"enum": ["running", "ready", "failed"]}, "error": {"type": ["string", "null"]}, "files": {"type": "array", "items": {"type": "object", "properties": {"name": {"type": "string"}, "size": {"type": "integer"}, "sha256": {"type": "string"}}}}, "size": {"type": ["integer", "null"]}, "counts": {"type": "object", "additionalProperties": {"type": "integer"}}, "download": {"type": ["string", "null"]}}},
              "Token": {"type": "object", "required": ["id", "name", "role", "created_at"], "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "role": {"$ref": "#/components/schemas/Role"}, "created_at": {"type": "string", "format": "date-time"}, "expires_at": {"type": ["string", "null"]}, "revoked_at": {"type": ["string", "null"]}, "secret": {"type": "string", "description": "Only when the token is created"}}}
            }
          }
        }
        """#
}
