// swift-tools-version:6.0
// libFuzzer targets for Chainrule, kept out of the main package so `swift build` never sees
// them. Built and run by `make fuzz` (see the Makefile):
//   swift build --package-path fuzz --sanitize=fuzzer --sanitize=address --scratch-path .build-fuzz
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder (`chainrule`, `main`, a worktree's name).
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let chainrule = root.lastPathComponent.lowercased()
let fuzzable = Target.Dependency.product(name: "ChainruleFuzzable", package: chainrule)

let package = Package(
    name: "chainrule-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: "..")],
    targets: [
        // Notebook.parse on any bytes: prints back byte for byte; rewriting outputs is idempotent.
        .executableTarget(name: "fuzz-notebook", dependencies: [fuzzable]),
        // Lexer and parser on any text; the interpreter, under tiny limits, on what parses.
        .executableTarget(name: "fuzz-language", dependencies: [fuzzable]),
        // TeX to MathML on any text.
        .executableTarget(name: "fuzz-math", dependencies: [fuzzable]),
        // Link destinations and file names: no page ever gets a javascript: (or data:, file:...) URL.
        .executableTarget(name: "fuzz-links", dependencies: [fuzzable]),
    ],
    swiftLanguageModes: [.v6]
)
