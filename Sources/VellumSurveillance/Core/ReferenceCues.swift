/// Words that mark a nearby number as a reference rather than a personal
/// value: order, invoice, tracking and ticket numbers. They suppress matches
/// marked ``DetectorMatch/negativeContextSuppresses`` when one ends within
/// ``ContextWindow/referenceScalarsBefore`` scalars before the value (so it
/// labels that value, not just the conversation) and no positive context
/// word is near (so "order #4111111111111111" stays quiet while
/// "card for order 123: 4111111111111111" still fires). A `#` right before
/// the value counts as one too.
public enum ReferenceCues {
    /// The built-in cues, English and Chinese.
    public static let words: [String] = [
        "order #", "order#", "order no", "order number", "order id", "order ref", "po #", "po number",
        "invoice", "inv #", "tracking", "waybill", "ticket", "case #", "ref #", "ref no", "reference",
        "txn", "transaction id", "confirmation", "booking", "serial", "sku", "isbn", "version", "build",
        "订单", "訂單", "单号", "單號", "运单", "運單", "快递", "快遞", "发票", "發票", "流水号", "工单",
        "编号", "編號", "版本", "序列号",
    ]
}
