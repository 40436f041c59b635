/// Per-zone caches for writing `sent_at` fast: the current UTC offset until its next change, and
/// the local date's ten bytes until the local day changes.
struct SyntheticClockCache: Sendable {
    private var offset = [Int](repeating: 0, count: DemoZone.allCases.count)
    private var validFrom = [Int64](repeating: Int64.max, count: DemoZone.allCases.count)
    private var validUntil = [Int64](repeating: Int64.min, count: DemoZone.allCases.count)
    private var suffix = [UInt8](repeating: 0, count: DemoZone.allCases.count * 6)
    private var suffixLength = [Int](repeating: 0, count: DemoZone.allCases.count)
    private var day = [Int64](repeating: Int64.min, count: DemoZone.allCases.count)
    private var date = [UInt8](repeating: 0, count: DemoZone.allCases.count * 10)

    /// Appends `utc` in RFC 3339 with the zone's offset at that instant.
    @inline(__always)
    mutating func append(_ utc: Int64, zone: Int, to out: inout DemoByteCursor) {
        if utc >= validUntil[zone] || utc < validFrom[zone] { refresh(utc, zone: zone) }
        let local = utc + Int64(offset[zone])
        let localDay = DemoTime.floorDiv(local, 86_400)
        if localDay != day[zone] {
            day[zone] = localDay
            var text: [UInt8] = []
            DemoTime.appendDate(days: localDay, into: &text)
            for index in 0..<10 { date[zone * 10 + index] = text[index] }
        }
        for index in 0..<10 { out.append(date[zone * 10 + index]) }
        let second = Int(local - localDay * 86_400)
        out.append(UInt8(ascii: "T"))
        out.twoDigits(second / 3600)
        out.append(UInt8(ascii: ":"))
        out.twoDigits(second / 60 % 60)
        out.append(UInt8(ascii: ":"))
        out.twoDigits(second % 60)
        for index in 0..<suffixLength[zone] { out.append(suffix[zone * 6 + index]) }
    }

    private mutating func refresh(_ utc: Int64, zone: Int) {
        let span = DemoZone(rawValue: zone)!.offsetSpan(at: utc)
        offset[zone] = span.offset
        validFrom[zone] = utc
        validUntil[zone] = span.validUntil == Int64.max ? utc + 366 * 86_400 : span.validUntil
        let text = DemoTime.offsetSuffix(span.offset)
        suffixLength[zone] = text.count
        for (index, byte) in text.enumerated() { suffix[zone * 6 + index] = byte }
        day[zone] = Int64.min
    }
}
