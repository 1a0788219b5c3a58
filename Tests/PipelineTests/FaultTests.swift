import Foundation
import Testing
@testable import Pipeline

/// A seeded generator (SplitMix64), so a failing kill schedule can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// `update` killed at any moment, and two `update`s at once: every notebook is always either
/// as it was or fully updated, byte for byte, and what a kill leaves behind is never read as
/// a notebook and is cleaned up by the next update.
@Suite(.serialized) struct FaultTests {
    static let count = 40

    /// Forty small notebooks: `update` spends a good part of its time writing them (each
    /// write is a temporary file, an fsync and a rename), so random kills land in the
    /// writes as well as before them.
    static let originals: [String: [UInt8]] = {
        var files: [String: [UInt8]] = [:]
        for index in 0..<count {
            let name = String(format: "notebooks/n%02d.md", index)
            files[name] = Array("# N\(index)\n\nSome prose.\n\n```backprop\ns = \(index)\ns * 2\n```\n\nMore prose.\n".utf8)
        }
        return files
    }()

    /// The notebooks after a complete update, and how long one takes.
    static func updatedVersions() throws -> (files: [String: [UInt8]], seconds: Double) {
        let fixture = try Fixture(originals)
        let start = Date()
        let result = try fixture.run(["update", "--quiet"])
        let seconds = Date().timeIntervalSince(start)
        #expect(result.status == 0)
        return (originals.keys.reduce(into: [:]) { $0[$1] = fixture.read($1) }, seconds)
    }

    func restore(_ fixture: Fixture) throws {
        for (name, bytes) in Self.originals { try fixture.write(name, bytes) }
    }

    func start(_ arguments: [String], in fixture: Fixture) throws -> Process {
        let process = Process()
        process.executableURL = Command.binary
        process.arguments = arguments
        process.currentDirectoryURL = fixture.root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// How many notebooks are updated; records an issue for any that is neither version, or
    /// for any file that is not a notebook or a temporary file of `update`.
    func inspect(_ fixture: Fixture, updated: [String: [UInt8]], after what: String) -> Int {
        var done = 0
        for (name, original) in Self.originals {
            let now = fixture.read(name)
            if now == updated[name] {
                done += 1
            } else if now != original {
                Issue.record("\(what): \(name) is neither as it was nor fully updated (\(now.count) bytes)")
            }
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixture.path("notebooks"))) ?? []
        for name in names where !Self.originals.keys.contains("notebooks/" + name) {
            #expect(NotebookUpdate.staleProcess(name) != nil, "\(what): a stray file \(name)")
        }
        // What a kill leaves is hidden and not `.md`: no command reads it as a notebook.
        let found = NotebookFinder.find([fixture.path("notebooks")]).notebooks.map { ($0 as NSString).lastPathComponent }
        #expect(found.sorted() == Self.originals.keys.map { ($0 as NSString).lastPathComponent }.sorted(), "\(what): \(found)")
        return done
    }

    @Test func updateKilledAtRandomMomentsLeavesEveryNotebookWhole() throws {
        let (updated, seconds) = try Self.updatedVersions()
        let fixture = try Fixture(Self.originals)
        var generator = SeededGenerator(state: 7)
        var partial = 0, leftovers = 0
        let deadline = Date().addingTimeInterval(15)
        var kills = 0
        while kills < 40 && Date() < deadline {
            try restore(fixture)
            let process = try start(["update", "--quiet"], in: fixture)
            Thread.sleep(forTimeInterval: Double.random(in: 0...(seconds * 1.2), using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            kills += 1
            let done = inspect(fixture, updated: updated, after: "kill \(kills)")
            if done > 0 && done < Self.count { partial += 1 }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: fixture.path("notebooks"))) ?? []
            leftovers += names.filter { NotebookUpdate.staleProcess($0) != nil }.count
        }
        // The schedule reached the writes, not only the start-up.
        #expect(partial > 0, "no kill landed between the first and the last write (\(kills) kills)")
        // The next update finishes the job and removes what the kills left.
        let final = try fixture.run(["update"])
        #expect(final.status == 0)
        #expect(inspect(fixture, updated: updated, after: "the final update") == Self.count)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixture.path("notebooks"))) ?? []
        #expect(names.count == Self.count, "temporary files left: \(names.filter { $0.hasPrefix(".") })")
        print("FaultTests: \(kills) kills of update, \(partial) between writes, \(leftovers) temporary files left by kills and removed")
    }

    @Test func twoUpdatesAtOnceDoNotCorruptAFile() throws {
        let (updated, _) = try Self.updatedVersions()
        let fixture = try Fixture(Self.originals)
        var generator = SeededGenerator(state: 11)
        for round in 1...6 {
            try restore(fixture)
            let first = try start(["update", "--quiet"], in: fixture)
            let second = try start(["update", "--quiet"], in: fixture)
            if round % 2 == 0 {
                // And one of the two killed on the way.
                Thread.sleep(forTimeInterval: Double.random(in: 0...0.2, using: &generator))
                kill(first.processIdentifier, SIGKILL)
            }
            first.waitUntilExit()
            second.waitUntilExit()
            #expect(second.terminationStatus == 0, "round \(round)")
            if round % 2 == 1 { #expect(first.terminationStatus == 0, "round \(round)") }
            #expect(inspect(fixture, updated: updated, after: "round \(round)") == Self.count)
        }
    }
}
