import VellumCore

extension Policy {
    /// A stable serialization of the policy as it takes effect, for hashing into the ledger's
    /// "policy change" event: canonical JSON (sorted keys, no whitespace, absent values left
    /// out, ``VellumCore/CanonicalJSON``) of the resolved policy, defaults filled in.
    ///
    /// Comments, key order, formatting and spelling out a default do not change the bytes;
    /// anything that changes a decision does. Lists whose order matters (retention and
    /// surveillance rules, purposes) keep file order; maps are sorted by key; numbers that are
    /// not whole (rates, confidences) are written as their shortest decimal text, in quotes.
    public var canonicalBytes: [UInt8] {
        var w = CanonicalJSON()
        w.object { w in
            w.key("channels")
            w.object { w in
                for (channel, p) in channels.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    w.key(channel.rawValue)
                    w.object { w in
                        w.field("approved", p.approved)
                        w.field("end_to_end_encrypted", p.endToEndEncrypted)
                        w.field("notes", p.notes)
                    }
                }
            }
            w.field("format", "vellum-policy/1")
            w.key("organisation")
            w.organisation(organisation)
            w.key("privacy")
            w.privacy(privacy)
            w.key("purposes")
            w.array(purposes) { w, p in w.purpose(p) }
            w.key("retention")
            w.object { w in
                w.key("rules")
                w.array(retentionRules) { w, r in w.retentionRule(r) }
            }
            w.key("surveillance")
            w.surveillance(surveillance)
        }
        return w.bytes
    }
}

extension CanonicalJSON {
    mutating func strings(_ name: String, _ values: [String]?) {
        guard let values else { return }
        key(name)
        array(values) { w, s in w.string(s) }
    }

    mutating func text(_ name: String, _ t: LocalizedText) {
        key(name)
        object { w in
            w.field("en", t.en)
            w.field("zh", t.zh)
        }
    }

    mutating func contact(_ name: String, _ c: Contact?) {
        guard let c else { return }
        key(name)
        object { w in
            w.field("address", c.address)
            w.field("email", c.email)
            w.field("name", c.name)
            w.field("phone", c.phone)
        }
    }

    mutating func organisation(_ o: Organisation) {
        object { w in
            w.contact("controller", o.controller)
            w.field("country", o.country)
            w.contact("dpo", o.dpo)
            w.field("name", o.name)
            w.contact("privacy_requests", o.privacyRequests)
            w.field("supervisory_authority", o.supervisoryAuthority)
        }
    }

    mutating func privacy(_ p: PrivacyDeadlines) {
        object { w in
            w.key("deadlines")
            w.object { w in
                for law in PrivacyLaw.allCases.sorted(by: { $0.rawValue < $1.rawValue }) {
                    guard let rule = p.rules[law] else { continue }
                    w.key(law.rawValue)
                    w.object { w in
                        w.field("acknowledge", rule.acknowledge?.description)
                        w.field("extension", rule.extendBy?.description)
                        w.field("respond", rule.respond.description)
                    }
                }
            }
            w.strings("holidays", p.holidays.sorted().map(\.description))
        }
    }

    mutating func purpose(_ p: Purpose) {
        object { w in
            w.strings("access_roles", p.accessRoles)
            w.strings("data_categories", p.dataCategories)
            w.text("description", p.description)
            w.field("id", p.id)
            w.field("lawful_basis", p.lawfulBasis.rawValue)
            w.field("legal_reference", p.legalReference)
            w.strings("recipients", p.recipients)
            w.strings("subjects", p.subjects.map(\.rawValue))
            w.key("transfers")
            w.array(p.transfers) { w, t in
                w.object { w in
                    w.field("safeguard", t.safeguard)
                    w.field("to", t.to)
                }
            }
        }
    }

    mutating func retentionRule(_ r: RetentionRule) {
        object { w in
            w.text("basis", r.basis)
            w.strings("channels", r.channels?.map(\.rawValue))
            w.strings("departments", r.departments)
            w.field("from", r.from.rawValue)
            w.field("id", r.id)
            w.strings("jurisdictions", r.jurisdictions)
            w.field("period", r.period.description)
            w.field("preset", r.preset)
            w.field("purpose", r.purpose)
            w.strings("roles", r.roles)
        }
    }

    mutating func surveillance(_ s: SurveillancePolicy) {
        object { w in
            w.strings("detectors", s.detectors.map(\.rawValue))
            w.key("lexicons")
            w.object { w in
                for (name, terms) in s.lexicons.sorted(by: { $0.key < $1.key }) { w.strings(name, terms) }
            }
            w.key("rules")
            w.array(s.rules) { w, r in w.surveillanceRule(r) }
            if let sampling = s.sampling {
                w.key("sampling")
                w.object { w in
                    w.field("rate", sampling.rate.shortText)
                    w.strings("roles", sampling.roles)
                }
            }
        }
    }

    mutating func surveillanceRule(_ r: SurveillanceRule) {
        let own = r.type.ownKeys
        object { w in
            if own.contains("channels") {
                switch r.channels {
                case .only(let list): w.strings("channels", list.map(\.rawValue))
                case .any, .unencrypted: w.field("channels", r.channels.text)
                }
            }
            w.strings("departments", r.departments)
            if own.contains("detectors") { w.strings("detectors", r.detectors?.map(\.rawValue)) }
            w.field("id", r.id)
            if own.contains("lexicons") { w.strings("lexicons", r.lexicons) }
            if own.contains("max_recipients") { w.field("max_recipients", Int64(r.maxRecipients)) }
            if own.contains("min_confidence") { w.field("min_confidence", r.minConfidence.shortText) }
            w.strings("roles", r.roles)
            w.field("severity", r.severity.rawValue)
            w.field("type", r.type.rawValue)
            if own.contains("window_days") { w.field("window_days", Int64(r.windowDays)) }
        }
    }
}
