// swift-tools-version:6.0
// A package that uses Chainrule's engine as a library, as another project would: `make test`
// builds and runs it, so the engine stays usable as a dependency.
import PackageDescription

let package = Package(
    name: "engine-client",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "chainrule", path: "../..")],
    targets: [
        .executableTarget(name: "engine-client", dependencies: [.product(name: "Engine", package: "chainrule")]),
    ]
)
