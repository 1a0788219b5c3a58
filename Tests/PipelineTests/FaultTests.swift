import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import Pipeline
import TestSupport

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
        var generator = SeededGenerator(seed: 7)
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
        var generator = SeededGenerator(seed: 11)
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

    /// Six notebooks with a figure and some math, in version `version`.
    static func siteNotebooks(_ version: Int) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for index in 1...6 {
            files["notebooks/n\(index).md"] = Array("""
                ---
                title: N\(index)
                order: \(index)
                ---

                # N\(index)

                Prose with $x^\(index)$, version \(version).

                ```backprop
                s = 0
                for i in 0..<3000 { s = s + i }
                s + \(index * 100 + version)
                plot([1, 2, \(index + version)])
                ```

                """.utf8)
        }
        return files
    }

    /// The files of the site folder, by path under it.
    func site(_ fixture: Fixture) -> [String: [UInt8]] {
        fixture.snapshot().filter { $0.key.hasPrefix("site/") }
    }

    /// `build` killed at seeded random moments, half of them with `--force` (so some land
    /// while notebooks run, some while pages are drawn and written, some during publishing):
    /// the site folder is always byte for byte the previous site or the new one, and the next
    /// build publishes the new one and removes what the killed ones left.
    @Test func buildKilledAtRandomMomentsLeavesTheOldSiteOrTheNew() throws {
        let old = Self.siteNotebooks(1), new = Self.siteNotebooks(2)
        let reference = try Fixture(new)
        #expect(try reference.run(["build", "--quiet"]).status == 0)
        let newSite = site(reference)
        let fixture = try Fixture(old)
        #expect(try fixture.run(["build", "--quiet"]).status == 0)
        let oldSite = site(fixture)
        let saved = try Fixture([:])
        try FileManager.default.copyItem(atPath: fixture.path("site"), toPath: saved.path("site"))
        #expect(oldSite != newSite && oldSite.keys.contains("site/index.html"))
        var durations: [Bool: Double] = [:]
        for force in [false, true] {
            try FileManager.default.removeItem(atPath: fixture.path("site"))
            try FileManager.default.copyItem(atPath: reference.path("site"), toPath: fixture.path("site"))
            for (name, bytes) in new { try fixture.write(name, bytes) }
            let start = Date()
            _ = try fixture.run(["build", "--quiet"] + (force ? ["--force"] : []))
            durations[force] = Date().timeIntervalSince(start)
        }
        var generator = SeededGenerator(seed: 13)
        var outcomes = (old: 0, new: 0)
        for kill in 1...24 {
            // Back to the old site, then the new notebooks and a build.
            try FileManager.default.removeItem(atPath: fixture.path("site"))
            try FileManager.default.copyItem(atPath: saved.path("site"), toPath: fixture.path("site"))
            for (name, bytes) in new { try fixture.write(name, bytes) }
            let force = kill % 2 == 0
            let process = try start(["build", "--quiet"] + (force ? ["--force"] : []), in: fixture)
            Thread.sleep(forTimeInterval: Double.random(in: 0...(durations[force]! * 1.2), using: &generator))
            Glibc.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = site(fixture)
            if now == oldSite {
                outcomes.old += 1
            } else if now == newSite {
                outcomes.new += 1
            } else {
                let changed = Set(now.keys).union(oldSite.keys).filter { now[$0] != oldSite[$0] && now[$0] != newSite[$0] }
                Issue.record("kill \(kill): the site is neither the old one nor the new one: \(changed.sorted().prefix(5))")
            }
            let strays = ((try? FileManager.default.contentsOfDirectory(atPath: fixture.root.path)) ?? [])
                .filter { !["notebooks", "site", ".chainrule"].contains($0) && !$0.hasPrefix("site.staging-") }
            #expect(strays.isEmpty, "kill \(kill): \(strays)")
        }
        let final = try fixture.run(["build", "--quiet"])
        #expect(final.status == 0, "\(final.stderr)")
        #expect(site(fixture) == newSite, "the build after the kills does not give the new site")
        let top = (try? FileManager.default.contentsOfDirectory(atPath: fixture.root.path)) ?? []
        #expect(!top.contains { $0.contains("staging") }, "\(top)")
        #expect(outcomes.old > 0 && outcomes.new > 0, "the kills all landed on one side of publishing: \(outcomes)")
        print("FaultTests: 24 kills of build: \(outcomes.old) left the old site, \(outcomes.new) the new one")
    }
}
