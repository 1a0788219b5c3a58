import Foundation

/// KaTeX, run by node, as an oracle for the structure of our MathML. Tests only: the product
/// never runs JavaScript.
enum KaTeX {
    static let scriptPath = "/usr/share/javascript/katex/katex.js"

    static var nodePath: String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/usr/local/bin").split(separator: ":")
        for directory in directories {
            for name in ["node", "nodejs"] {
                let path = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        return nil
    }

    static var isAvailable: Bool {
        nodePath != nil && FileManager.default.fileExists(atPath: scriptPath)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// KaTeX's MathML for each formula, from one node process. A formula KaTeX rejects comes
    /// back as `ERROR: message`.
    static func render(_ formulas: [(tex: String, display: Bool)]) throws -> [String] {
        guard let nodePath else { throw Failure(description: "node not found") }
        // `\message` and `\show` print with console.log, and KaTeX's strict-mode notes with
        // console.warn: silenced, so that only the JSON answer reaches standard output.
        let program = """
            console.log = console.warn = console.error = () => {};
            const katex = require(process.argv[1]);
            let input = '';
            process.stdin.on('data', chunk => input += chunk);
            process.stdin.on('end', () => {
              const output = JSON.parse(input).map(([tex, displayMode]) => {
                try { return katex.renderToString(tex, {output: 'mathml', displayMode, throwOnError: true}); }
                catch (error) { return 'ERROR: ' + error.message; }
              });
              process.stdout.write(JSON.stringify(output));
            });
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: nodePath)
        process.arguments = ["-e", program, scriptPath]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let request = try JSONSerialization.data(withJSONObject: formulas.map { [$0.tex, $0.display] as [Any] })
        input.fileHandleForWriting.write(request)
        try input.fileHandleForWriting.close()
        let response = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let results = try JSONSerialization.jsonObject(with: response) as? [String],
              results.count == formulas.count else {
            throw Failure(description: "node exited with \(process.terminationStatus)")
        }
        return results
    }
}
