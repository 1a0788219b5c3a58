import Document

/// libFuzzer's entry: `Notebook.parse` on any bytes. In a notebook that parses, blocks and
/// outputs lie in order without overlapping; recording the outputs it already has changes
/// nothing; rewriting its outputs says what was asked and is idempotent. Any broken property
/// traps, so libFuzzer keeps the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNotebook(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let notebook = try? Notebook.parse(path: "fuzz.md", bytes: bytes) else { return 0 }
    var cursor = 0
    for range in (notebook.blocks.map(\.range) + notebook.outputs.map(\.range)).sorted(by: { $0.lowerBound < $1.lowerBound }) {
        precondition(range.lowerBound >= cursor && range.upperBound <= bytes.count, "blocks and outputs overlap")
        cursor = range.upperBound
    }

    // Recording what is there already changes nothing.
    precondition(notebook.rewritingOutputs(notebook.currentRecords) == bytes, "recording the current outputs changed the file")

    // Records derived from the input: some removed, some with backticks and tildes in them.
    let texts = ["1", "", "```", "~~~~\n````", "a\nb", "(0.5, -2)\n[[1, 2],\n [3, 4]]"]
    let records: [OutputRecord?] = notebook.blocks.map { block in
        let pick = (block.index &+ size) % (texts.count + 1)
        return pick == texts.count ? nil : OutputRecord(text: texts[pick], info: pick % 2 == 0 ? ["ab12"] : [])
    }
    let rewritten = notebook.rewritingOutputs(records)
    guard let again = try? Notebook.parse(path: "fuzz.md", bytes: rewritten) else {
        preconditionFailure("the rewritten notebook does not parse")
    }
    precondition(again.rewritingOutputs(again.currentRecords) == rewritten, "recording the rewritten outputs changed the file")
    // An orphan output right after a removed one is adopted on re-parse (orphans are errors
    // that stop update), so the rest holds for notebooks without orphans.
    guard !notebook.outputs.contains(where: { $0.block == nil }), !notebook.hasErrors else { return 0 }
    precondition(again.blocks.count == notebook.blocks.count, "rewriting changed the number of blocks")
    precondition(again.rewritingOutputs(records) == rewritten, "rewriting is not idempotent")
    for (old, new) in zip(notebook.blocks, again.blocks) where old.isClosed {
        precondition(old.code == new.code, "rewriting changed the code of block \(old.index)")
        if let existing = old.output, !notebook.outputs[existing].isClosed { continue }
        let output = new.output.map { again.outputs[$0] }
        precondition(output?.text == records[old.index]?.text, "block \(old.index) does not record what was asked")
    }
    return 0
}
