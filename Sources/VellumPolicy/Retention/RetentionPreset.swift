/// A named retention regime: a minimum period and the rule that sets it, taken from the
/// retention table of `shared/reference/regulation.md` §4 (each preset cites its row).
///
/// The policy file can use a preset in a rule (`preset: finra-4511`), switch on a preset's
/// regulator-requested extension (`retention.presets.mifid-ii.extended: true` → 7 years), or
/// define its own presets.
public struct RetentionPreset: Sendable, Hashable, Identifiable {
    public var id: String
    /// The minimum period.
    public var period: RetentionPeriod
    /// The longer period a regulator may ask for (MiFID II, FCA: 7 years), if the regime has one.
    public var extendedPeriod: RetentionPeriod?
    /// Whether the organisation was asked to keep for ``extendedPeriod``.
    public var extended: Bool
    public var from: ClockStart
    public var basis: LocalizedText
    /// Where the period comes from (the row of regulation.md §4), for reviewers.
    public var citation: String

    public init(
        id: String, period: RetentionPeriod, extendedPeriod: RetentionPeriod? = nil, extended: Bool = false,
        from: ClockStart = .sent, basis: LocalizedText, citation: String
    ) {
        self.id = id
        self.period = period
        self.extendedPeriod = extendedPeriod
        self.extended = extended
        self.from = from
        self.basis = basis
        self.citation = citation
    }

    /// The period in force: the extended one when the regulator asked for it.
    public var effectivePeriod: RetentionPeriod { extended ? (extendedPeriod ?? period) : period }

    /// The presets Vellum ships, by id.
    public static let builtIn: [String: RetentionPreset] = Dictionary(
        uniqueKeysWithValues: builtInList.map { ($0.id, $0) })

    static let builtInList: [RetentionPreset] = [
        RetentionPreset(
            id: "sec-17a-4", period: .years(3),
            basis: LocalizedText(
                en: "SEC Rule 17a-4(b)(4): broker-dealer business communications, 3 years (the first 2 easily accessible)",
                zh: "美国SEC规则17a-4(b)(4)：经纪交易商业务通讯须保存3年（前2年须便于调取）"),
            citation: "regulation.md §4, row “SEC 17a-4(b)(4) | BD business communications | 3 yrs”"),
        RetentionPreset(
            id: "sec-17a-4-a", period: .years(6),
            basis: LocalizedText(
                en: "SEC Rule 17a-4(a): blotters, ledgers and similar records, 6 years (the first 2 easily accessible)",
                zh: "美国SEC规则17a-4(a)：交易记录簿、分类账等记录须保存6年（前2年须便于调取）"),
            citation: "regulation.md §4, row “SEC 17a-4(a) | blotters, ledgers | 6 yrs”"),
        RetentionPreset(
            id: "finra-4511", period: .years(6),
            basis: LocalizedText(
                en: "FINRA Rule 4511(c): books and records with no period stated elsewhere, 6 years",
                zh: "美国FINRA规则4511(c)：未另行规定期限的账簿和记录须保存6年"),
            citation: "regulation.md §4, row “FINRA 4511 | records with no stated period | 6 yrs”"),
        RetentionPreset(
            id: "finra-4513", period: .years(4),
            basis: LocalizedText(
                en: "FINRA Rule 4513: written customer complaints, 4 years",
                zh: "美国FINRA规则4513：客户书面投诉须保存4年"),
            citation: "regulation.md §4, row “FINRA 4513 | written customer complaints | 4 yrs”"),
        RetentionPreset(
            id: "cftc-1-31", period: .years(5),
            basis: LocalizedText(
                en: "CFTC Regulation 1.31: regulatory records, 5 years",
                zh: "美国CFTC规则1.31：监管记录须保存5年"),
            citation: "regulation.md §4, row “CFTC 1.31 | regulatory records | 5 yrs”"),
        RetentionPreset(
            id: "mifid-ii", period: .years(5), extendedPeriod: .years(7),
            basis: LocalizedText(
                en: "MiFID II Art. 16(7) and Delegated Regulation 2017/565 Art. 76: recorded electronic communications, "
                    + "5 years (7 where the competent authority requests)",
                zh: "欧盟MiFID II第16(7)条及授权条例2017/565第76条：电子通讯记录须保存5年（主管机关要求时为7年）"),
            citation: "regulation.md §4, row “MiFID II 16(7) / Art 76 | recorded calls and e-comms | 5 yrs; up to 7”"),
        RetentionPreset(
            id: "fca-sysc-10a", period: .years(5), extendedPeriod: .years(7),
            basis: LocalizedText(
                en: "FCA SYSC 10A.1.15: recorded telephone conversations and electronic communications, "
                    + "5 years (7 where the FCA requests)",
                zh: "英国FCA SYSC 10A.1.15：电话及电子通讯记录须保存5年（FCA要求时为7年）"),
            citation: "regulation.md §4, row “FCA SYSC 10A.1.15 | same (UK) | 5 yrs; 7 if FCA requests”"),
        RetentionPreset(
            id: "ciro", period: .years(7),
            basis: LocalizedText(
                en: "CIRO (IIROC Rules 3803, UMIR 10.12): dealer records, 7 years (the first 2 readily accessible)",
                zh: "加拿大CIRO（IIROC规则3803、UMIR 10.12）：交易商记录须保存7年（前2年须便于调取）"),
            citation: "regulation.md §4, row “CIRO / UMIR 10.12 | dealer records; order records | 7 yrs”"),
        RetentionPreset(
            id: "sfc", period: .years(7),
            basis: LocalizedText(
                en: "HK SFC Keeping of Records Rules (Cap. 571O): records of licensed corporations, 7 years",
                zh: "香港证监会《证券及期货（备存纪录）规则》（第571O章）：持牌法团纪录须保存7年"),
            citation: "regulation.md §4, row “HK SFC KoR Rules | licensed corporation records | 7 yrs”"),
        RetentionPreset(
            id: "sfc-client-orders", period: .months(6),
            basis: LocalizedText(
                en: "HK SFC Code of Conduct: recordings of client order instructions, 6 months",
                zh: "香港证监会《操守准则》：客户指令录音须保存6个月"),
            citation: "regulation.md §4, row “HK SFC Code of Conduct | phone recordings of client orders | 6 months”"),
    ]
}
