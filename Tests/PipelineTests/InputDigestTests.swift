import Document
import Foundation
import Testing
@testable import Pipeline

/// The one staleness mechanism: block fingerprints, run and page keys and the site's stamp
/// all come from `InputDigests`, which hashes each file once.
@Suite struct InputDigestTests {
    /// The code, context and tool parts of records already in notebooks stay as they were
    /// written (these tokens were computed before the data part came from SHA-256 digests).
    @Test func theTextPartsOfExistingRecordsStayAsTheyAre() {
        let prints = InputDigests().fingerprints(["a = 1", "a + 1"], filesRead: nil, directory: "/tmp", toolVersion: "0.2.0")
        #expect(prints.map(\.description) == ["147ac38100003b0e", "9cc4a33c00003b0e"])
    }

    @Test func theDataPartFollowsTheFilesReadSoFar() throws {
        let project = try SiteProject(["a.csv": "1\n", "b.csv": "2\n"])
        let digests = InputDigests()
        let codes = ["x = 1", "a = load(\"a.csv\")", "b = load(\"b.csv\")", "a + b"]
        let read = [[], ["a.csv"], ["a.csv", "b.csv"], ["a.csv", "b.csv"]]
        let before = digests.fingerprints(codes, filesRead: read, directory: project.root, toolVersion: "t")
        #expect(before[0].data == 0)
        #expect(before[1].data != 0 && before[2].data != before[1].data && before[3].data == before[2].data)
        // Every block read a.csv, but it was read from disk and hashed once.
        #expect(digests.hashed == [project.path("a.csv"), project.path("b.csv")])

        try project.write("b.csv", "3\n")
        let after = InputDigests().fingerprints(codes, filesRead: read, directory: project.root, toolVersion: "t")
        #expect(after[1] == before[1])
        #expect(before[2].reasons(comparedTo: after[2]) == [.data])
        #expect(before[3].reasons(comparedTo: after[3]) == [.data])
    }

    @Test func aMissingFileHasADigestThatChangesWhenItAppears() throws {
        let project = try SiteProject()
        let digests = InputDigests()
        #expect(digests.file(project.path("later.csv")) == InputDigests.missing)
        try project.write("later.csv", "1\n")
        #expect(InputDigests().file(project.path("later.csv")) != InputDigests.missing)
        // The same instance keeps what it saw: one build, one digest of each file.
        #expect(digests.file(project.path("later.csv")) == InputDigests.missing)
    }

    /// Two notebooks read one data file. Changing it (to bytes that give the same outputs)
    /// makes `check` call every record after the `load` stale because its data changed, and
    /// the build run both notebooks and draw both pages again; each hashes the file once.
    @Test func aChangedDataFileIsStaleForCheckAndForTheBuild() throws {
        let notebook = { (title: String) in
            "# \(title)\n\n```backprop\nn = 3\nn\n```\n\n```backprop\nX = load(\"points.csv\")\nsum(X)\n```\n\n```backprop\nsum(X) * n\n```\n"
        }
        let project = try SiteProject([
            "notebooks/one.md": notebook("One"),
            "notebooks/two.md": notebook("Two"),
            "notebooks/points.csv": "1,2\n3,4\n",
        ])
        let paths = [project.path("notebooks/one.md"), project.path("notebooks/two.md")]
        for path in paths {
            let run = NotebookRunner.run(try NotebookLoader.load(path))
            #expect(!run.failed, "\(run.diagnostics)")
            let records = NotebookUpdate.records(run, toolVersion: "test")
            #expect(try NotebookUpdate.write(run.notebook.rewritingOutputs(records, values: run.values), over: run.notebook))
        }
        func check() throws -> (reports: [NotebookReport], digests: InputDigests) {
            let digests = InputDigests()
            let reports = try paths.map {
                NotebookCheck.check(NotebookRunner.run(try NotebookLoader.load($0)), toolVersion: "test", digests: digests)
            }
            return (reports, digests)
        }
        #expect(try check().reports.allSatisfy(\.passed))

        let options = SiteBuildOptions(paths: [project.path("notebooks")], output: project.path("site"), projectRoot: project.root,
                                       toolVersion: "test", jobs: 2)
        func build() -> SiteBuildState {
            var state = SiteBuildState(options: options)
            let published = state.run(progress: { _ in })
            #expect(published)
            return state
        }
        let first = build()
        #expect(first.ran == 2 && first.pagesRendered == 2)
        #expect(build().upToDate)

        try project.write("notebooks/points.csv", "2,1\n4,3\n")
        let (reports, digests) = try check()
        for report in reports {
            #expect(report.stale.map(\.kind) == [.fingerprint, .fingerprint])
            #expect(report.stale.map(\.block) == [1, 2])
            #expect(report.stale.map(\.reasons) == [[.data], [.data]])
            #expect(report.stale.first?.message == "stale record (the output is the same; `chainrule update` records where it now comes from): its data changed")
        }
        #expect(digests.hashed.filter { $0.hasSuffix("/points.csv") }.count == 1)

        let second = build()
        #expect(!second.upToDate && second.ran == 2 && second.pagesRendered == 2)
        // The stamp, the pages' keys, the cached runs and the new runs all read its digest.
        #expect(second.digests.hashed.filter { $0.hasSuffix("/points.csv") }.count == 1)
        #expect(build().upToDate)
    }
}
