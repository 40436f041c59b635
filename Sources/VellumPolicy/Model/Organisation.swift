/// Who runs the archive: the controller of the personal data in it, and whom to ask about it.
public struct Organisation: Sendable, Hashable {
    /// The organisation's name as it appears in notices and letters.
    public var name: String
    /// ISO 3166-1 alpha-2 code of the main establishment, upper-case (`DE`, `HK`, `US`).
    public var country: String
    /// The controller (GDPR Art. 4(7)); defaults to ``name`` when the file gives none.
    public var controller: Contact
    /// The data protection officer (GDPR Art. 37) or PIPL personal-information protection officer.
    public var dpo: Contact?
    /// Where people send access, erasure and other privacy requests; defaults to the DPO, then the controller.
    public var privacyRequests: Contact?
    /// The supervisory authority people may complain to, named in letters and notices.
    public var supervisoryAuthority: String?

    public init(
        name: String, country: String, controller: Contact? = nil, dpo: Contact? = nil,
        privacyRequests: Contact? = nil, supervisoryAuthority: String? = nil
    ) {
        self.name = name
        self.country = country
        self.controller = controller ?? Contact(name: name)
        self.dpo = dpo
        self.privacyRequests = privacyRequests
        self.supervisoryAuthority = supervisoryAuthority
    }

    /// The contact for privacy requests: ``privacyRequests``, else the DPO, else the controller.
    public var requestContact: Contact { privacyRequests ?? dpo ?? controller }
}

/// A person or office and how to reach them.
public struct Contact: Sendable, Hashable {
    public var name: String
    public var email: String?
    public var phone: String?
    public var address: String?

    public init(name: String, email: String? = nil, phone: String? = nil, address: String? = nil) {
        self.name = name
        self.email = email
        self.phone = phone
        self.address = address
    }

    /// "Name, email, phone, address" with the parts that are set.
    public var oneLine: String {
        ([name] + [email, phone, address].compactMap { $0 }).joined(separator: ", ")
    }
}
