// swift-tools-version: 6.2
import PackageDescription

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "vellum",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "vellum", targets: ["vellum"]),
        .executable(name: "vellum-bench", targets: ["vellum-bench"]),
        // A stand-in for Tencent's libWeWorkFinanceSdk_C.so with the same C ABI, for tests and the demo.
        .library(name: "WeWorkFinanceSdkFake", type: .dynamic, targets: ["FakeWeComSDK"]),
    ],
    traits: [
        .trait(
            name: "Jemalloc",
            description: "Link jemalloc statically as the process's malloc (Linux, needs libjemalloc-dev to build): large imports run about a fifth faster. docs/decisions/0032-jemalloc.md"),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", exact: "4.5.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", exact: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", exact: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", exact: "2.1.1"),
        // Already brought by Hummingbird; named so the server can import their modules directly.
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    ],
    targets: [
        .target(name: "VellumCore", swiftSettings: strict),
        // The allocator behind malloc: jemalloc with the Jemalloc trait, else the C library's.
        .systemLibrary(name: "CJemalloc", providers: [.apt(["libjemalloc-dev"])]),
        .target(
            name: "VellumAllocator",
            dependencies: [.target(name: "CJemalloc", condition: .when(platforms: [.linux], traits: ["Jemalloc"]))],
            swiftSettings: strict),
        .target(
            name: "VellumCrypto",
            dependencies: [
                "VellumCore", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: strict),
        .target(name: "VellumStore", dependencies: ["VellumCore", "VellumCrypto"], swiftSettings: strict),
        .target(name: "VellumStoreTesting", dependencies: ["VellumStore"], swiftSettings: strict),
        // S3-compatible BlobStore with Object Lock (COMPLIANCE retention, legal hold), SigV4 signed.
        .target(
            name: "VellumS3",
            dependencies: [
                "VellumStore", "VellumCore", "VellumCrypto",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strict),
        // PostgreSQL driver for the scale-out deployment (docs/decisions/0012): accounts and the archive. Synchronous over PostgresNIO, like VellumS3 over AsyncHTTPClient.
        .target(
            name: "VellumPostgres",
            dependencies: [
                "VellumStore", "VellumCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
        // Opens an archive on the backend its data directory's storage.yaml names: the embedded
        // SQLite default, or PostgreSQL + S3 Object Lock. Keeps VellumApp free of network drivers.
        .target(
            name: "VellumBackends",
            dependencies: [
                "VellumApp", "VellumCore", "VellumCrypto", "VellumPolicy", "VellumPostgres", "VellumS3", "VellumSQLite",
                "VellumStore", .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict),
        .target(name: "VellumSearch", dependencies: ["VellumCore", "VellumCrypto"], swiftSettings: strict),
        .target(
            name: "VellumSQLite",
            dependencies: [
                "VellumStore", "VellumSearch", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strict),
        .target(
            name: "VellumPolicy", dependencies: ["VellumCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict),
        .target(name: "VellumSurveillance", dependencies: ["VellumCore", "VellumPolicy"], swiftSettings: strict),
        .target(
            name: "VellumExport",
            dependencies: ["VellumCore", "VellumCrypto", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strict),
        // Synthetic archives (a real Merkle ledger, signed tree heads, generated conversations)
        // for the export tests.
        .target(
            name: "VellumExportTesting",
            dependencies: ["VellumExport", "VellumCore", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict),
        // Header-only: the vendor's Slice_t / MediaData_t layouts. Nothing links the vendor .so;
        // VellumCapture resolves its functions with dlsym at run time.
        .target(name: "CWeComSDK"),
        .target(name: "FakeWeComSDK", exclude: ["README.md"]),
        // Fixture directories for the fake SDK, for tests and the demo.
        .target(name: "VellumWeComFake", swiftSettings: strict),
        .target(
            name: "VellumCapture", dependencies: ["VellumCore", "VellumCrypto", "CWeComSDK"], swiftSettings: strict),
        // The network half of media capture: VellumCapture's MediaHTTPClient over AsyncHTTPClient.
        .target(
            name: "VellumMediaFetch",
            dependencies: [
                "VellumCapture", "VellumCore", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ],
            swiftSettings: strict),
        .target(
            name: "VellumApp",
            dependencies: [
                "VellumCore", "VellumCrypto", "VellumStore", "VellumSearch", "VellumSQLite", "VellumCapture",
                "VellumPolicy", "VellumSurveillance", "VellumExport", .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict),
        // The HTTP face of VellumApp: webhooks, the JSON API, the reviewers' web UI, accounts and roles.
        .target(
            name: "VellumServer",
            dependencies: [
                "VellumApp", "VellumCore", "VellumStore", "VellumCrypto", "VellumCapture", "VellumPolicy",
                "VellumSurveillance", "VellumExport", "VellumMediaFetch",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict),
        .executableTarget(
            name: "vellum",
            dependencies: [
                "VellumApp", "VellumBackends", "VellumServer", "VellumStore", "VellumMediaFetch", .product(name: "Logging", package: "swift-log"), "VellumPolicy", "VellumSearch", "VellumSurveillance", "VellumCapture", "VellumExport",
                "VellumAllocator", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),
        .executableTarget(
            name: "vellum-bench",
            dependencies: [
                "VellumApp", "VellumBackends", "VellumStore", "VellumSurveillance", "VellumExport", "VellumAllocator",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),
        .testTarget(name: "VellumCoreTests", dependencies: ["VellumCore"], swiftSettings: strict),
        .testTarget(name: "VellumAllocatorTests", dependencies: ["VellumAllocator"], swiftSettings: strict),
        .testTarget(
            name: "VellumCryptoTests",
            dependencies: ["VellumCrypto", .product(name: "Crypto", package: "swift-crypto")], swiftSettings: strict),
        .testTarget(name: "VellumSearchTests", dependencies: ["VellumSearch"], swiftSettings: strict),
        .testTarget(
            name: "VellumExportTests",
            dependencies: [
                "VellumExport", "VellumExportTesting", "VellumCore",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(name: "VellumPolicyTests", dependencies: ["VellumPolicy", "VellumCore"], swiftSettings: strict),
        .testTarget(
            name: "VellumSurveillanceTests", dependencies: ["VellumSurveillance", "VellumPolicy", "VellumCore"],
            swiftSettings: strict),
        .testTarget(
            name: "VellumStoreTests", dependencies: ["VellumStore", "VellumStoreTesting"], swiftSettings: strict),
        .testTarget(
            name: "VellumS3Tests",
            dependencies: [
                "VellumS3", "VellumStore", "VellumStoreTesting", "VellumCore",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "VellumPostgresTests",
            dependencies: [
                "VellumPostgres", "VellumStore", "VellumStoreTesting", "VellumCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "VellumBackendsTests",
            dependencies: [
                "VellumBackends", "VellumApp", "VellumCore", "VellumCrypto", "VellumPolicy", "VellumPostgres", "VellumS3",
                "VellumSQLite", "VellumStore", .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "VellumSQLiteTests", dependencies: ["VellumSQLite", "VellumStoreTesting", .product(name: "GRDB", package: "GRDB.swift")], swiftSettings: strict),
        .testTarget(
            name: "VellumCaptureTests",
            dependencies: [
                "VellumCapture", "VellumCrypto", "VellumCore", "VellumWeComFake",
                // Test-only: generate RSA key pairs and encrypt with the public key (PKCS#1 v1.5).
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(
            name: "VellumServerTests",
            dependencies: [
                "VellumServer", "VellumApp", "VellumCore", "VellumStore", "VellumCapture", "VellumCrypto", "VellumWeComFake",
                "VellumPolicy",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "VellumAppTests",
            dependencies: [
                "VellumApp", "vellum", "VellumStore", "VellumSQLite", "VellumCrypto", "VellumCore", "VellumCapture",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"), "VellumWeComFake", "VellumSurveillance",
                "VellumPolicy", "VellumExport", .product(name: "_CryptoExtras", package: "swift-crypto"),
                // Media downloads are tested against fake Graph API and Bot API servers on loopback.
                "VellumMediaFetch", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
    ]
)
