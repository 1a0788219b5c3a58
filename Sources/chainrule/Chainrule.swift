import ArgumentParser

/// The `chainrule` command: thin commands that load notebooks, call the stages, and print.
@main
struct Chainrule: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chainrule",
        abstract: "Runs, checks and publishes notebooks that explain how neural networks learn.",
        version: ChainruleVersion.current,
        subcommands: [Init.self, Build.self, Check.self, Update.self, Run.self, Serve.self]
    )
}

/// The tool's version; part of every recorded output's fingerprint.
enum ChainruleVersion {
    static let current = "0.2.0"
}
