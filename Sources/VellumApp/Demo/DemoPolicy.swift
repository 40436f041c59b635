/// The demo firm's policy (docs/policy.md): approved channels, retention by jurisdiction with a
/// firm-wide minimum, and surveillance rules the demo chats trigger.
enum DemoPolicy {
    static let yaml = """
        organisation:
          name: Harbour Bridge Wealth Ltd
          country: HK
          controller:
            name: Harbour Bridge Wealth Ltd
            email: privacy@harbourbridge.example
            address: 1 Harbour Road, Wan Chai, Hong Kong
          supervisory_authority: the Office of the Privacy Commissioner for Personal Data (PCPD)
        purposes:
          - id: regulatory-recordkeeping
            description:
              en: Keeping business communications as securities regulators require
              zh: 按证券监管要求保存业务通讯
            lawful_basis: legal_obligation
            data_categories: [chat messages, attachments, names and chat handles]
            recipients: [regulators on request]
          - id: supervision
            description:
              en: Supervising employees' business communications
              zh: 监督员工业务通讯
            lawful_basis: legitimate_interests
            subjects: [employees]
            data_categories: [chat messages, surveillance alerts, review notes]
            recipients: []
        channels:
          wecom: {approved: true}
          whatsapp: {approved: true}
          telegram: {approved: true}
          signal: {approved: true}
          sms: {approved: true}
          email: {approved: true}
          wechat: {approved: false, notes: Personal WeChat is not approved for business}
        retention:
          rules:
            - id: hk-sfc
              preset: sfc
              jurisdictions: [HK]
            - id: cn-csrc
              period: 20y
              jurisdictions: [CN]
              basis: CSRC record keeping for securities firms
            - id: firm-minimum
              period: 5y
              basis: Firm minimum for all business communications
        surveillance:
          rules:
            - id: pii-on-unencrypted
              type: sensitive_data
              channels: unencrypted
              severity: high
            - id: off-channel
              type: lexicon
              lexicons: [off_channel]
            - id: accountants-no-wechat
              type: channel_ban
              channels: [wechat]
              roles: [accountant]
            - id: unapproved-apps
              type: unapproved_channel
          sampling:
            rate: 0.02
            roles: [relationship-manager]
        """
}
