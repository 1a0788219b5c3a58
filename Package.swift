// swift-tools-version:6.0
// Chainrule: a literate-notebook processor for explaining how neural networks learn.
// One target per idea; each depends only on what is below it (see docs/architecture.md).
// No target sets unsafe flags, so another package can depend on this one (examples/engine-client
// does); the Makefile's release builds add the one flag that speed needs (RELEASE in Makefile).
import PackageDescription

let package = Package(
    name: "chainrule",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "chainrule", targets: ["chainrule"]),
        .library(name: "Engine", targets: ["Engine"]),
        // The interpreter and the drawing of what it displays, for wasm/EngineProbe, the
        // WebAssembly probe's native twin.
        .library(name: "Runtime", targets: ["Runtime"]),
        .library(name: "Drawing", targets: ["Drawing"]),
        // For the fuzz targets in fuzz/, a package of their own that depends on this one.
        .library(name: "ChainruleFuzzable", targets: ["Document", "Language", "Runtime", "TeXMath", "Weave"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // The cmark C library from the system (Debian: libcmark-dev, macOS: brew install cmark).
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // Tensors, reverse-mode autodiff, layers, losses, optimizers, training. The C library only
        // (no Foundation), so it also builds as Embedded Swift for WebAssembly (docs/wasm.md).
        // Its README.md is the engine's reading order.
        .target(name: "Engine", dependencies: ["CKernels"], exclude: ["README.md"]),
        // The matrix product's inner kernels in C, compiled for AVX-512, AVX2 and the x86-64
        // baseline and chosen at run time, so one binary is fast on any CPU and portable to all.
        .target(name: "CKernels"),
        // Source locations, diagnostics and their compiler-style rendering.
        .target(name: "Diagnostics"),
        // SHA-256: the build cache's keys and the digests in recorded outputs.
        .target(name: "Digest"),
        // What a block displays: text, tables and figures as plain data (no drawing), and
        // what a notebook records of them.
        .target(name: "Display", dependencies: ["Digest", "CShims"]),
        // What Swift cannot call directly in both builds (printf's `%.6g`, the monotonic
        // clock): a few C functions, the same code natively and in WebAssembly.
        .target(name: "CShims"),
        // TeX math to MathML: at build time, and in WebAssembly for a live page's captions.
        .target(name: "TeXMath"),
        // Citations as pandoc writes them: BibTeX files, names, author-year text and reference lists.
        .target(name: "Bibliography", dependencies: ["Diagnostics"]),
        // The notebook as a document over cmark: front matter, prose, blocks, recorded outputs.
        .target(name: "Document", dependencies: ["CCmark", "Diagnostics", "Bibliography", "Yams"]),
        // The notebook language: lexer, parser, syntax tree. No engine here, so it builds fast.
        .target(name: "Language", dependencies: ["Diagnostics"]),
        // The interpreter and built-ins: the one place where the language meets the engine.
        .target(name: "Runtime", dependencies: ["Engine", "Language", "Diagnostics", "Display", "CShims"]),
        // A page's notebook run by its reader: the program a page carries, the session that runs
        // it, the JSON the WebAssembly module answers in. Portable, like everything it imports.
        .target(name: "Live", dependencies: ["Runtime", "Diagnostics", "Display", "Language", "Drawing"]),
        // Running notebooks as a whole: settings, the runner, check and update, the build.
        .target(name: "Pipeline", dependencies: ["Document", "Runtime", "Live", "Language", "Display", "Diagnostics", "Digest", "Weave", "TeXMath", "Bibliography", "Yams"]),
        // What a block displays, drawn: figures as inline SVG, tables, captions, escaping, and
        // code highlighted by the language's lexer. No Foundation, and its own sin, log10...
        // rather than the C library's, so a live page draws a block it runs again in
        // WebAssembly with the same bytes as the build (docs/wasm.md).
        .target(name: "Drawing", dependencies: ["Display", "Language", "TeXMath"]),
        // The site: pages, math, the theme, search. Renders results it is given; runs nothing.
        .target(
            name: "Weave",
            dependencies: ["Drawing", "Display", "TeXMath", "Document", "Language", "Diagnostics", "Bibliography",
                           .product(name: "Mustache", package: "swift-mustache")]),

        // The `chainrule` executable.
        .executableTarget(
            name: "chainrule",
            dependencies: ["Pipeline", "Live", "Document", "Diagnostics", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // `make bench`: the engine's side of the benchmark table (bench/run.py drives it).
        .executableTarget(
            name: "chainrule-bench", dependencies: ["Engine"], path: "bench/ChainruleBench"),

        // What several test targets share (a seeded generator for random inputs).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "EngineTests", dependencies: ["Engine"]),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "BibliographyTests", dependencies: ["Bibliography", "Diagnostics"], exclude: ["Fixtures"]),
        .testTarget(name: "DigestTests", dependencies: ["Digest"]),
        .testTarget(name: "TeXMathTests", dependencies: ["TeXMath", "TestSupport"]),
        .testTarget(name: "DocumentTests", dependencies: ["Document", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "DrawingTests", dependencies: ["Drawing", "Display", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "WeaveTests", dependencies: ["Weave", "Drawing", "Document", "Diagnostics", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "DisplayTests", dependencies: ["Display"]),
        .testTarget(name: "LanguageTests", dependencies: ["Language"]),
        .testTarget(name: "RuntimeTests", dependencies: ["Runtime"]),
        .testTarget(name: "LiveTests", dependencies: ["Live", "Runtime", "Pipeline", "Document", "Drawing", "TestSupport"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Weave", "Document", "TestSupport"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
