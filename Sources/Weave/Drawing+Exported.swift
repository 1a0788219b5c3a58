// Weave draws with Drawing (figures, tables, escaping, highlighting, captions), and its
// clients (the pipeline, the tests) use those through Weave as they did before they moved
// there for live pages: one import of Weave still brings them.
@_exported import Drawing
