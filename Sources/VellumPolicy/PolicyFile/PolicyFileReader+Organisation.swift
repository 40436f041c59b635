import VellumCore
import Yams

extension PolicyFileReader {
    mutating func readOrganisation(_ node: Node) -> Organisation? {
        let path = "organisation"
        guard
            let f = r.mapping(
                node, path,
                allowed: ["name", "country", "controller", "dpo", "privacy_requests", "supervisory_authority"],
                required: ["name", "country"])
        else { return nil }
        let name = f["name"].flatMap { r.string($0, f.path("name")) }
        var country: String?
        if let c = f["country"], let s = r.string(c, f.path("country")) {
            if s.count == 2, s.allSatisfy({ $0.isASCII && $0.isLetter }) {
                country = s.uppercased()
            } else {
                r.problem(c, f.path("country"), "`\(s)` is not an ISO 3166-1 alpha-2 country code (e.g. `HK`, `DE`)")
            }
        }
        let controller = f["controller"].flatMap { readContact($0, f.path("controller")) }
        let dpo = f["dpo"].flatMap { readContact($0, f.path("dpo")) }
        let requests = f["privacy_requests"].flatMap { readContact($0, f.path("privacy_requests")) }
        let authority = f["supervisory_authority"].flatMap { r.string($0, f.path("supervisory_authority")) }
        guard let name, let country else { return nil }
        return Organisation(
            name: name, country: country, controller: controller, dpo: dpo, privacyRequests: requests,
            supervisoryAuthority: authority)
    }

    mutating func readContact(_ node: Node, _ path: String) -> Contact? {
        guard let f = r.mapping(node, path, allowed: ["name", "email", "phone", "address"], required: ["name"]) else {
            return nil
        }
        let name = f["name"].flatMap { r.string($0, f.path("name")) }
        let email = f["email"].flatMap { r.string($0, f.path("email")) }
        if let email, let n = f["email"], !email.contains("@") {
            r.problem(n, f.path("email"), "`\(email)` is not an email address")
        }
        let phone = f["phone"].flatMap { r.string($0, f.path("phone")) }
        let address = f["address"].flatMap { r.string($0, f.path("address")) }
        return name.map { Contact(name: $0, email: email, phone: phone, address: address) }
    }

    /// A plain string (English) or `{en: …, zh: …}`.
    mutating func readText(_ node: Node, _ path: String) -> LocalizedText? {
        if node.mapping != nil {
            guard let f = r.mapping(node, path, allowed: ["en", "zh"], required: ["en"]) else { return nil }
            let en = f["en"].flatMap { r.string($0, f.path("en")) }
            let zh = f["zh"].flatMap { r.string($0, f.path("zh")) }
            return en.map { LocalizedText(en: $0, zh: zh) }
        }
        return r.string(node, path).map { LocalizedText(en: $0) }
    }

    mutating func readPurposes(_ node: Node) -> [Purpose] {
        guard let items = r.sequence(node, "purposes", what: "a list of purposes") else { return [] }
        var out: [Purpose] = []
        for (i, item) in items.enumerated() {
            let path = "purposes[\(i)]"
            guard
                let f = r.mapping(
                    item, path,
                    allowed: [
                        "id", "description", "lawful_basis", "legal_reference", "subjects", "data_categories",
                        "recipients", "transfers", "access_roles",
                    ], required: ["id", "description", "lawful_basis", "data_categories"])
            else { continue }
            let id = f["id"].flatMap { r.identifier($0, f.path("id")) }
            if let id, let n = f["id"], !purposeIDs.insert(id).inserted {
                r.problem(n, f.path("id"), "duplicate purpose id `\(id)`")
            }
            let description = f["description"].flatMap { readText($0, f.path("description")) }
            let basis = f["lawful_basis"].flatMap { r.choice($0, f.path("lawful_basis"), LawfulBasis.self) }
            let reference = f["legal_reference"].flatMap { r.string($0, f.path("legal_reference")) }
            let subjects = f["subjects"].flatMap { readChoices($0, f.path("subjects"), DataSubjectCategory.self) }
            let categories = f["data_categories"].flatMap { r.strings($0, f.path("data_categories")) }
            let recipients = f["recipients"].flatMap { r.strings($0, f.path("recipients"), allowEmpty: true) }
            let transfers = f["transfers"].map { readTransfers($0, f.path("transfers")) }
            let roles = f["access_roles"].flatMap { readRoles($0, f.path("access_roles")) }
            guard let id, let description, let basis, let categories else { continue }
            out.append(Purpose(
                id: id, description: description, lawfulBasis: basis, legalReference: reference,
                subjects: subjects ?? DataSubjectCategory.allCases, dataCategories: categories,
                recipients: recipients ?? [], transfers: transfers ?? [], accessRoles: roles ?? Purpose.defaultAccessRoles))
        }
        return out
    }

    mutating func readTransfers(_ node: Node, _ path: String) -> [Transfer] {
        guard let items = r.sequence(node, path, what: "a list of transfers") else { return [] }
        var out: [Transfer] = []
        for (i, item) in items.enumerated() {
            guard let f = r.mapping(item, "\(path)[\(i)]", allowed: ["to", "safeguard"], required: ["to", "safeguard"])
            else { continue }
            let to = f["to"].flatMap { r.string($0, f.path("to")) }
            let safeguard = f["safeguard"].flatMap { r.string($0, f.path("safeguard")) }
            if let to, let safeguard { out.append(Transfer(to: to, safeguard: safeguard)) }
        }
        return out
    }

    /// The Vellum roles that can be given access (ARCHITECTURE.md, Roles).
    static let vellumRoles: Set<String> = ["admin", "compliance", "privacy", "legal", "auditor"]

    mutating func readRoles(_ node: Node, _ path: String) -> [String]? {
        guard let roles = r.strings(node, path), let seq = node.sequence else { return nil }
        var ok = true
        for (role, item) in zip(roles, seq) where !Self.vellumRoles.contains(role) {
            r.problem(item, path, "unknown Vellum role `\(role)`; expected one of \(Self.vellumRoles.sorted().joined(separator: ", "))")
            ok = false
        }
        return ok ? roles : nil
    }

    mutating func readChoices<T: RawRepresentable & CaseIterable>(
        _ node: Node, _ path: String, _ type: T.Type, allowEmpty: Bool = false
    ) -> [T]? where T.RawValue == String {
        guard let seq = r.sequence(node, path) else { return nil }
        if seq.isEmpty && !allowEmpty {
            r.problem(node, path, "an empty list matches nothing; leave the key out to mean any")
            return nil
        }
        let values = seq.enumerated().map { r.choice($0.element, "\(path)[\($0.offset)]", type) }
        return values.contains { $0 == nil } ? nil : values.compactMap { $0 }
    }

    mutating func readChannelList(_ node: Node, _ path: String) -> [Channel]? {
        readChoices(node, path, Channel.self)
    }

    mutating func readChannels(_ node: Node) -> [Channel: ChannelPolicy] {
        var out: [Channel: ChannelPolicy] = [:]
        for (key, keyNode, value) in r.entries(node, "channels", what: "a mapping of channel names") {
            let path = "channels.\(key)"
            guard let channel = Channel(rawValue: key) else {
                r.problem(keyNode, path, "unknown channel `\(key)`; expected one of \(Channel.allCases.map(\.rawValue).joined(separator: ", "))")
                continue
            }
            guard let f = r.mapping(value, path, allowed: ["approved", "end_to_end_encrypted", "notes"], required: ["approved"])
            else { continue }
            let approved = f["approved"].flatMap { r.bool($0, f.path("approved")) }
            let e2e = f["end_to_end_encrypted"].flatMap { r.bool($0, f.path("end_to_end_encrypted")) }
            let notes = f["notes"].flatMap { r.string($0, f.path("notes")) }
            if let approved { out[channel] = ChannelPolicy(approved: approved, endToEndEncrypted: e2e, notes: notes) }
        }
        return out
    }
}
