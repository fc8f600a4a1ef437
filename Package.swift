// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "sitegen",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sitegen", targets: ["sitegen"]),
        .library(name: "SitegenCore", targets: ["SitegenCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]), .brew(["cmark-gfm"])]
        ),
        // Lets cmark-gfm parse on several threads at once (see its source).
        .target(name: "CCmarkGFMGate", dependencies: ["CCmarkGFM"]),
        .target(name: "SitegenText"),
        .target(name: "SitegenMarkdown", dependencies: ["CCmarkGFM", "CCmarkGFMGate", "SitegenText"]),
        // Foundation's own ICU, for the highlighter's regular expressions (no headers ship with it).
        .systemLibrary(name: "CFoundationICU"),
        .target(
            name: "SitegenHighlight",
            dependencies: ["CFoundationICU"],
            linkerSettings: [
                .linkedLibrary("_FoundationICU", .when(platforms: [.linux])),
                .linkedLibrary("icucore", .when(platforms: [.macOS])),
            ]
        ),
        // Byte scans in SSE2 on x86-64: the search tokenizer's byte classes, and the next byte to escape in JSON, HTML and XML.
        .target(name: "CByteClasses"),
        .target(name: "SitegenSearch", dependencies: ["CByteClasses"]),
        .target(name: "SitegenMustache", dependencies: ["CByteClasses"]),
        .target(
            name: "SitegenCore",
            dependencies: [
                "SitegenMarkdown",
                "SitegenText",
                "SitegenHighlight",
                "SitegenSearch",
                .product(name: "Yams", package: "Yams"),
                "SitegenMustache",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            plugins: ["EmbedDefaultTheme"]
        ),
        .target(
            name: "SitegenServe",
            dependencies: ["SitegenCore", .product(name: "Hummingbird", package: "hummingbird")]
        ),
        .executableTarget(name: "ThemeEmbedder"),
        .plugin(name: "EmbedDefaultTheme", capability: .buildTool(), dependencies: ["ThemeEmbedder"]),
        .executableTarget(
            name: "sitegen",
            dependencies: [
                "SitegenCore",
                "SitegenMarkdown",
                "SitegenHighlight",
                "SitegenServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // mimalloc (Debian's libmimalloc-dev) replaces glibc's malloc in the whole process: on a large
            // site glibc's allocator spent a sixth of the build's CPU (docs/performance.md).
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(
            name: "SitegenMarkdownTests",
            dependencies: ["SitegenMarkdown", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "SitegenHighlightTests",
            dependencies: ["SitegenHighlight", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "SitegenSearchTests",
            dependencies: ["SitegenSearch", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            // swift-mustache is the oracle the engine is checked against, not a dependency of sitegen.
            name: "SitegenMustacheTests",
            dependencies: [
                "SitegenMustache",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "SitegenTextTests",
            dependencies: ["SitegenText", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "SitegenCLITests",
            dependencies: ["sitegen"]
        ),
        .testTarget(
            name: "SitegenServeTests",
            dependencies: ["SitegenServe", "SitegenCore"]
        ),
        .testTarget(
            name: "SitegenCoreTests",
            dependencies: ["SitegenCore", "SitegenMarkdown", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Fixtures"]
        ),
    ]
)
