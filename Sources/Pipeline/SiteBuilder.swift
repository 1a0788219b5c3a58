import Diagnostics
import Dispatch
import Document
import Foundation
import Weave

/// `chainrule build`: notebooks in, a static site out.
///
/// Stages, each a function of `SiteBuildState` passing plain data to the next: `find` the
/// notebooks and hash them; stop there if the site already holds exactly this build; `parse`
/// them; outline every page (`SiteOutline`: titles, heading ids, equations, the layout);
/// `plan` which pages to keep; `runOrReuse` the notebooks the cache cannot answer for; `draw`
/// the pages that changed; `checkLinks` against every page; `publish` into a staging folder
/// and swap it in.
/// Nothing is printed here: the report says what happened.
public enum SiteBuilder {
    public static func build(_ options: SiteBuildOptions,
                             progress: @escaping @Sendable (SiteBuildEvent) -> Void = { _ in }) -> SiteBuildReport {
        let start = DispatchTime.now().uptimeNanoseconds
        var state = SiteBuildState(options: options)
        let published = state.run(progress: progress)
        var diagnostics = state.diagnostics
        if options.keepGoing {
            // With --keep-going the site is published anyway; failures are shown in place.
            diagnostics = diagnostics.map { $0.severity == .error ? Diagnostic(.warning, $0.message, file: $0.file, at: $0.range, notes: $0.notes) : $0 }
            if !published { diagnostics += state.fatal }
        } else {
            diagnostics += state.fatal
        }
        var report = SiteBuildReport(
            diagnostics: diagnostics, published: published, upToDate: state.upToDate, notebooks: state.notebookCount,
            ran: state.ran, pagesRendered: state.pagesRendered,
            seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        report.inputs = state.inputs
        return report
    }
}
