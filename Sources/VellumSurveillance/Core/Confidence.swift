/// The confidence scheme shared by every detector.
///
/// A detector reports a *base* confidence that reflects how much of the value
/// it could check:
///
/// | evidence                                                        | base        |
/// |-----------------------------------------------------------------|-------------|
/// | private key block with its END line                             | 0.95        |
/// | GitHub token prefix + exact length                              | 0.90        |
/// | checksum + structure (IBAN mod-97, CN ID, card Luhn + issuer)   | 0.80 – 0.85 |
/// | AWS key prefix + alphabet, email syntax                         | 0.80 – 0.85 |
/// | HK ID in `A123456(3)` form with mod-11                          | 0.75        |
/// | format only (dashed SSN, E.164 / national phone shapes)         | 0.55 – 0.75 |
/// | shape that is only believable with a context word               | 0.50 – 0.60 |
/// | lexicon term (a phrase match, not a value)                      | 0.90        |
///
/// A context word for that detector (English or Chinese, see each detector's
/// `contextWords`) within ``ContextWindow`` adds ``contextBoost``, capped at
/// ``ceiling``. Matches marked `needsContext` are dropped when no context word
/// is present. Matches marked `negativeContextSuppresses` are dropped when a
/// reference-number cue ("order #", "订单号", "invoice" …) is near and no
/// positive context word is.
public enum Confidence {
    /// Added when a context word for the detector is in the window.
    public static let contextBoost = 0.15
    /// Nothing found by pattern is ever certain.
    public static let ceiling = 0.99
    /// Every lexicon hit: the phrase is there, but whether it matters is for
    /// the reviewer.
    public static let lexiconHit = 0.9

    /// Final confidence for a base value, rounded to two decimals.
    public static func resolve(base: Double, hasContext: Bool) -> Double {
        let raw = hasContext ? min(ceiling, base + contextBoost) : min(ceiling, base)
        return (raw * 100).rounded() / 100
    }
}

/// How far around a candidate the engine looks for context words.
public enum ContextWindow {
    /// Unicode scalars before the candidate.
    public static let scalarsBefore = 40
    /// Unicode scalars after the candidate ("4111… is my card").
    public static let scalarsAfter = 20
    /// How close before the candidate a reference cue ("order #", "订单号")
    /// must end to label it; further away it is just part of the chat.
    public static let referenceScalarsBefore = 16
}
