import Foundation
import Testing
import VellumApp
import VellumCapture
@testable import VellumServer

@Suite("vellum serve --config: media downloads")
struct MediaSettingsTests {
    typealias Folder = ServerConfigFileTests.Folder

    static let mediaFile = """
        max_bytes: 2048
        whatsapp:
          graph_base: http://127.0.0.1:9
          access_token_file: wa.token
        telegram:
          bots:
            desk_bot: {token_file: desk.bot-token}
        retry: {attempts_per_pass: 2, max_passes: 4}
        """

    @Test("`media:` names the download file and the interval; the tokens are read from files at start")
    func mediaSection() throws {
        let folder = try Folder(
            "media:\n  config: media.yaml\n  retry_interval_seconds: 45\n",
            files: ["media.yaml": Self.mediaFile, "wa.token": "EAAG-token\n", "desk.bot-token": "123:ABC\n"])
        var settings = ServerSettings()
        _ = try ServerConfigFile.load(folder.config, into: &settings)
        let media = try #require(settings.media)
        #expect(media.retryInterval == .seconds(45))
        #expect(media.configuration.limits.maxBytes == 2048)
        #expect(media.configuration.schedule.attemptsPerPass == 2 && media.configuration.schedule.maxPasses == 4)
        let secrets = try media.configuration.secrets()
        #expect(secrets.whatsapp?.accessToken == "EAAG-token")
        #expect(secrets.telegram?.botTokens == ["desk_bot": "123:ABC"])
    }

    @Test("a missing token file stops the start with the key named, not the value")
    func missingToken() throws {
        let folder = try Folder("media:\n  config: media.yaml\n", files: ["media.yaml": Self.mediaFile, "wa.token": "EAAG-token\n"])
        var settings = ServerSettings()
        let error = #expect(throws: (any Error).self) { try ServerConfigFile.load(folder.config, into: &settings) }
        #expect("\(error!)".contains("telegram.bots.desk_bot"))
        #expect(!"\(error!)".contains("EAAG-token"))
    }
}
