import Foundation
import VellumCore

/// Layer 3: the `rsmf_manifest.json` of a slice, keys sorted, ids all strings.
enum RSMFManifestBuilder {
    static func manifest(
        of s: RSMFSlice, conversation: Conversation, channel: Channel, account: String, eventCollectionID: String
    ) -> Data {
        var w = CanonicalJSON()
        w.object { w in
            w.key("conversations")
            w.array([0]) { w, _ in
                w.object { w in
                    w.field("custodian", s.custodianID)
                    w.key("custom")
                    var custom: [(String, String)] = [
                        ("source_conversation_id", conversation.id), ("channel", channel.rawValue),
                    ]
                    if !account.isEmpty { custom.append(("account", account)) }
                    custom.append(("slice", String(s.number)))
                    w.array(custom) { w, c in
                        w.object { w in
                            w.field("name", c.0)
                            w.field("value", c.1)
                        }
                    }
                    w.field("display", conversation.title.flatMap { $0.isEmpty ? nil : $0 } ?? conversation.id)
                    w.field("id", conversation.id.isEmpty ? "conversation" : conversation.id)
                    w.key("participants")
                    w.array(s.participantOrder) { w, p in w.string(p) }
                    w.field("platform", channel.rawValue)
                    w.field("type", conversation.kind == .direct ? "direct" : "channel")
                }
            }
            w.field("eventcollectionid", eventCollectionID)
            w.key("events")
            let custodian = s.custodianID
            w.array(s.events) { w, event in
                var e = event
                if let custodian, e.type == "message" {
                    e.direction = e.participant == custodian ? "outgoing" : "incoming"
                }
                if e.conversation.isEmpty { e.conversation = "conversation" }
                e.write(to: &w)
            }
            w.key("participants")
            w.array(s.participantOrder) { w, id in
                let party = s.parties[id] ?? ExportParty(id: id)
                w.object { w in
                    w.field("account_id", party.id.isEmpty ? nil : party.id)
                    if let employee = party.employeeID, !employee.isEmpty {
                        w.key("custom")
                        w.array([employee]) { w, e in
                            w.object { w in
                                w.field("name", "employee_id")
                                w.field("value", e)
                            }
                        }
                    }
                    w.field("display", party.displayName)
                    w.field("id", id)
                }
            }
            w.field("version", "2.0.0")
        }
        return w.data
    }
}
