/// Name pools for the synthetic corpus's people and group titles.
enum SyntheticNames {
    /// Chinese surnames with their pinyin.
    static let chineseSurnames: [(String, String)] = [
        ("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"), ("杨", "yang"),
        ("黄", "huang"), ("赵", "zhao"), ("吴", "wu"), ("周", "zhou"), ("徐", "xu"), ("孙", "sun"),
        ("马", "ma"), ("朱", "zhu"), ("胡", "hu"), ("郭", "guo"), ("何", "he"), ("林", "lin"),
        ("罗", "luo"), ("高", "gao"), ("郑", "zheng"), ("梁", "liang"), ("谢", "xie"), ("宋", "song"),
        ("唐", "tang"), ("许", "xu"), ("邓", "deng"), ("冯", "feng"), ("韩", "han"), ("曹", "cao"),
    ]

    /// Chinese given-name characters with their pinyin.
    static let chineseGiven: [(String, String)] = [
        ("伟", "wei"), ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("丽", "li"),
        ("强", "qiang"), ("磊", "lei"), ("军", "jun"), ("洋", "yang"), ("勇", "yong"), ("艳", "yan"),
        ("杰", "jie"), ("涛", "tao"), ("明", "ming"), ("超", "chao"), ("秀英", "xiuying"), ("华", "hua"),
        ("建国", "jianguo"), ("志强", "zhiqiang"), ("晓燕", "xiaoyan"), ("海", "hai"), ("婷", "ting"),
        ("雪", "xue"), ("慧", "hui"), ("宇", "yu"), ("欣怡", "xinyi"), ("子轩", "zixuan"), ("梓涵", "zihan"),
        ("浩然", "haoran"), ("俊杰", "junjie"), ("美玲", "meiling"), ("嘉欣", "jiaxin"), ("志明", "zhiming"),
    ]

    static let englishGiven = [
        "Oliver", "James", "Sarah", "Daniel", "Emily", "Thomas", "Charlotte", "William", "Sophie", "Henry",
        "Amelia", "George", "Isabella", "Jack", "Olivia", "Harry", "Grace", "Edward", "Lucy", "Michael",
        "Hannah", "Robert", "Chloe", "David", "Emma", "Richard", "Alice", "Peter", "Rachel", "Andrew",
        "Margaret", "Priya", "Arjun", "Mei", "Kenji", "Anna", "Lukas", "Fatima", "Omar", "Elena",
    ]

    static let englishFamily = [
        "Bennett", "Whitaker", "Mitchell", "Brooks", "Clarke", "Reid", "Hughes", "Turner", "Walker",
        "Harrison", "Wright", "Cooper", "Hayes", "Grant", "Foster", "Price", "Lawson", "Fletcher",
        "Morgan", "Spencer", "Ellis", "Barker", "Sutton", "Chapman", "Holmes", "Sharma", "Patel",
        "Tanaka", "Schmidt", "Rossi", "Khan", "Lau", "Tan", "Wong", "Ng", "Cheung",
    ]

    static let chineseTeams = ["财富管理部", "交易台", "研究部", "合规部", "运营部", "香港团队", "上海团队", "固收组"]
    static let chineseTopics = ["晨会", "工作群", "配售群", "周报", "项目群", "客户服务群", "产品讨论", "值班群"]
    static let englishTeams = ["HK desk", "London desk", "Research", "Ops", "Compliance", "Fixed income", "Wealth"]
    static let englishTopics = ["chat", "team", "daily", "deal team", "coverage", "weekly", "onboarding"]
    static let emailDomains = [
        "mail.example", "outlook.example", "qq.example", "163.example", "family-office.example",
        "holdings.example", "capital.example",
    ]
}
