// swift-tools-version:6.0
// The WebAssembly probe's program built natively, against the engine as a library, so
// Tests/Wasm/run.sh can compare its lines with the module's (see docs/wasm.md).
import PackageDescription

let package = Package(
    name: "engine-probe",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "chainrule", path: "../..")],
    targets: [
        .executableTarget(name: "engine-probe", dependencies: [
            .product(name: "Engine", package: "chainrule"), .product(name: "Runtime", package: "chainrule"),
            .product(name: "Drawing", package: "chainrule"),
        ]),
    ]
)
