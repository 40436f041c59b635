/// The localized texts WhatsApp writes into "Export chat" files in place of media, deleted
/// messages, edits, calls and system notices. Compared case-insensitively after the invisible
/// direction marks are removed.
///
/// The lists hold what the reference samples show (English, Dutch, Russian, French, Czech,
/// Spanish, Japanese, Arabic, Hindi iOS/Android) plus the common other locales (German,
/// Portuguese, Italian, Chinese, Turkish) as best known. They cannot be exhaustive: a phrase
/// not listed leaves the message as plain text with the phrase as its text, which loses no
/// content, only the classification. Generic rules back them up where WhatsApp's shape is
/// language-independent (`<attached: 00000012-…>`, `NAME.ext (…)`, `<… media …>`).
enum WhatsAppExportMarkers {
    /// Android "without media": the whole first line of the message.
    static let mediaOmitted: Set<String> = lowered([
        "<Media omitted>", "<Medien ausgelassen>", "<Media weggelaten>", "<Без медиафайлов>",
        "<Multimedia omitido>", "<Archivo omitido>", "<Multimedia omitidos>", "<Médias omis>", "<Média omis>",
        "<Mídia oculta>", "<Arquivo de mídia oculto>", "<Media omessi>", "<Medya dahil edilmedi>",
        "<Medya atlandı>", "<省略媒体文件>", "<媒体文件已省略>", "<已略過媒體檔案>", "<省略影音內容>",
        "<メディアは含まれていません>", "<미디어 파일 생략>", "<تم استبعاد الوسائط>", "<मीडिया छोड़ा गया>",
        "<Pominięto multimedia>", "<Média vynechána>",
    ])

    /// Words that make an angle-bracketed line a media placeholder when it is not listed above.
    static let mediaWords: [String] = [
        "media", "medien", "mídia", "multimedia", "médias", "média", "медиа", "媒体", "媒體", "影音", "メディア",
        "미디어", "الوسائط", "मीडिया", "medya",
    ]

    /// Android "with media": `IMG-….jpg (file attached)`.
    static let fileAttached: Set<String> = lowered([
        "file attached", "Datei angehängt", "bestand bijgevoegd", "файл добавлен", "archivo adjunto",
        "fichier joint", "arquivo anexado", "file allegato", "dosya ekli", "文件已附上", "附件", "已附加文件",
        "ファイル添付", "파일 첨부", "ملف مرفق", "फ़ाइल संलग्न", "załączony plik", "soubor připojen",
    ])

    /// iOS "without media": the text after the last U+200E of the first line → the kind of media.
    static let iosOmitted: [String: MediaClass] = {
        var m: [String: MediaClass] = [:]
        func add(_ c: MediaClass, _ phrases: [String]) { for p in phrases { m[p.lowercased()] = c } }
        add(.image, [
            "image omitted", "image absente", "obrázek vynechán", "imagen omitida", "画像は含まれていません",
            "لم يتم إدراج الصورة", "फ़ोटो हटाई गई", "Bild weggelassen", "imagem ocultada", "imagem omitida",
            "immagine omessa", "изображение отсутствует", "图片已省略", "圖片已略過", "afbeelding weggelaten",
            "görüntü dahil edilmedi",
        ])
        add(.video, [
            "video omitted", "vidéo absente", "video vynecháno", "Video omitido", "ビデオは含まれていません",
            "لم يتم إدراج الفيديوهات", "वीडियो छोड़ा गया", "Video weggelassen", "vídeo omitido", "video omesso",
            "видео отсутствует", "视频已省略", "影片已略過", "video weggelaten", "video dahil edilmedi",
            "GIF omitted", "GIF retiré", "GIF vynechán", "GIF omitido", "GIFは含まれていません", "لم يتم إدراج صورة GIF",
            "GIF छोड़ा गया", "GIF weggelassen", "GIF omessa", "GIF отсутствует", "GIF 已省略", "GIF weggelaten",
            "video note omitted",
        ])
        add(.audio, [
            "audio omitted", "audio omis", "zvukový soubor vynechán", "audio omitido", "音声は含まれていません",
            "لم يتم إدراج المقاطع الصوتية", "ऑडियो हटाई गयी", "Audio weggelassen", "áudio ocultado", "áudio omitido",
            "audio omesso", "аудиофайл отсутствует", "音频已省略", "音訊已略過", "audio weggelaten", "ses dahil edilmedi",
        ])
        add(.sticker, [
            "sticker omitted", "sticker omis", "nálepka vynechána", "sticker omitido", "スタンプは含まれていません",
            "تم حذف الملصقات", "स्टिकर छोड़ा गया", "Sticker weggelassen", "figurinha omitida", "sticker omesso",
            "стикер отсутствует", "贴图已省略", "貼圖已略過", "sticker weggelaten", "Çıkartma dahil edilmedi",
        ])
        add(.document, [
            "document omitted", "document manquant", "dokument vynechán", "documento omitido", "ドキュメントは含まれていません",
            "لم يتم إدراج المستند", "डॉक्यूमेंट छोड़ा गया", "Dokument weggelassen", "documento omesso",
            "документ отсутствует", "文档已省略", "文件已略過", "document weggelaten", "belge dahil edilmedi",
        ])
        add(.contact, [
            "Contact card omitted", "Fiche contact manquante", "Vizitka vynechána", "Tarjeta de contacto omitida",
            "連絡先カードを省略", "لم يتم إدراج بطاقة جهة اتصال", "कॉन्टैक्ट कार्ड छोड़ा गया", "Kontaktkarte ausgelassen",
            "Kontaktkarte weggelassen", "cartão do contato omitido", "scheda contatto omessa",
            "карточка контакта отсутствует", "联系人名片已省略", "聯絡人卡片已略過", "contactkaart weggelaten",
            "kişi kartı dahil edilmedi",
        ])
        return m
    }()

    /// "This message was deleted" and "You deleted this message", whole first line, a final
    /// full stop ignored.
    static let deleted: Set<String> = lowered([
        "This message was deleted", "You deleted this message",
        "Diese Nachricht wurde gelöscht", "Du hast diese Nachricht gelöscht", "Sie haben diese Nachricht gelöscht",
        "Dit bericht is verwijderd", "U hebt dit bericht verwijderd", "Je hebt dit bericht verwijderd",
        "Данное сообщение удалено", "Вы удалили данное сообщение", "Это сообщение удалено", "Вы удалили это сообщение",
        "Se eliminó este mensaje", "Eliminaste este mensaje", "Este mensaje fue eliminado",
        "Ce message a été supprimé", "Vous avez supprimé ce message",
        "Tato zpráva byla smazána", "Tuto zprávu jste smazal/a",
        "このメッセージは削除されました", "このメッセージを削除しました",
        "تم حذف هذه الرسالة", "أنت حذفت هذه الرسالة", "لقد حذفت هذه الرسالة",
        "यह मैसेज डिलीट कर दिया गया है", "आपने यह मैसेज डिलीट किया",
        "Mensagem apagada", "Esta mensagem foi apagada", "Você apagou esta mensagem", "Apagou esta mensagem",
        "Questo messaggio è stato eliminato", "Hai eliminato questo messaggio",
        "此消息已删除", "你删除了此消息", "这条消息已删除", "你删除了这条消息", "此訊息已刪除", "你已刪除此訊息",
        "Bu mesaj silindi", "Bu mesajı sildiniz",
    ])

    /// The "<This message was edited>" suffix.
    static let edited: Set<String> = lowered([
        "<This message was edited>", "<Diese Nachricht wurde bearbeitet>", "<Este mensaje se editó>",
        "<Se editó este mensaje>", "<Ce message a été modifié>", "<Mensagem editada>", "<Esta mensagem foi editada>",
        "<Questo messaggio è stato modificato>", "<Dit bericht is bewerkt>", "<Сообщение изменено>",
        "<Это сообщение было изменено>", "<已编辑>", "<此消息已编辑>", "<已編輯>", "<Bu mesaj düzenlendi>",
        "<Zpráva byla upravena>", "<このメッセージは編集されました>",
    ])

    /// Word stems that make a trailing `<…>` an edit marker when it is not listed above.
    static let editedWords: [String] = ["edit", "bearbeit", "modifi", "bewerkt", "изменен", "编辑", "編輯", "düzenlen", "upraven", "編集"]

    /// Missed and other call notices (first line).
    static let calls: Set<String> = lowered([
        "Missed voice call", "Missed video call", "Voice call", "Video call", "Missed group voice call",
        "Missed group video call", "Gemiste spraakoproep", "Gemiste video-oproep", "Пропущенный аудиозвонок",
        "Пропущенный видеозвонок", "Verpasster Sprachanruf", "Verpasster Videoanruf", "Llamada perdida",
        "Videollamada perdida", "Llamada de voz perdida", "Appel vocal manqué", "Appel vidéo manqué",
        "Chamada de voz perdida", "Chamada de vídeo perdida", "Chiamata vocale persa", "Videochiamata persa",
        "语音通话未接听", "未接语音通话", "未接视频通话", "Cevapsız sesli arama", "Cevapsız görüntülü arama",
    ])

    /// Starts of the end-to-end encryption notice (system, even when iOS attributes it to the chat name).
    static let encryptionNotice: [String] = lowered([
        "Messages and calls are end-to-end encrypted", "Messages to this group are now secured with end-to-end encryption",
        "Messages you send to this chat and calls are now secured with end-to-end encryption",
        "Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt", "Los mensajes y las llamadas están cifrados de extremo a extremo",
        "Les messages et les appels sont chiffrés de bout en bout",
        "As mensagens e as chamadas são protegidas com a criptografia de ponta a ponta",
        "I messaggi e le chiamate sono crittografati end-to-end", "Berichten en oproepen worden end-to-end versleuteld",
        "Сообщения и звонки защищены сквозным шифрованием", "Zprávy a hovory jsou opatřeny koncovým šifrováním", "メッセージと通話はエンドツーエンド暗号化されています",
        "消息和通话都进行端到端加密", "訊息和通話均受端對端加密保護", "الرسائل والمكالمات مشفرة تمامًا بين الطرفين",
        "मैसेजेस और कॉल्स एंड-टू-एंड एन्क्रिप्टेड हैं", "Mesajlar ve aramalar uçtan uca şifrelidir",
    ])

    /// Starts of other notices WhatsApp writes itself (security code changes, disappearing messages …).
    static let noticeStarts: [String] = lowered([
        "Your security code with", "Ihr Sicherheitscode für", "Dein Sicherheitscode für", "Tu código de seguridad con",
        "Votre code de sécurité avec", "Seu código de segurança com", "Il tuo codice di sicurezza con",
        "Je beveiligingscode met", "Uw beveiligingscode met", "Ваш код безопасности с", "Váš bezpečnostní kód",
        "你与", "您與", "Güvenlik kodunuz", "You blocked this contact", "You unblocked this contact",
        "Disappearing messages", "This chat is with a business account", "Tap to learn more",
        "You updated the message timer", "You turned off disappearing messages", "You turned on disappearing messages",
    ])

    /// Phrases of group events (created, added, left, removed, subject/description/icon changed,
    /// joined by link); `contains` on a notice's text. Also decide that a chat is a group.
    static let groupEvents: [String] = lowered([
        "created group", " added ", "added you", " left", " removed ", "changed the subject", "changed this group's",
        "changed the group description", "changed the group icon", "changed the group name", "joined using this group's invite link",
        "you're now an admin", "messages to this group are now secured",
        "hat die gruppe", "hinzugefügt", "hat die gruppe verlassen", "entfernt", "hat den betreff", "gruppenbeschreibung",
        "creó el grupo", "añadió", "se unió", "salió del grupo", "eliminó a", "cambió el asunto", "cambió el nombre del grupo",
        "a créé le groupe", "a ajouté", "est parti", "a retiré", "a modifié le sujet", "a changé le sujet",
        "criou o grupo", "adicionou", "saiu", "removeu", "mudou o assunto", "alterou o assunto", "mudou o nome do grupo",
        "ha creato il gruppo", "ha aggiunto", "è uscito", "ha rimosso", "ha cambiato l'oggetto",
        "heeft groep", "heeft de groep", "toegevoegd", "heeft de groep verlaten", "heeft het onderwerp",
        "создал(-а) группу", "создал группу", "создала группу", "добавил", "вышел", "удалил(-а)", "изменил(-а) тему",
        "创建了群组", "创建群组", "添加了", "已退出", "移除了", "更改了群组名称", "修改了群组主题", "建立了群組", "已加入", "已離開",
        "グループ", "を追加しました", "退出しました", "grubu oluşturdu", "ekledi", "ayrıldı", "çıkardı",
    ])

    /// The text without one sentence-final stop (`.`, `。`, `।`, `۔`), which iOS adds to some notices.
    static func droppingFinalStop(_ text: String) -> String {
        guard let last = text.last, [".", "。", "।", "۔"].contains(last) else { return text }
        return String(text.dropLast())
    }

    enum MediaClass: String, Sendable {
        case image, video, audio, sticker, document, contact, unknown
    }

    private static func lowered(_ list: [String]) -> Set<String> { Set(list.map { $0.lowercased() }) }
    private static func lowered(_ list: [String]) -> [String] { list.map { $0.lowercased() } }
}
